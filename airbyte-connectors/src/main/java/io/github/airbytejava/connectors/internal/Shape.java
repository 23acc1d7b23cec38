package io.github.airbytejava.connectors.internal;

import io.github.airbytejava.connectors.ActorType;

/**
 * Where a generated class sits in its connector's schema (the connector, then properties, oneOf variants and array
 * items), resolved to the {@link Schema} only when needed: reading and building configurations never loads it;
 * validating and {@code toString()} do. Not API.
 */
public final class Shape {
  private static final Shape UNKNOWN = new Shape(null, null, null, ' ', null, -1);

  private final ActorType actorType;
  private final String slug;
  private final Shape parent;
  private final char step; // 'r' root, 'p' property, 'v' variant, 'i' items
  private final String property;
  private final int variant;
  private volatile Schema resolved;
  private volatile boolean missing;

  private Shape(ActorType actorType, String slug, Shape parent, char step, String property, int variant) {
    this.actorType = actorType;
    this.slug = slug;
    this.parent = parent;
    this.step = step;
    this.property = property;
    this.variant = variant;
  }

  public static Shape root(ActorType actorType, String slug) {
    return new Shape(actorType, slug, null, 'r', null, -1);
  }

  /** A configuration whose connector is not known: no schema, so every value counts as secret. */
  public static Shape unknown() {
    return UNKNOWN;
  }

  public Shape child(String name) {
    return new Shape(actorType, slug, this, 'p', name, -1);
  }

  public Shape variant(int n) {
    return new Shape(actorType, slug, this, 'v', null, n);
  }

  public Shape items() {
    return new Shape(actorType, slug, this, 'i', null, -1);
  }

  public ActorType actorType() {
    return actorType;
  }

  public String slug() {
    return slug;
  }

  /**
   * The path of the field {@code name} of an object at this place, as validation names it: {@code port},
   * {@code ssl_mode.ca_certificate}, {@code streams[].format} (an item's index is not known here).
   */
  public String path(String name) {
    return Validator.join(prefix(), name);
  }

  private String prefix() {
    return switch (step) {
      case 'p' -> Validator.join(parent.prefix(), property);
      case 'v' -> parent.prefix();
      case 'i' -> parent.prefix() + "[]";
      default -> "";
    };
  }

  /** The schema, or null when the connector is unknown (or its schema lacks this place). */
  public Schema schema() {
    Schema schema = resolved;
    if (schema != null || missing || this == UNKNOWN) {
      return schema;
    }
    schema = switch (step) {
      case 'r' -> Catalog.schema(actorType, slug);
      case 'p' -> parent.schema() == null ? null : parent.schema().property(property);
      case 'v' -> parent.schema() == null || parent.schema().oneOf == null || parent.schema().oneOf.size() <= variant
          ? null : parent.schema().variant(variant);
      default -> parent.schema() == null ? null : parent.schema().items();
    };
    if (schema == null) {
      missing = true;
    } else {
      resolved = schema;
    }
    return schema;
  }
}
