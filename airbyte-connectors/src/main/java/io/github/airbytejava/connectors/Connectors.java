package io.github.airbytejava.connectors;

import io.github.airbytejava.SecretFields;
import io.github.airbytejava.connectors.internal.Catalog;
import io.github.airbytejava.connectors.internal.Names;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every connector this module was built with (555 sources and 45 destinations from Airbyte's published
 * specifications), by slug or by definition id.
 *
 * <pre>{@code
 * Connector postgres = Connectors.source("postgres");
 * postgres.definitionId();                     // decd338e-5647-4c0b-adf4-da0e75f5a750
 * postgres.validate(Map.of("host", "db"));     // InvalidConfigurationException: port, database, username required
 * }</pre>
 */
public final class Connectors {
  private Connectors() {
  }

  private static final class All {
    static final Map<Catalog.Entry, Connector> BY_ENTRY = new LinkedHashMap<>();
    static final List<Connector> LIST;

    static {
      Catalog.entries().forEach(e -> BY_ENTRY.put(e, new Connector(e)));
      LIST = Collections.unmodifiableList(new ArrayList<>(BY_ENTRY.values()));
    }
  }

  /** Every connector, sources first, each sorted by slug. */
  public static List<Connector> all() {
    return All.LIST;
  }

  public static Optional<Connector> find(ActorType actorType, String slug) {
    Objects.requireNonNull(actorType, "actorType");
    Objects.requireNonNull(slug, "slug");
    Catalog.Entry entry = Catalog.find(actorType, slug);
    return entry == null ? Optional.empty() : Optional.of(All.BY_ENTRY.get(entry));
  }

  /** The connector with this definition id in Airbyte's registry. */
  public static Optional<Connector> byDefinitionId(UUID definitionId) {
    Objects.requireNonNull(definitionId, "definitionId");
    Catalog.Entry entry = Catalog.byDefinitionId(definitionId);
    return entry == null ? Optional.empty() : Optional.of(All.BY_ENTRY.get(entry));
  }

  /**
   * The source connector named {@code slug}.
   *
   * @throws IllegalArgumentException when there is none
   */
  public static Connector source(String slug) {
    return require(ActorType.SOURCE, slug);
  }

  /**
   * The destination connector named {@code slug}.
   *
   * @throws IllegalArgumentException when there is none
   */
  public static Connector destination(String slug) {
    return require(ActorType.DESTINATION, slug);
  }

  /**
   * The client's logging told which configuration values are secret by the connectors' schemas, so a logged body
   * shows a Postgres source's host and port but not its password or SSH key:
   * {@code AirbyteClient.builder().logLevel(LogLevel.BODY).secretFields(Connectors.secretFields())}. Every value of a
   * connector this module does not know, and every value its schema does not describe, stays masked.
   */
  public static SecretFields secretFields() {
    return SchemaSecretFields.INSTANCE;
  }

  private static final class SchemaSecretFields implements SecretFields {
    static final SchemaSecretFields INSTANCE = new SchemaSecretFields();
    private final Map<String, Optional<Connector>> resolved = new ConcurrentHashMap<>();

    @Override
    public boolean isSecret(String actorType, String connector, List<String> path) {
      if (connector == null) {
        return true;
      }
      Optional<Connector> known = resolved.computeIfAbsent(actorType + "/" + connector, key -> resolve(actorType, connector));
      return known.isEmpty() || known.get().isSecret(path);
    }

    private static Optional<Connector> resolve(String actorType, String connector) {
      ActorType type = "source".equals(actorType) ? ActorType.SOURCE
          : "destination".equals(actorType) ? ActorType.DESTINATION : null;
      try {
        Optional<Connector> byId = byDefinitionId(UUID.fromString(connector));
        return byId.filter(c -> type == null || c.actorType() == type);
      } catch (IllegalArgumentException notAnId) {
        if (type != null) {
          return find(type, connector);
        }
        // A name alone, without the actor type: only when it names one connector.
        Optional<Connector> source = find(ActorType.SOURCE, connector);
        Optional<Connector> destination = find(ActorType.DESTINATION, connector);
        return source.isPresent() == destination.isPresent() ? Optional.empty() : source.or(() -> destination);
      }
    }
  }

  static Connector require(ActorType actorType, String slug) {
    return find(actorType, slug).orElseThrow(() -> new IllegalArgumentException("No " + actorType.wireName()
        + " connector is named " + slug + suggestion(actorType, slug) + " (see Connectors.all())"));
  }

  /** {@code ; did you mean postgres?} naming the nearest slugs, or nothing when none is near. */
  private static String suggestion(ActorType actorType, String slug) {
    List<String> slugs = all().stream().filter(c -> c.actorType() == actorType).map(Connector::slug).toList();
    List<String> near = Names.nearest(slug, slugs, 3);
    return near.isEmpty() ? "" : "; did you mean " + Names.either(near) + "?";
  }

  /** By definition id, else by the type name the server gave (it is empty for connectors missing from its table). */
  static Connector identify(ActorType actorType, UUID definitionId, String typeName) {
    if (definitionId != null) {
      Optional<Connector> byId = byDefinitionId(definitionId);
      if (byId.isPresent()) {
        return byId.get().actorType() == actorType ? byId.get() : null;
      }
    }
    return typeName == null || typeName.isEmpty() ? null : find(actorType, typeName).orElse(null);
  }

  /** {@code typeName}: the server's {@code sourceType}/{@code destinationType}, which names a connector it knows. */
  static ConnectorMismatchException mismatch(String what, ConnectorConfiguration actual, Class<?> wanted,
      String typeName) {
    String named = typeName == null || typeName.isEmpty() ? "" : "type " + typeName + ", ";
    String is = actual.connector().map(c -> "the " + c.actorType().wireName() + " " + c.slug() + " ("
        + (actual.isTyped() ? actual.getClass().getSimpleName() : "raw") + ")")
        .orElse("a connector this module does not know (" + named + "definition id "
            + actual.definitionId().map(UUID::toString).orElse("unknown") + "; read it with raw(...))");
    String wantedSlug = all().stream().filter(c -> c.className().equals(wanted.getName())).findFirst()
        .map(c -> " (the " + c.actorType().wireName() + " " + c.slug() + ")").orElse("");
    return new ConnectorMismatchException(what + " is " + is + ", not " + wanted.getSimpleName() + wantedSlug);
  }
}
