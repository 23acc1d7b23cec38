package io.github.airbytejava.specdiff;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a property that is a reference with a description, {@code allOf: [{$ref: ...}]} (OpenAPI 3.0 ignores what
 * stands beside a bare {@code $ref}, so this is how a referencing property describes itself), as that reference.
 * Descriptions are not compared, and the property's type is the referenced one either way; openapi-diff would
 * report a changed type.
 */
final class DescribedRefs {
  private DescribedRefs() {}

  static void unwrap(OpenAPI api) {
    Set<Schema<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Schema<?> schema : api.getComponents().getSchemas().values()) walk(schema, seen);
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static void walk(Schema<?> schema, Set<Schema<?>> seen) {
    if (schema == null || !seen.add(schema)) return;
    Map<String, Schema> properties = schema.getProperties();
    if (properties != null) {
      for (Map.Entry<String, Schema> property : properties.entrySet()) {
        property.setValue(plain(property.getValue()));
        walk(property.getValue(), seen);
      }
    }
    if (schema.getItems() != null) {
      schema.setItems((Schema) plain(schema.getItems()));
      walk(schema.getItems(), seen);
    }
    if (schema.getAdditionalProperties() instanceof Schema) {
      schema.setAdditionalProperties(plain((Schema<?>) schema.getAdditionalProperties()));
      walk((Schema<?>) schema.getAdditionalProperties(), seen);
    }
    for (List<Schema> members : List.of(nullToEmpty(schema.getAllOf()), nullToEmpty(schema.getOneOf()),
        nullToEmpty(schema.getAnyOf()))) {
      for (Schema member : members) walk(member, seen);
    }
  }

  /** The bare reference for {@code allOf: [{$ref}]} with nothing else but documentation; the schema otherwise. */
  private static Schema<?> plain(Schema<?> schema) {
    if (schema == null || schema.getAllOf() == null || schema.getAllOf().size() != 1) return schema;
    Schema<?> only = schema.getAllOf().get(0);
    boolean onlyDocumented = schema.getType() == null && schema.getTypes() == null && schema.getProperties() == null
        && schema.getOneOf() == null && schema.getAnyOf() == null && schema.getItems() == null
        && schema.getNullable() == null && schema.getEnum() == null && schema.getFormat() == null;
    if (only.get$ref() == null || !onlyDocumented) return schema;
    Schema<?> ref = new Schema<>();
    ref.set$ref(only.get$ref());
    return ref;
  }

  @SuppressWarnings("rawtypes")
  private static List<Schema> nullToEmpty(List<Schema> list) {
    return list == null ? List.of() : list;
  }
}
