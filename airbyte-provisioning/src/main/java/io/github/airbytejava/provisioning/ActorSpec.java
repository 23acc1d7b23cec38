package io.github.airbytejava.provisioning;

import io.github.airbytejava.connectors.Connector;
import io.github.airbytejava.connectors.ConnectorConfiguration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A source or a destination as it should be: its name (its identity within the workspace), its connector (a slug
 * such as {@code postgres}, or a definition id) and its configuration. Configuration values are JSON values
 * (maps, lists, strings, numbers, booleans, null); a {@link Secret}, or a string holding {@code ${NAME}}, is a
 * secret resolved only when it must be sent.
 *
 * <pre>{@code
 * ActorSpec pg = ActorSpec.source("pg-prod").connector("postgres")
 *     .configuration(Map.of("host", "db.internal", "port", 5432, "database", "app",
 *         "username", "airbyte", "password", Secret.ref("PG_PASSWORD")))
 *     .build();
 * }</pre>
 */
public final class ActorSpec {
  /** Sources and destinations. */
  public enum Kind {
    SOURCE("source"), DESTINATION("destination");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** {@code source} or {@code destination}. */
    public String label() {
      return label;
    }

    /** The configuration key that names the connector: {@code sourceType} or {@code destinationType}. */
    String typeKey() {
      return label + "Type";
    }
  }

  private final Kind kind;
  private final String name;
  private final String connector;
  private final UUID definitionId;
  private final Map<String, Object> configuration;
  final Origin origin;

  private ActorSpec(Builder b) {
    this.kind = b.kind;
    this.name = b.name;
    Map<String, Object> configuration = new LinkedHashMap<>(Values.desiredObject(b.configuration));
    // The connector is a field of its own; Airbyte strips this key from what it stores.
    Object type = configuration.remove(kind.typeKey());
    this.connector = b.connector != null || !(type instanceof String slug) ? b.connector : slug;
    this.definitionId = b.definitionId;
    this.configuration = Collections.unmodifiableMap(configuration);
    this.origin = b.origin;
  }

  public static Builder source(String name) {
    return new Builder(Kind.SOURCE, name);
  }

  public static Builder destination(String name) {
    return new Builder(Kind.DESTINATION, name);
  }

  public Kind kind() {
    return kind;
  }

  public String name() {
    return name;
  }

  /** The connector's slug ({@code postgres}), or null when given only by {@link #definitionId()}. */
  public String connector() {
    return connector;
  }

  /** The connector's definition id, or null when given only by slug. */
  public UUID definitionId() {
    return definitionId;
  }

  /** The configuration; strings holding references are {@link Secret}s. Unmodifiable. */
  public Map<String, Object> configuration() {
    return configuration;
  }

  String describe() {
    return kind.label + " \"" + name + "\"";
  }

  /**
   * References print as themselves; a value its connector's schema marks secret, or does not describe (nothing says
   * it is not a secret: every value of a custom connector), prints as {@code (secret)}.
   */
  @Override
  public String toString() {
    Optional<Connector> known = TypedConnectors.connector(kind, connector, definitionId);
    return "ActorSpec{" + describe() + ", connector=" + (connector != null ? connector : definitionId)
        + ", configuration=" + Values.render(Values.hidden(configuration, List.of(),
            path -> known.map(c -> c.isSecret(path)).orElse(true))) + '}';
  }

  /** Builds an {@link ActorSpec}; {@link #connector(String)} or {@link #definitionId(UUID)} is required. */
  public static final class Builder {
    private final Kind kind;
    private final String name;
    private String connector;
    private UUID definitionId;
    private Map<String, ?> configuration = Map.of();
    private Origin origin = Origin.NONE;

    private Builder(Kind kind, String name) {
      this.kind = kind;
      this.name = Objects.requireNonNull(name, "name");
    }

    /** The connector's slug, as in Airbyte's registry ({@code postgres}, {@code bigquery}, {@code dev-null}). */
    public Builder connector(String slug) {
      this.connector = slug;
      return this;
    }

    /** The connector's definition id; needed for custom connectors. */
    public Builder definitionId(UUID definitionId) {
      this.definitionId = definitionId;
      return this;
    }

    /**
     * The whole configuration as JSON values; copied. A {@code sourceType}/{@code destinationType} in it names the
     * connector when {@link #connector(String)} is not called.
     */
    public Builder configuration(Map<String, ?> configuration) {
      this.configuration = Objects.requireNonNull(configuration, "configuration");
      return this;
    }

    /**
     * A typed configuration from {@code airbyte-connectors} ({@code SourcePostgres.builder()...build()}): its
     * connector and definition id, and its JSON. A password given as {@code "${PG_PASSWORD}"} is a secret
     * reference, as in a file.
     */
    public Builder configuration(ConnectorConfiguration configuration) {
      Objects.requireNonNull(configuration, "configuration");
      if (!configuration.actorType().wireName().equals(kind.label)) {
        throw new IllegalArgumentException("A " + configuration.actorType().wireName() + " configuration given to "
            + kind.label + " \"" + name + "\"");
      }
      configuration.connector().ifPresent(c -> this.connector = c.slug());
      configuration.definitionId().ifPresent(id -> this.definitionId = id);
      this.configuration = configuration.toMap();
      return this;
    }

    Builder origin(Origin origin) {
      this.origin = origin;
      return this;
    }

    public ActorSpec build() {
      return new ActorSpec(this);
    }
  }
}
