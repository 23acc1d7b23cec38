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
   * Fields that are probably misspelt where the schema accepts fields it does not name, so that they are no problem
   * (see {@link Connector#warnings(Map)}); empty when there are none or the connector is not known.
   */
  public final List<ConfigurationProblem> warnings() {
    return connector == null ? List.of() : connector.warnings(frozenValues());
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
   * such fields are left out, so the server keeps the stored secret, except inside a list, which the server
   * replaces whole (an error too). Validated unless {@code validation} is OFF.
   */
  @SuppressWarnings("unchecked")
  final Map<String, Object> requestConfiguration(Validation validation, boolean patch) {
    Map<String, Object> payload = (Map<String, Object>) Values.mutableCopy(frozenValues());
    List<ConfigurationProblem> problems = new ArrayList<>();
    if (patch) {
      dropMasks(payload, "", problems);
    } else {
      findMasks(payload, "", problems, "; set the secret again, or send a PATCH, which keeps the stored one");
    }
    if (validation != Validation.OFF && connector != null) {
      problems.addAll(connector.problems(payload, patch));
    }
    if (!problems.isEmpty()) {
      throw new InvalidConfigurationException(describe(), connector, problems);
    }
    return payload;
  }

  /**
   * Leaves out each field holding the mask, so the server keeps the stored secret. A PATCH replaces a list whole,
   * so a mask inside one cannot be left out (the item would lose its secret): that is a problem.
   */
  @SuppressWarnings("unchecked")
  private static void dropMasks(Map<String, Object> map, String path, List<ConfigurationProblem> problems) {
    map.values().removeIf(Values.MASK::equals);
    map.forEach((k, v) -> {
      String at = path.isEmpty() ? k : path + "." + k;
      if (v instanceof Map<?, ?> object) {
        dropMasks((Map<String, Object>) object, at, problems);
      } else if (v instanceof List<?>) {
        findMasks(v, at, problems, ", and a PATCH replaces a list whole: set the secret again, or remove the list"
            + " (toBuilder().remove(\"" + k + "\")) to keep the stored one");
      }
    });
  }

  private static void findMasks(Object value, String path, List<ConfigurationProblem> problems, String remedy) {
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> {
        String at = path.isEmpty() ? (String) k : path + "." + k;
        if (Values.MASK.equals(v)) {
          problems.add(new ConfigurationProblem(at, "holds the mask Airbyte returns instead of a secret (" + Values.MASK
              + ")" + remedy));
        } else {
          findMasks(v, at, problems, remedy);
        }
      });
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        Object item = list.get(i);
        if (Values.MASK.equals(item)) {
          problems.add(new ConfigurationProblem(path + "[" + i + "]", "holds the mask Airbyte returns instead of a"
              + " secret (" + Values.MASK + ")" + remedy));
        } else {
          findMasks(item, path + "[" + i + "]", problems, remedy);
        }
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
