package io.github.airbytejava.connectors;

import io.github.airbytejava.connectors.internal.Shape;
import io.github.airbytejava.connectors.internal.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A whole connector configuration: a generated class such as {@code SourcePostgres}, or a raw view of a connector
 * this module does not type (custom, declarative, newer than its facts). Immutable.
 */
public abstract class ConnectorConfiguration extends ConfigObject {
  private final ActorType actorType;
  private final Connector connector;
  private final UUID definitionId;

  /** For the generated classes. */
  protected ConnectorConfiguration(Shape shape, Map<String, Object> values) {
    super(shape, values);
    this.actorType = shape.actorType();
    this.connector = Connectors.require(shape.actorType(), shape.slug());
    this.definitionId = connector.definitionId().orElse(null);
  }

  /** A raw view; {@code connector} null when not known. */
  ConnectorConfiguration(ActorType actorType, Connector connector, UUID definitionId, Map<String, Object> values) {
    super(connector == null ? Shape.unknown() : Shape.root(actorType, connector.slug()), values);
    this.actorType = actorType;
    this.connector = connector;
    this.definitionId = definitionId;
  }

  public final ActorType actorType() {
    return actorType;
  }

  /** The connector, when this module knows it. */
  public final Optional<Connector> connector() {
    return Optional.ofNullable(connector);
  }

  /** The definition id requests made from this configuration carry, if one is known. */
  public final Optional<UUID> definitionId() {
    return Optional.ofNullable(definitionId);
  }

  /** False for a raw view, also one of a known connector. */
  public boolean isTyped() {
    return true;
  }

  /**
   * Every way this configuration does not fit its connector's schema, missing required fields first; empty when it fits or
   * when the connector is not known.
   */
  public final List<ConfigurationProblem> problems() {
    return connector == null ? List.of() : connector.problems(frozenValues());
  }

  /**
   * Checks this configuration against its connector's schema.
   *
   * @throws InvalidConfigurationException listing every problem
   */
  public final void validate() {
    List<ConfigurationProblem> problems = problems();
    if (!problems.isEmpty()) {
      throw new InvalidConfigurationException(describe(), connector, problems);
    }
  }

  /**
   * The configuration to send, as a mutable map. For a create or a replace, a field that holds the mask Airbyte
   * returns instead of a secret ({@value Values#MASK}) is an error: sent, it would become the secret. For a PATCH
   * such fields are left out, so the server keeps the stored secret. Validated unless {@code validation} is OFF.
   */
  @SuppressWarnings("unchecked")
  final Map<String, Object> requestConfiguration(Validation validation, boolean patch) {
    Map<String, Object> payload = (Map<String, Object>) Values.mutableCopy(frozenValues());
    List<ConfigurationProblem> problems = new ArrayList<>();
    if (patch) {
      dropMasks(payload);
    } else {
      findMasks(payload, "", problems);
    }
    if (validation != Validation.OFF && connector != null) {
      problems.addAll(connector.problems(payload, patch));
    }
    if (!problems.isEmpty()) {
      throw new InvalidConfigurationException(describe(), connector, problems);
    }
    return payload;
  }

  private static void dropMasks(Object value) {
    if (value instanceof Map<?, ?> map) {
      map.values().removeIf(Values.MASK::equals);
      map.values().forEach(ConnectorConfiguration::dropMasks);
    } else if (value instanceof List<?> list) {
      list.forEach(ConnectorConfiguration::dropMasks);
    }
  }

  private static void findMasks(Object value, String path, List<ConfigurationProblem> problems) {
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> {
        String at = path.isEmpty() ? (String) k : path + "." + k;
        if (Values.MASK.equals(v)) {
          problems.add(new ConfigurationProblem(at, "holds the mask Airbyte returns instead of a secret (" + Values.MASK
              + "); set the secret again, or send a PATCH, which keeps the stored one"));
        } else {
          findMasks(v, at, problems);
        }
      });
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        findMasks(list.get(i), path + "[" + i + "]", problems);
      }
    }
  }

  /** {@code source postgres}, or {@code source 1b2c...} for a connector this module does not know. */
  final String describe() {
    return actorType.wireName() + " " + (connector != null ? connector.slug()
        : definitionId != null ? definitionId : "(no definition id)");
  }

  static Map<String, Object> copyOf(Map<String, ?> configuration) {
    return frozen(configuration == null ? new LinkedHashMap<>() : configuration);
  }
}
