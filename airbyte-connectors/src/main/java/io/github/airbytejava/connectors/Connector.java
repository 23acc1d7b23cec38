package io.github.airbytejava.connectors;

import io.github.airbytejava.connectors.internal.Catalog;
import io.github.airbytejava.connectors.internal.Schema;
import io.github.airbytejava.connectors.internal.Validator;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What this module knows about one Airbyte connector: its names, definition id, configuration class, which fields
 * are secret, the schema's defaults, and a validator for plain {@code Map} configurations. Get one from
 * {@link Connectors}. Immutable and thread-safe; the schema is read on first use.
 */
public final class Connector {
  private final Catalog.Entry entry;
  private volatile Paths paths;
  private volatile Constructor<? extends ConnectorConfiguration> constructor;

  Connector(Catalog.Entry entry) {
    this.entry = entry;
  }

  public ActorType actorType() {
    return entry.actorType();
  }

  /** The connector's short name: {@code postgres}, {@code google-sheets}, as in {@code sourceType}. */
  public String slug() {
    return entry.slug();
  }

  /** The definition id Airbyte's registry gives the connector. */
  public Optional<UUID> definitionId() {
    return Optional.ofNullable(entry.definitionId());
  }

  /** The display name, such as {@code Postgres}. */
  public String name() {
    return entry.name();
  }

  /** Such as {@code airbyte/source-postgres}. */
  public String dockerRepository() {
    return entry.dockerRepository();
  }

  /**
   * Whether Airbyte's server finds this connector by its {@code sourceType}/{@code destinationType} alone. It has a
   * hand-written table that lacks about half of the connectors; requests made by this module always carry the
   * definition id, so this only matters for requests made otherwise.
   */
  public boolean inServerNameMap() {
    return entry.inServerNameMap();
  }

  /** The generated class's name, without loading it. */
  String className() {
    return entry.className();
  }

  /** The generated class, such as {@code SourcePostgres}. */
  public Class<? extends ConnectorConfiguration> configurationClass() {
    return constructor().getDeclaringClass();
  }

  /** A typed view (the generated class) of a plain configuration, copied; it is not validated. */
  public ConnectorConfiguration read(Map<String, ?> configuration) {
    return typed(ConnectorConfiguration.copyOf(configuration));
  }

  /** A raw view of a plain configuration, copied; it is not validated. */
  public ConnectorConfiguration raw(Map<String, ?> configuration) {
    Map<String, Object> values = ConnectorConfiguration.copyOf(configuration);
    return actorType() == ActorType.SOURCE ? SourceConfiguration.raw(this, values)
        : DestinationConfiguration.raw(this, values);
  }

  ConnectorConfiguration typed(Map<String, Object> frozenValues) {
    try {
      return constructor().newInstance(frozenValues);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("airbyte-connectors: cannot make a " + entry.className(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private Constructor<? extends ConnectorConfiguration> constructor() {
    Constructor<? extends ConnectorConfiguration> c = constructor;
    if (c == null) {
      try {
        Class<?> type = Class.forName(entry.className(), true, Connector.class.getClassLoader());
        c = (Constructor<? extends ConnectorConfiguration>) type.getDeclaredConstructor(Map.class);
        c.setAccessible(true);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("airbyte-connectors: the class " + entry.className() + " is missing", e);
      }
      constructor = c;
    }
    return c;
  }

  /**
   * Every way {@code configuration} does not fit this connector's schema, required fields first (empty when it fits):
   * required fields, types, enum and const values, bounds, lengths, patterns, array items, closed objects, and
   * exactly one oneOf variant. {@code sourceType}/{@code destinationType} at the top are allowed.
   */
  public List<ConfigurationProblem> problems(Map<String, ?> configuration) {
    return problems(configuration, false);
  }

  /**
   * Fields that are probably misspelt where the schema accepts fields it does not name (so they are not
   * {@link #problems}): {@code hots: is not a field of this schema; did you mean host?}. Empty when there are none.
   * Where the schema does not accept other fields, the same hint is part of the problem.
   */
  public List<ConfigurationProblem> warnings(Map<String, ?> configuration) {
    @SuppressWarnings("unchecked")
    Map<String, ?> map = (Map<String, ?>) ConfigObject.freeze(Objects.requireNonNull(configuration, "configuration"));
    return Validator.warnings(schema(), map, Set.of(actorType().typeKey()));
  }

  List<ConfigurationProblem> problems(Map<String, ?> configuration, boolean partial) {
    @SuppressWarnings("unchecked")
    Map<String, ?> map = (Map<String, ?>) ConfigObject.freeze(Objects.requireNonNull(configuration, "configuration"));
    return Validator.validate(schema(), map, partial, Set.of(actorType().typeKey()));
  }

  /**
   * Checks a plain configuration against this connector's schema.
   *
   * @throws InvalidConfigurationException listing every problem with its JSON path (never a value)
   */
  public void validate(Map<String, ?> configuration) {
    List<ConfigurationProblem> problems = problems(configuration);
    if (!problems.isEmpty()) {
      throw new InvalidConfigurationException(actorType().wireName() + " " + slug(), this, problems);
    }
  }

  /**
   * The paths of the secret fields ({@code airbyte_secret}), each the keys from the configuration down to the field,
   * array indexes left out and oneOf variants flattened (so {@code [ssl_mode, ca_certificate]} and
   * {@code [tunnel_method, ssh_key]} for Postgres). Airbyte returns these masked.
   */
  public List<List<String>> secretPaths() {
    return paths().secret;
  }

  /**
   * Whether the value at {@code path} (keys as in {@link #secretPaths()}) may be a secret: true for a secret field,
   * and also for a path the schema does not describe, which nothing says is not one.
   */
  public boolean isSecret(List<String> path) {
    Boolean secret = paths().secretByPath.get(path);
    return secret == null || secret;
  }

  /**
   * The schema's default of every field that has one, by path (as in {@link #secretPaths()}); where oneOf variants
   * give one path different defaults, the first variant's.
   */
  public Map<List<String>, Object> defaults() {
    return paths().defaults;
  }

  /** This connector's schema, as the facts file has it (JSON). */
  public String schemaJson() {
    return Catalog.schemaJson(actorType(), slug());
  }

  Schema schema() {
    return Catalog.schema(actorType(), slug());
  }

  private Paths paths() {
    Paths p = paths;
    if (p == null) {
      p = new Paths(schema());
      paths = p;
    }
    return p;
  }

  private static final class Paths {
    final Map<List<String>, Boolean> secretByPath = new LinkedHashMap<>();
    final Map<List<String>, Object> defaults;
    final List<List<String>> secret;

    Paths(Schema schema) {
      Map<List<String>, Object> found = new LinkedHashMap<>();
      walk(schema, List.of(), found);
      defaults = Collections.unmodifiableMap(found);
      List<List<String>> secrets = new ArrayList<>();
      secretByPath.forEach((path, s) -> {
        if (s) {
          secrets.add(path);
        }
      });
      secret = Collections.unmodifiableList(secrets);
    }

    private void walk(Schema schema, List<String> path, Map<List<String>, Object> found) {
      if (!path.isEmpty()) {
        secretByPath.merge(path, schema.isSecret(), Boolean::logicalOr);
        if (schema.defaultValue() != null) {
          found.putIfAbsent(path, schema.defaultValue());
        }
      }
      schema.propertyNames().forEach(name -> {
        List<String> child = new ArrayList<>(path);
        child.add(name);
        walk(schema.property(name), List.copyOf(child), found);
      });
      if (schema.items() != null) {
        walk(schema.items(), path, found);
      }
      for (int i = 0; i < schema.variantCount(); i++) {
        walk(schema.variant(i), path, found);
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Connector c && c.entry.actorType() == entry.actorType() && c.entry.slug().equals(entry.slug());
  }

  @Override
  public int hashCode() {
    return entry.actorType().hashCode() * 31 + entry.slug().hashCode();
  }

  /** Such as {@code source postgres (decd338e-5647-4c0b-adf4-da0e75f5a750)}. */
  @Override
  public String toString() {
    return actorType().wireName() + " " + slug() + " (" + (entry.definitionId() == null ? "no definition id"
        : entry.definitionId()) + ")";
  }
}
