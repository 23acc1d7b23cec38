package io.github.airbytejava.specdiff;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.openapitools.openapidiff.core.model.ChangedApiResponse;
import org.openapitools.openapidiff.core.model.ChangedContent;
import org.openapitools.openapidiff.core.model.ChangedMediaType;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedParameter;
import org.openapitools.openapidiff.core.model.ChangedParameters;
import org.openapitools.openapidiff.core.model.ChangedRequestBody;
import org.openapitools.openapidiff.core.model.ChangedResponse;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.ChangedSecurityRequirements;
import org.openapitools.openapidiff.core.model.Endpoint;
import org.openapitools.openapidiff.core.model.schema.ChangedOneOfSchema;

/**
 * Turns openapi-diff's change tree into findings, one per change, each marked breaking or not for callers of the
 * generated client (openapi-generator {@code java}/{@code okhttp-gson}, as airbyte-generated-client configures it).
 *
 * <p>openapi-diff finds the changes; this class alone decides what breaks, because openapi-diff's own verdict is
 * about HTTP wire compatibility and gets several cases wrong for a generated client: it calls a removed optional
 * request field compatible (its setter disappears), a removed enum value in a response compatible (its constant
 * disappears) and a new enum value in a response incompatible (the generated enums map unknown values to
 * {@code UNKNOWN_DEFAULT_OPEN_API}).
 *
 * <p>Breaking: a removed operation, parameter, field, enum value, oneOf variant, success response or media type; a
 * changed type or format (the Java type changes); a changed operationId or first tag (the generated method or class
 * is renamed); a new required parameter or request body (the generated method takes the required ones as
 * arguments); a new required request field; a parameter or body that became required or optional (it moves between
 * the method's arguments and its request object's setters); a request field that became required; a removed
 * security requirement. Not breaking: new operations, optional parameters (a new setter on the request object),
 * optional fields, enum values, oneOf variants and responses; a request field that became optional; nullable,
 * readOnly, writeOnly, default, deprecation and constraint changes; every
 * change inside an error (non-2xx) response, since the generated client does not model error bodies.
 * Documentation (descriptions, summaries, examples) and vendor extensions are not listed.
 */
final class ChangeRules {
  private static final List<PathItem.HttpMethod> METHOD_ORDER = List.of(PathItem.HttpMethod.GET,
      PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT, PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE,
      PathItem.HttpMethod.HEAD, PathItem.HttpMethod.OPTIONS, PathItem.HttpMethod.TRACE);

  /** One change: where it is (e.g. "request body .owner"), what it is, and whether it breaks callers. */
  record Finding(boolean breaking, String where, String what) {}

  enum Status { ADDED, REMOVED, CHANGED }

  /** The findings of one operation. */
  record OperationChanges(String method, String path, String operationId, Status status, List<Finding> findings) {
    String title() {
      return method + " " + path + (operationId == null ? "" : " (" + operationId + ")");
    }
  }

  private ChangeRules() {}

  static List<OperationChanges> classify(ChangedOpenApi diff) {
    Map<String, List<Finding>> formats = FormatChanges.find(diff.getOldSpecOpenApi(), diff.getNewSpecOpenApi());
    List<OperationChanges> out = new ArrayList<>();
    for (Endpoint e : diff.getMissingEndpoints()) {
      out.add(new OperationChanges(e.getMethod().name(), e.getPathUrl(), opId(e.getOperation()), Status.REMOVED,
          List.of(new Finding(true, "operation", "removed"))));
    }
    for (Endpoint e : diff.getNewEndpoints()) {
      out.add(new OperationChanges(e.getMethod().name(), e.getPathUrl(), opId(e.getOperation()), Status.ADDED,
          List.of(new Finding(false, "operation", "new operation"))));
    }
    for (ChangedOperation op : diff.getChangedOperations()) {
      List<Finding> findings = new ArrayList<>();
      new OperationWalker(findings).operation(op);
      List<Finding> formatFindings = formats.remove(op.getHttpMethod().name() + " " + op.getPathUrl());
      if (formatFindings != null) {
        findings.addAll(formatFindings);
      }
      if (!findings.isEmpty()) {
        Operation named = op.getNewOperation() != null ? op.getNewOperation() : op.getOldOperation();
        out.add(new OperationChanges(op.getHttpMethod().name(), op.getPathUrl(), opId(named), Status.CHANGED,
            findings));
      }
    }
    // Operations whose only change is such a format: openapi-diff does not list them as changed.
    formats.forEach((key, findings) -> {
      String method = key.substring(0, key.indexOf(' '));
      String path = key.substring(key.indexOf(' ') + 1);
      Operation op = diff.getNewSpecOpenApi().getPaths().get(path).readOperationsMap()
          .get(PathItem.HttpMethod.valueOf(method));
      out.add(new OperationChanges(method, path, opId(op), Status.CHANGED, findings));
    });
    out.sort(Comparator.comparing(OperationChanges::path)
        .thenComparing(o -> METHOD_ORDER.indexOf(PathItem.HttpMethod.valueOf(o.method()))));
    return out;
  }

  private static String opId(Operation operation) {
    return operation == null ? null : operation.getOperationId();
  }

  /** Walks one changed operation; {@code errorResponse} downgrades everything inside a non-2xx response. */
  private static final class OperationWalker {
    private static final int MAX_DEPTH = 25;

    private final List<Finding> findings;
    private final Set<ChangedSchema> onPath = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean errorResponse;

    OperationWalker(List<Finding> findings) {
      this.findings = findings;
    }

    private void add(boolean breaking, String where, String what) {
      findings.add(new Finding(breaking && !errorResponse, where, what));
    }

    void operation(ChangedOperation op) {
      Operation oldOp = op.getOldOperation();
      Operation newOp = op.getNewOperation();
      if (op.getOperationId() != null && !Objects.equals(op.getOperationId().getLeft(), op.getOperationId().getRight())) {
        add(true, "operationId", "changed: " + op.getOperationId().getLeft() + " -> " + op.getOperationId().getRight()
            + " (the generated method is renamed)");
      }
      String oldTag = firstTag(oldOp);
      String newTag = firstTag(newOp);
      if (!Objects.equals(oldTag, newTag)) {
        add(true, "tag", "first tag changed: " + oldTag + " -> " + newTag
            + " (the generated API class is " + apiClass(oldTag) + " -> " + apiClass(newTag) + ")");
      }
      if (op.isDeprecated()) {
        add(false, "operation", "deprecated");
      }
      parameters(op.getParameters());
      requestBody(op.getRequestBody());
      responses(op.getApiResponses());
      security(op.getSecurityRequirements(), oldOp, newOp);
    }

    private static String firstTag(Operation op) {
      return op == null || op.getTags() == null || op.getTags().isEmpty() ? null : op.getTags().get(0);
    }

    /** The class name openapi-generator's Java generator makes from a tag: camel-cased words plus "Api". */
    static String apiClass(String tag) {
      if (tag == null) {
        return "DefaultApi";
      }
      StringBuilder sb = new StringBuilder();
      for (String word : tag.split("[^A-Za-z0-9]+")) {
        if (!word.isEmpty()) {
          sb.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
      }
      return sb + "Api";
    }

    private void parameters(ChangedParameters params) {
      if (params == null) {
        return;
      }
      for (Parameter p : params.getMissing()) {
        add(true, param(p.getIn(), p.getName()), "removed");
      }
      for (Parameter p : params.getIncreased()) {
        if (Boolean.TRUE.equals(p.getRequired())) {
          add(true, param(p.getIn(), p.getName()), "new required parameter (" + type(p.getSchema()) + ")");
        } else {
          add(false, param(p.getIn(), p.getName()), "new optional parameter (" + type(p.getSchema())
              + "), a new setter of the request object");
        }
      }
      for (ChangedParameter p : params.getChanged()) {
        String where = param(p.getIn(), p.getName());
        if (p.isChangeRequired()) {
          boolean nowRequired = p.getNewParameter() != null && Boolean.TRUE.equals(p.getNewParameter().getRequired());
          add(true, where, nowRequired ? "now required (it becomes an argument of the generated method)"
              : "no longer required (it moves from the generated method's arguments to its request object)");
        }
        if (p.isDeprecated()) {
          add(false, where, "deprecated");
        }
        if (p.isChangeStyle() || p.isChangeExplode()) {
          add(false, where, "serialization (style/explode) changed");
        }
        schema(p.getSchema(), where, "", true, 0);
      }
    }

    private static String param(String in, String name) {
      return "parameter " + in + " " + name;
    }

    private void requestBody(ChangedRequestBody body) {
      if (body == null) {
        return;
      }
      if (body.getOldRequestBody() == null && body.getNewRequestBody() != null) {
        boolean required = Boolean.TRUE.equals(body.getNewRequestBody().getRequired());
        add(required, "request body", required ? "new required request body (the generated method gains an argument)"
            : "new optional request body, a new setter of the request object");
        return;
      }
      if (body.getOldRequestBody() != null && body.getNewRequestBody() == null) {
        add(true, "request body", "removed");
        return;
      }
      if (body.isChangeRequired()) {
        boolean nowRequired = Boolean.TRUE.equals(body.getNewRequestBody().getRequired());
        add(true, "request body", nowRequired ? "now required (it becomes an argument of the generated method)"
            : "no longer required (it moves from the generated method's arguments to its request object)");
      }
      content(body.getContent(), "request body", true);
    }

    private void responses(ChangedApiResponse responses) {
      if (responses == null) {
        return;
      }
      Set<String> renamed = new java.util.HashSet<>();
      for (Map.Entry<String, io.swagger.v3.oas.models.responses.ApiResponse> e : responses.getMissing().entrySet()) {
        String code = e.getKey();
        String replacement = isSuccess(code) ? sameBody(e.getValue(), responses.getIncreased()) : null;
        if (replacement != null) {
          // The generated method returns the body of the success response; its status is not part of its type.
          renamed.add(replacement);
          add(false, "response " + code, "success status changed: " + code + " -> " + replacement + ", same body ("
              + body(e.getValue()) + "); no generated method depends on the status");
        } else {
          add(isSuccess(code), "response " + code, "removed");
        }
      }
      for (String code : responses.getIncreased().keySet()) {
        if (!renamed.contains(code)) {
          add(false, "response " + code, "new response");
        }
      }
      for (Map.Entry<String, ChangedResponse> e : responses.getChanged().entrySet()) {
        errorResponse = !isSuccess(e.getKey());
        try {
          ChangedResponse response = e.getValue();
          content(response.getContent(), "response " + e.getKey(), false);
          if (response.getHeaders() != null) {
            var headers = response.getHeaders();
            keys(headers.getMissing()).forEach(h -> add(false, "response " + e.getKey(), "header " + h + " removed"));
            keys(headers.getIncreased()).forEach(h -> add(false, "response " + e.getKey(), "new header " + h));
            keys(headers.getChanged()).forEach(h -> add(false, "response " + e.getKey(), "header " + h + " changed"));
          }
        } finally {
          errorResponse = false;
        }
      }
    }

    /** A new success status whose body is the same as {@code removed}'s, or null. */
    private static String sameBody(io.swagger.v3.oas.models.responses.ApiResponse removed,
        Map<String, io.swagger.v3.oas.models.responses.ApiResponse> added) {
      for (Map.Entry<String, io.swagger.v3.oas.models.responses.ApiResponse> e : added.entrySet()) {
        if (isSuccess(e.getKey()) && body(e.getValue()).equals(body(removed))) {
          return e.getKey();
        }
      }
      return null;
    }

    /** The media types and schema of a response's body, as far as the generated method sees it. */
    private static String body(io.swagger.v3.oas.models.responses.ApiResponse response) {
      if (response.getContent() == null || response.getContent().isEmpty()) {
        return "no body";
      }
      return response.getContent().entrySet().stream().map(e -> e.getKey() + " " + type(e.getValue().getSchema()))
          .sorted().collect(Collectors.joining(", "));
    }

    private static boolean isSuccess(String code) {
      return code.startsWith("2");
    }

    private void content(ChangedContent content, String where, boolean request) {
      if (content == null) {
        return;
      }
      for (String mediaType : content.getMissing().keySet()) {
        add(true, where, "media type " + mediaType + " removed");
      }
      for (String mediaType : content.getIncreased().keySet()) {
        add(false, where, "new media type " + mediaType);
      }
      for (Map.Entry<String, ChangedMediaType> e : content.getChanged().entrySet()) {
        String at = "application/json".equals(e.getKey()) ? where : where + " (" + e.getKey() + ")";
        schema(e.getValue().getSchema(), at, "", request, 0);
      }
    }

    private void security(ChangedSecurityRequirements security, Operation oldOp, Operation newOp) {
      if (security == null) {
        return;
      }
      for (SecurityRequirement r : orEmpty(security.getMissing())) {
        add(true, "security", "requirement " + names(r) + " removed (the generated client no longer sends it)");
      }
      boolean hadNone = oldOp.getSecurity() == null || oldOp.getSecurity().isEmpty()
          || oldOp.getSecurity().stream().allMatch(SecurityRequirement::isEmpty);
      for (SecurityRequirement r : orEmpty(security.getIncreased())) {
        add(hadNone, "security", "new requirement " + names(r)
            + (hadNone ? " (the operation needed no credentials before)" : ""));
      }
      if (security.getChanged() != null && !security.getChanged().isEmpty()) {
        add(false, "security", "scopes changed");
      }
    }

    private static <T> List<T> orEmpty(List<T> list) {
      return list == null ? List.of() : list;
    }

    private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
      return map == null ? Map.of() : map;
    }

    private static Set<String> keys(Map<String, ?> map) {
      return map == null ? Set.of() : map.keySet();
    }

    private static String names(SecurityRequirement r) {
      return r.isEmpty() ? "{} (none)" : String.join("+", r.keySet());
    }

    private void schema(ChangedSchema s, String where, String path, boolean request, int depth) {
      if (s == null || depth > MAX_DEPTH || !onPath.add(s)) {
        return;
      }
      try {
        walk(s, where, path, request, depth);
      } finally {
        onPath.remove(s);
      }
    }

    private void walk(ChangedSchema s, String where, String path, boolean request, int depth) {
      String at = path.isEmpty() ? where : where + " " + path;
      Schema<?> oldS = s.getOldSchema();
      Schema<?> newS = s.getNewSchema();
      if (s.isChangedType()) {
        // openapi-diff calls a changed format a changed type; only some formats change the generated Java type.
        if (oldS != null && newS != null && Objects.equals(oldS.getType(), newS.getType())
            && javaType(oldS).equals(javaType(newS))) {
          add(false, at, "format changed: " + type(oldS) + " -> " + type(newS) + " (the generated type is unchanged)");
        } else {
          add(true, at, "type changed: " + type(oldS) + " -> " + type(newS));
        }
        return;
      }
      if (oldS == null || newS == null) {
        return;
      }
      if (s.isDiscriminatorPropertyChanged()) {
        add(true, at, "oneOf discriminator changed: " + discriminator(oldS) + " -> " + discriminator(newS));
      }

      List<String> required = newS.getRequired() == null ? List.of() : newS.getRequired();
      Map<String, Schema<?>> missing = s.getMissingProperties();
      Map<String, Schema<?>> increased = s.getIncreasedProperties();
      for (Map.Entry<String, Schema<?>> e : missing.entrySet()) {
        String hint = renameHint(e.getValue(), missing, increased);
        add(true, field(where, path, e.getKey()), "field removed (" + type(e.getValue()) + ")" + hint);
      }
      for (Map.Entry<String, Schema<?>> e : increased.entrySet()) {
        boolean isRequired = required.contains(e.getKey());
        if (request && isRequired) {
          add(true, field(where, path, e.getKey()), "new required field (" + type(e.getValue()) + ")");
        } else {
          add(false, field(where, path, e.getKey()),
              "new " + (isRequired ? "required " : "optional ") + "field (" + type(e.getValue()) + ")");
        }
      }
      if (s.getRequired() != null) {
        for (String name : s.getRequired().getIncreased()) {
          if (!increased.containsKey(name)) {
            add(request, field(where, path, name), "now required");
          }
        }
        for (String name : s.getRequired().getMissing()) {
          if (!missing.containsKey(name)) {
            add(false, field(where, path, name), request ? "no longer required" : "no longer required (may be absent)");
          }
        }
      }
      for (Map.Entry<String, ChangedSchema> e : s.getChangedProperties().entrySet()) {
        schema(e.getValue(), where, path + "." + e.getKey(), request, depth + 1);
      }

      if (s.getEnumeration() != null) {
        List<?> added = s.getEnumeration().getIncreased();
        List<?> removed = s.getEnumeration().getMissing();
        if (!removed.isEmpty()) {
          add(true, at, "enum " + plural("value", removed) + " " + quoted(removed) + " removed");
        }
        if (!added.isEmpty()) {
          add(false, at, "new enum " + plural("value", added) + " " + quoted(added));
        }
      }
      if (s.getItems() != null) {
        schema(s.getItems(), where, path + "[]", request, depth + 1);
      }
      if (s.getAddProp() != null) {
        ChangedSchema ap = s.getAddProp();
        if (ap.getOldSchema() == null || ap.getNewSchema() == null) {
          add(false, at, "additionalProperties changed: " + additional(oldS) + " -> " + additional(newS));
        } else {
          schema(ap, where, path + "{*}", request, depth + 1);
        }
      }
      oneOf(s.getOneOfSchema(), where, path, at, request, depth);

      if (!Objects.equals(bool(oldS.getNullable()), bool(newS.getNullable()))) {
        add(false, at, bool(newS.getNullable()) ? "now nullable" : "no longer nullable");
      }
      if (!Objects.equals(bool(oldS.getReadOnly()), bool(newS.getReadOnly()))) {
        add(false, at, bool(newS.getReadOnly()) ? "now readOnly" : "no longer readOnly");
      }
      if (!Objects.equals(bool(oldS.getWriteOnly()), bool(newS.getWriteOnly()))) {
        add(false, at, bool(newS.getWriteOnly()) ? "now writeOnly" : "no longer writeOnly");
      }
      if (!Objects.equals(bool(oldS.getDeprecated()), bool(newS.getDeprecated()))) {
        add(false, at, bool(newS.getDeprecated()) ? "deprecated" : "no longer deprecated");
      }
      if (!Objects.equals(String.valueOf(oldS.getDefault()), String.valueOf(newS.getDefault()))) {
        add(false, at, "default changed: " + oldS.getDefault() + " -> " + newS.getDefault());
      }
      constraint(at, "minLength", oldS.getMinLength(), newS.getMinLength());
      constraint(at, "maxLength", oldS.getMaxLength(), newS.getMaxLength());
      constraint(at, "pattern", oldS.getPattern(), newS.getPattern());
      constraint(at, "minimum", oldS.getMinimum(), newS.getMinimum());
      constraint(at, "maximum", oldS.getMaximum(), newS.getMaximum());
      constraint(at, "exclusiveMinimum", oldS.getExclusiveMinimum(), newS.getExclusiveMinimum());
      constraint(at, "exclusiveMaximum", oldS.getExclusiveMaximum(), newS.getExclusiveMaximum());
      constraint(at, "multipleOf", oldS.getMultipleOf(), newS.getMultipleOf());
      constraint(at, "minItems", oldS.getMinItems(), newS.getMinItems());
      constraint(at, "maxItems", oldS.getMaxItems(), newS.getMaxItems());
      constraint(at, "uniqueItems", oldS.getUniqueItems(), newS.getUniqueItems());
      constraint(at, "minProperties", oldS.getMinProperties(), newS.getMinProperties());
      constraint(at, "maxProperties", oldS.getMaxProperties(), newS.getMaxProperties());
    }

    private void oneOf(ChangedOneOfSchema oneOf, String where, String path, String at, boolean request, int depth) {
      if (oneOf == null) {
        return;
      }
      for (Map.Entry<String, Schema> e : orEmpty(oneOf.getMissing()).entrySet()) {
        add(true, at, "oneOf variant " + variant(e.getKey(), e.getValue()) + " removed");
      }
      for (Map.Entry<String, Schema> e : orEmpty(oneOf.getIncreased()).entrySet()) {
        add(false, at, "new oneOf variant " + variant(e.getKey(), e.getValue()));
      }
      for (Map.Entry<String, ChangedSchema> e : orEmpty(oneOf.getChanged()).entrySet()) {
        Schema<?> named = e.getValue().getNewSchema() != null ? e.getValue().getNewSchema() : e.getValue().getOldSchema();
        schema(e.getValue(), where, path + "<" + variant(e.getKey(), named) + ">", request, depth + 1);
      }
    }

    /** A variant by its title where it has one (inline variants have no name but their position). */
    private static String variant(String key, Schema<?> schema) {
      String name = key.substring(key.lastIndexOf('/') + 1);
      return schema != null && schema.getTitle() != null && !schema.getTitle().isBlank()
          ? "\"" + schema.getTitle() + "\" (" + name + ")" : name;
    }

    private void constraint(String at, String name, Object oldValue, Object newValue) {
      if (!Objects.equals(normalize(oldValue), normalize(newValue))) {
        add(false, at, name + " changed: " + oldValue + " -> " + newValue);
      }
    }

    private static Object normalize(Object value) {
      return value instanceof java.math.BigDecimal d ? d.stripTrailingZeros() : value;
    }

    private static String field(String where, String path, String name) {
      return where + " " + path + "." + name;
    }

    /** A removed field next to exactly one new field of the same type reads as a rename; say so. */
    private static String renameHint(Schema<?> removed, Map<String, Schema<?>> missing,
        Map<String, Schema<?>> increased) {
      if (missing.size() != 1 || increased.size() != 1) {
        return "";
      }
      Map.Entry<String, Schema<?>> added = increased.entrySet().iterator().next();
      return type(added.getValue()).equals(type(removed)) ? ", renamed to " + added.getKey() + "?" : "";
    }

    private static boolean bool(Boolean b) {
      return Boolean.TRUE.equals(b);
    }

    private static String plural(String word, List<?> items) {
      return items.size() == 1 ? word : word + "s";
    }

    private static String quoted(List<?> values) {
      return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", "));
    }

    private static String discriminator(Schema<?> s) {
      return s.getDiscriminator() == null ? "none" : String.valueOf(s.getDiscriminator().getPropertyName());
    }

    private static String additional(Schema<?> s) {
      Object ap = s.getAdditionalProperties();
      if (ap == null) {
        return "unset";
      }
      return ap instanceof Schema<?> schema ? type(schema) : String.valueOf(ap);
    }
  }

  /** String formats that openapi-generator (and this project's templates) turn into another Java type or accessor. */
  private static final Set<String> TYPED_STRING_FORMATS =
      Set.of("uuid", "date", "date-time", "byte", "binary", "uri", "iso-date-time", "duration");

  /** The Java type openapi-generator's {@code java} generator makes of a scalar's type and format. */
  static String javaType(Schema<?> s) {
    String type = String.valueOf(s.getType());
    String format = s.getFormat();
    return switch (type) {
      case "string" -> format != null && TYPED_STRING_FORMATS.contains(format) ? "string(" + format + ")" : "String";
      case "integer" -> "int64".equals(format) ? "Long" : "Integer";
      case "number" -> "float".equals(format) ? "Float" : "double".equals(format) ? "Double" : "BigDecimal";
      default -> type + (format == null ? "" : "(" + format + ")");
    };
  }

  /** A short description of a schema's type: {@code string(uuid)}, {@code array of Tag}, {@code oneOf[A, B]}. */
  static String type(Schema<?> s) {
    if (s == null) {
      return "none";
    }
    if (s.getExtensions() != null && s.getExtensions().get(SpecLoader.UNRESOLVED_REF) != null) {
      return "unresolved " + s.getExtensions().get(SpecLoader.UNRESOLVED_REF);
    }
    if (s.get$ref() != null) {
      return s.get$ref().substring(s.get$ref().lastIndexOf('/') + 1);
    }
    if (s instanceof ComposedSchema c && c.getOneOf() != null && !c.getOneOf().isEmpty()) {
      return "oneOf[" + c.getOneOf().stream().map(ChangeRules::type).collect(Collectors.joining(", ")) + "]";
    }
    if (s instanceof ComposedSchema c && c.getAnyOf() != null && !c.getAnyOf().isEmpty()) {
      return "anyOf[" + c.getAnyOf().stream().map(ChangeRules::type).collect(Collectors.joining(", ")) + "]";
    }
    Object containerFormat = ContainerFormats.of(s);
    if ("array".equals(s.getType()) || s instanceof ArraySchema) {
      return "array" + (containerFormat == null ? "" : "(" + containerFormat + ")") + " of " + type(s.getItems());
    }
    if (s.getType() == null || "object".equals(s.getType())) {
      // Inline objects and oneOf variants: their title, else the fields they require, says which is which.
      if (s.getTitle() != null && !s.getTitle().isBlank()) {
        return (s.getType() == null ? "" : "object ") + "\"" + s.getTitle() + "\"";
      }
      if (s.getType() == null && s.getRequired() != null && !s.getRequired().isEmpty()) {
        return "{" + String.join(", ", s.getRequired()) + " required}";
      }
    }
    String type = s.getType() == null ? "any" : s.getType();
    return s.getFormat() == null ? type : type + "(" + s.getFormat() + ")";
  }
}
