package io.github.airbytejava.specdiff;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code format} of an array or an object ({@code format: set} on Airbyte's {@code selectedFields}) changes no
 * generated type, but openapi-diff takes a changed format for a changed type and then stops comparing what is inside
 * (the items). So such a format is moved into the extension {@value #EXTENSION} before the comparison; the rules
 * report a change of it as {@code ok}, naming both formats.
 */
final class ContainerFormats {
  static final String EXTENSION = "x-spec-diff-format";

  private ContainerFormats() {}

  static void stash(OpenAPI api) {
    Set<Schema<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    api.getComponents().getSchemas().values().forEach(s -> walk(s, seen));
    api.getComponents().getResponses().values().forEach(r -> content(r.getContent(), seen));
    api.getComponents().getRequestBodies().values().forEach(b -> content(b.getContent(), seen));
    api.getComponents().getParameters().values().forEach(p -> walk(p.getSchema(), seen));
    for (PathItem item : api.getPaths().values()) {
      parameters(item.getParameters(), seen);
      for (Operation operation : item.readOperations()) {
        parameters(operation.getParameters(), seen);
        if (operation.getRequestBody() != null) {
          content(operation.getRequestBody().getContent(), seen);
        }
        if (operation.getResponses() != null) {
          for (ApiResponse response : operation.getResponses().values()) {
            content(response.getContent(), seen);
          }
        }
      }
    }
  }

  /** The stashed format of an array or object, or null. */
  static Object of(Schema<?> schema) {
    return schema == null || schema.getExtensions() == null ? null : schema.getExtensions().get(EXTENSION);
  }

  private static void parameters(List<Parameter> parameters, Set<Schema<?>> seen) {
    if (parameters != null) {
      parameters.forEach(p -> walk(p.getSchema(), seen));
    }
  }

  private static void content(Content content, Set<Schema<?>> seen) {
    if (content != null) {
      content.values().forEach(m -> walk(m.getSchema(), seen));
    }
  }

  @SuppressWarnings("rawtypes")
  private static void walk(Schema<?> s, Set<Schema<?>> seen) {
    if (s == null || !seen.add(s)) {
      return;
    }
    boolean container = "array".equals(s.getType()) || "object".equals(s.getType());
    if (container && s.getFormat() != null) {
      s.addExtension(EXTENSION, s.getFormat());
      s.setFormat(null);
    }
    if (s.getProperties() != null) {
      for (Map.Entry<String, Schema> p : s.getProperties().entrySet()) {
        walk(p.getValue(), seen);
      }
    }
    walk(s.getItems(), seen);
    if (s.getAdditionalProperties() instanceof Schema<?> additional) {
      walk(additional, seen);
    }
    for (List<Schema> members : List.of(orEmpty(s.getOneOf()), orEmpty(s.getAnyOf()), orEmpty(s.getAllOf()))) {
      for (Schema member : members) {
        walk(member, seen);
      }
    }
  }

  @SuppressWarnings("rawtypes")
  private static List<Schema> orEmpty(List<Schema> list) {
    return list == null ? List.of() : list;
  }
}
