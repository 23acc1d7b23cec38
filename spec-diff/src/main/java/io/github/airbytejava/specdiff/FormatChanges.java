package io.github.airbytejava.specdiff;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.github.airbytejava.specdiff.ChangeRules.Finding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Finds the changed formats of arrays and objects (see {@link ContainerFormats}), which openapi-diff no longer sees
 * once they are stashed: both specs are walked side by side, operation by operation, through the request body and
 * the success responses. Each is an {@code ok} finding, since no generated type depends on such a format.
 */
final class FormatChanges {
  private static final int MAX_DEPTH = 25;

  private final Map<String, Schema<?>> oldSchemas;
  private final Map<String, Schema<?>> newSchemas;
  private final List<Finding> findings = new ArrayList<>();
  private final Set<Schema<?>> onPath = Collections.newSetFromMap(new IdentityHashMap<>());

  private FormatChanges(OpenAPI oldApi, OpenAPI newApi) {
    this.oldSchemas = schemas(oldApi);
    this.newSchemas = schemas(newApi);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Map<String, Schema<?>> schemas(OpenAPI api) {
    return (Map) api.getComponents().getSchemas();
  }

  /** The findings by operation, keyed {@code METHOD path}. */
  static Map<String, List<Finding>> find(OpenAPI oldApi, OpenAPI newApi) {
    Map<String, List<Finding>> out = new LinkedHashMap<>();
    for (Map.Entry<String, PathItem> e : oldApi.getPaths().entrySet()) {
      PathItem newItem = newApi.getPaths().get(e.getKey());
      if (newItem == null) {
        continue;
      }
      Map<PathItem.HttpMethod, Operation> newOps = newItem.readOperationsMap();
      e.getValue().readOperationsMap().forEach((method, oldOp) -> {
        Operation newOp = newOps.get(method);
        if (newOp == null) {
          return;
        }
        FormatChanges walk = new FormatChanges(oldApi, newApi);
        if (oldOp.getRequestBody() != null && newOp.getRequestBody() != null) {
          walk.content(oldOp.getRequestBody().getContent(), newOp.getRequestBody().getContent(), "request body");
        }
        if (oldOp.getResponses() != null && newOp.getResponses() != null) {
          oldOp.getResponses().forEach((code, oldResponse) -> {
            ApiResponse newResponse = newOp.getResponses().get(code);
            if (code.startsWith("2") && newResponse != null) {
              walk.content(oldResponse.getContent(), newResponse.getContent(), "response " + code);
            }
          });
        }
        if (!walk.findings.isEmpty()) {
          out.put(method.name() + " " + e.getKey(), walk.findings);
        }
      });
    }
    return out;
  }

  private void content(Content oldContent, Content newContent, String where) {
    if (oldContent == null || newContent == null) {
      return;
    }
    for (Map.Entry<String, MediaType> e : oldContent.entrySet()) {
      MediaType newMedia = newContent.get(e.getKey());
      if (newMedia != null) {
        String at = "application/json".equals(e.getKey()) ? where : where + " (" + e.getKey() + ")";
        schema(e.getValue().getSchema(), newMedia.getSchema(), at, "", 0);
      }
    }
  }

  @SuppressWarnings("rawtypes")
  private void schema(Schema<?> oldS, Schema<?> newS, String where, String path, int depth) {
    oldS = resolve(oldS, oldSchemas);
    newS = resolve(newS, newSchemas);
    if (oldS == null || newS == null || depth > MAX_DEPTH || !onPath.add(oldS)) {
      return;
    }
    try {
      Object oldFormat = ContainerFormats.of(oldS);
      Object newFormat = ContainerFormats.of(newS);
      if (!Objects.equals(oldFormat, newFormat) && Objects.equals(oldS.getType(), newS.getType())) {
        findings.add(new Finding(false, path.isEmpty() ? where : where + " " + path, "format changed: "
            + ChangeRules.type(oldS) + " -> " + ChangeRules.type(newS) + " (the generated type is unchanged)"));
      }
      if (oldS.getProperties() != null && newS.getProperties() != null) {
        for (Map.Entry<String, Schema> p : oldS.getProperties().entrySet()) {
          schema(p.getValue(), newS.getProperties().get(p.getKey()), where, path + "." + p.getKey(), depth + 1);
        }
      }
      schema(oldS.getItems(), newS.getItems(), where, path + "[]", depth + 1);
    } finally {
      onPath.remove(oldS);
    }
  }

  private static Schema<?> resolve(Schema<?> s, Map<String, Schema<?>> schemas) {
    for (int i = 0; s != null && s.get$ref() != null && i < 10; i++) {
      String ref = s.get$ref();
      s = schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
    }
    return s;
  }
}
