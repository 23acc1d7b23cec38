package io.github.airbytejava.specdiff;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites the schemas of an OpenAPI 3.1 model into the shapes swagger-parser gives for OpenAPI 3.0, so that
 * openapi-diff compares a 3.1 candidate with the 3.0.3 checked-in spec like for like.
 *
 * <p>swagger-parser reads every 3.1 schema as a {@code JsonSchema} whose {@code type} is null (the types are in
 * {@code types}); openapi-diff compares {@code type} and picks its array and oneOf comparisons by schema class, so
 * without this every field would show as a type change and arrays and oneOfs would not be compared at all. 3.1-only
 * keywords map to their 3.0 form: {@code type: [X, "null"]} to {@code type: X} plus {@code nullable: true},
 * {@code const} to a one-value {@code enum}, numeric {@code exclusiveMinimum}/{@code exclusiveMaximum} to a bound plus
 * the boolean flag, {@code examples} to {@code example}; a 3.0-style {@code nullable: true} left in a 3.1 file (as in
 * Airbyte's) is honoured.
 */
final class OpenApi31Downgrade {
  private final Map<Schema<?>, Schema<?>> done = new IdentityHashMap<>();

  private OpenApi31Downgrade() {}

  /** Rewrites {@code api} in place when it is a 3.1 model; a 3.0 model is left as it is. */
  static void apply(OpenAPI api) {
    if (api.getSpecVersion() != SpecVersion.V31) {
      return;
    }
    new OpenApi31Downgrade().rewrite(api);
  }

  private void rewrite(OpenAPI api) {
    Components components = api.getComponents();
    if (components != null) {
      if (components.getSchemas() != null) {
        components.getSchemas().replaceAll((name, schema) -> convert(schema));
      }
      forEach(components.getParameters(), this::parameter);
      forEach(components.getRequestBodies(), this::requestBody);
      forEach(components.getResponses(), this::response);
      forEach(components.getHeaders(), this::header);
    }
    if (api.getPaths() != null) {
      for (PathItem item : api.getPaths().values()) {
        if (item.getParameters() != null) {
          item.getParameters().forEach(this::parameter);
        }
        for (Operation operation : item.readOperations()) {
          if (operation.getParameters() != null) {
            operation.getParameters().forEach(this::parameter);
          }
          requestBody(operation.getRequestBody());
          forEach(operation.getResponses(), this::response);
        }
      }
    }
    api.setSpecVersion(SpecVersion.V30);
  }

  private static <T> void forEach(Map<String, T> map, java.util.function.Consumer<T> action) {
    if (map != null) {
      map.values().forEach(action);
    }
  }

  private void parameter(Parameter parameter) {
    if (parameter != null) {
      parameter.setSchema(convert(parameter.getSchema()));
      content(parameter.getContent());
    }
  }

  private void requestBody(RequestBody body) {
    if (body != null) {
      content(body.getContent());
    }
  }

  private void response(ApiResponse response) {
    if (response != null) {
      content(response.getContent());
      forEach(response.getHeaders(), this::header);
    }
  }

  private void header(Header header) {
    if (header != null) {
      header.setSchema(convert(header.getSchema()));
      content(header.getContent());
    }
  }

  private void content(Content content) {
    if (content != null) {
      for (MediaType mediaType : content.values()) {
        mediaType.setSchema(convert(mediaType.getSchema()));
      }
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  Schema convert(Schema<?> in) {
    if (in == null) {
      return null;
    }
    Schema<?> seen = done.get(in);
    if (seen != null) {
      return seen;
    }
    boolean composed = notEmpty(in.getOneOf()) || notEmpty(in.getAnyOf()) || notEmpty(in.getAllOf());
    String type = in.getType();
    boolean nullable = Boolean.TRUE.equals(in.getNullable());
    Map<String, Object> extensions = in.getExtensions() == null ? null : new LinkedHashMap<>(in.getExtensions());
    if (extensions != null && extensions.containsKey("nullable")) {
      // The 3.0 keyword, which Airbyte's 3.1 file still uses; swagger-parser keeps it as an unknown keyword.
      nullable |= Boolean.TRUE.equals(extensions.remove("nullable"))
          || "true".equals(String.valueOf(in.getExtensions().get("nullable")));
    }
    Set<String> types = in.getTypes();
    if (type == null && types != null) {
      List<String> nonNull = types.stream().filter(t -> !"null".equals(t)).toList();
      nullable |= types.contains("null");
      type = nonNull.size() == 1 ? nonNull.get(0) : null;
    }
    Schema out;
    if (composed) {
      out = new ComposedSchema();
    } else if ("array".equals(type)) {
      out = new ArraySchema();
    } else {
      out = new Schema<>();
    }
    done.put(in, out);

    out.set$ref(in.get$ref());
    out.setType(type);
    out.setFormat(in.getFormat());
    out.setTitle(in.getTitle());
    out.setDescription(in.getDescription());
    out.setNullable(nullable ? Boolean.TRUE : null);
    out.setReadOnly(in.getReadOnly());
    out.setWriteOnly(in.getWriteOnly());
    out.setDeprecated(in.getDeprecated());
    out.setDefault(in.getDefault());
    if (in.getEnum() != null) {
      out.setEnum(new ArrayList<>(in.getEnum()));
    } else if (in.getConst() != null) {
      out.setEnum(new ArrayList<>(List.of(in.getConst())));
    }
    out.setMaxLength(in.getMaxLength());
    out.setMinLength(in.getMinLength());
    out.setPattern(in.getPattern());
    out.setMaxItems(in.getMaxItems());
    out.setMinItems(in.getMinItems());
    out.setUniqueItems(in.getUniqueItems());
    out.setMaxProperties(in.getMaxProperties());
    out.setMinProperties(in.getMinProperties());
    out.setMultipleOf(in.getMultipleOf());
    out.setMaximum(in.getMaximum());
    out.setMinimum(in.getMinimum());
    out.setExclusiveMaximum(in.getExclusiveMaximum());
    out.setExclusiveMinimum(in.getExclusiveMinimum());
    if (in.getExclusiveMaximumValue() != null) {
      out.setMaximum(in.getExclusiveMaximumValue());
      out.setExclusiveMaximum(Boolean.TRUE);
    }
    if (in.getExclusiveMinimumValue() != null) {
      out.setMinimum(in.getExclusiveMinimumValue());
      out.setExclusiveMinimum(Boolean.TRUE);
    }
    out.setDiscriminator(in.getDiscriminator());
    out.setExternalDocs(in.getExternalDocs());
    out.setXml(in.getXml());
    out.setExtensions(extensions);
    if (in.getExample() != null) {
      out.setExample(in.getExample());
    } else if (notEmpty(in.getExamples())) {
      out.setExample(in.getExamples().get(0));
    }
    if (in.getProperties() != null) {
      Map<String, Schema> properties = new LinkedHashMap<>();
      in.getProperties().forEach((name, property) -> properties.put(name, convert(property)));
      out.setProperties(properties);
    }
    // After the properties, as the 3.0 parser does: setRequired drops names that are not properties.
    out.setRequired(in.getRequired() == null ? null : new ArrayList<>(in.getRequired()));
    Object additional = in.getAdditionalProperties();
    out.setAdditionalProperties(additional instanceof Schema<?> s ? convert(s) : additional);
    out.setItems(convert(in.getItems()));
    out.setNot(convert(in.getNot()));
    if (out instanceof ComposedSchema c) {
      c.setOneOf(convertAll(in.getOneOf()));
      c.setAnyOf(convertAll(in.getAnyOf()));
      c.setAllOf(convertAll(in.getAllOf()));
    }
    return out;
  }

  @SuppressWarnings("rawtypes")
  private List<Schema> convertAll(List<Schema> schemas) {
    if (schemas == null) {
      return null;
    }
    List<Schema> out = new ArrayList<>();
    for (Schema<?> schema : schemas) {
      out.add(convert(schema));
    }
    return out;
  }

  private static boolean notEmpty(List<?> list) {
    return list != null && !list.isEmpty();
  }
}
