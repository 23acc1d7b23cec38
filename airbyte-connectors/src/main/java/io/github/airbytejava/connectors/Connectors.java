package io.github.airbytejava.connectors;

import io.github.airbytejava.connectors.internal.Catalog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

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

  static Connector require(ActorType actorType, String slug) {
    return find(actorType, slug).orElseThrow(() -> new IllegalArgumentException("No " + actorType.wireName()
        + " connector is named " + slug + " (see Connectors.all())"));
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

  static ConnectorMismatchException mismatch(String what, ConnectorConfiguration actual, Class<?> wanted) {
    String is = actual.connector().map(c -> "the " + c.actorType().wireName() + " " + c.slug() + " ("
        + (actual.isTyped() ? actual.getClass().getSimpleName() : "raw") + ")")
        .orElse("a connector this module does not know (definition id "
            + actual.definitionId().map(UUID::toString).orElse("unknown") + "; read it with raw(...))");
    return new ConnectorMismatchException(what + " is " + is + ", not " + wanted.getSimpleName());
  }
}
