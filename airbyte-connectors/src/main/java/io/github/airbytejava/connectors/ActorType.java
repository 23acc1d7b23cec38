package io.github.airbytejava.connectors;

/** Whether a connector reads data (a source) or writes it (a destination). */
public enum ActorType {
  SOURCE("source"),
  DESTINATION("destination");

  private final String wireName;

  ActorType(String wireName) {
    this.wireName = wireName;
  }

  /** {@code source} or {@code destination}, as Airbyte writes it. */
  public String wireName() {
    return wireName;
  }

  /** The configuration key naming the connector: {@code sourceType} or {@code destinationType}. */
  public String typeKey() {
    return wireName + "Type";
  }

  /**
   * The actor type Airbyte writes as {@code wireName}.
   *
   * @throws IllegalArgumentException for anything but {@code source} or {@code destination}
   */
  public static ActorType fromWireName(String wireName) {
    if ("source".equals(wireName)) {
      return SOURCE;
    }
    if ("destination".equals(wireName)) {
      return DESTINATION;
    }
    throw new IllegalArgumentException("not an actor type (source or destination): " + wireName);
  }
}
