package io.github.airbytejava.specdiff;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Reads an OpenAPI 3.0 or 3.1 document from a file or an http(s) URL into a model openapi-diff can compare. */
final class SpecLoader {
  /** Marks a schema that stands in for a {@code $ref} to a schema the document does not define. */
  static final String UNRESOLVED_REF = "x-spec-diff-unresolved-ref";

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private SpecLoader() {}

  /** A failure to read or parse a spec: the command prints the message on one line and exits 2. */
  static final class SpecReadException extends Exception {
    SpecReadException(String message) {
      super(message);
    }
  }

  /** A parsed spec, the OpenAPI version it declared, and what the parser or the loader noticed on the way. */
  record LoadedSpec(String location, String openapiVersion, OpenAPI api, List<String> notes) {}

  /** Where Airbyte's Config API document ({@code config.yaml}) keeps the public API's operations. */
  static final String PUBLIC_PREFIX = "/public/v1";

  static LoadedSpec load(String role, String location) throws SpecReadException {
    return load(role, location, false);
  }

  /**
   * {@code configApi}: the document must be Airbyte's Config API ({@code config.yaml}), whose public operations are
   * compared. Without it, a document with paths under {@value #PUBLIC_PREFIX} is taken as one too.
   */
  static LoadedSpec load(String role, String location, boolean configApi) throws SpecReadException {
    String text = read(role, location);
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result;
    try {
      result = new OpenAPIV3Parser().readContents(text, null, options, refBase(location));
    } catch (RuntimeException e) {
      throw new SpecReadException("cannot parse " + role + " spec " + location + ": " + oneLine(e));
    }
    OpenAPI api = result == null ? null : result.getOpenAPI();
    List<String> messages = result == null || result.getMessages() == null ? List.of() : result.getMessages();
    if (api == null || api.getOpenapi() == null || api.getPaths() == null) {
      String why = messages.isEmpty() ? "not an OpenAPI 3.x document" : oneLine(messages.get(0));
      throw new SpecReadException("cannot parse " + role + " spec " + location + ": " + why);
    }
    List<String> notes = new ArrayList<>();
    for (String message : messages) {
      notes.add(role + ": " + oneLine(message));
    }
    publicOperations(api, role, location, configApi, notes);
    if (api.getComponents() == null) {
      api.setComponents(new Components());
    }
    ensureMaps(api.getComponents());
    OpenApi31Downgrade.apply(api);
    DescribedRefs.unwrap(api);
    new DanglingRefs(api, role, notes).fix();
    ContainerFormats.stash(api);
    movePathParametersIntoOperations(api);
    return new LoadedSpec(location, api.getOpenapi(), api, notes);
  }

  /**
   * Airbyte's server builds its public API from its Config API document, where the public operations are the paths
   * under {@value #PUBLIC_PREFIX}: they are kept, without that prefix, and every other path is left out. A change
   * there shows months before Airbyte's published api.yaml has it.
   */
  private static void publicOperations(OpenAPI api, String role, String location, boolean required,
      List<String> notes) throws SpecReadException {
    io.swagger.v3.oas.models.Paths kept = new io.swagger.v3.oas.models.Paths();
    int operations = 0;
    for (Map.Entry<String, PathItem> e : api.getPaths().entrySet()) {
      String path = e.getKey();
      if (path.equals(PUBLIC_PREFIX) || path.startsWith(PUBLIC_PREFIX + "/")) {
        String stripped = path.substring(PUBLIC_PREFIX.length());
        kept.addPathItem(stripped.isEmpty() ? "/" : stripped, e.getValue());
        operations += e.getValue().readOperations().size();
      }
    }
    if (kept.isEmpty()) {
      if (required) {
        throw new SpecReadException(role + " spec " + location + " has no paths under " + PUBLIC_PREFIX
            + ": not Airbyte's Config API document (config.yaml)");
      }
      return;
    }
    notes.add(role + ": a Config API document: its " + operations + " public operations (paths under " + PUBLIC_PREFIX
        + ", compared without that prefix); its other " + (api.getPaths().size() - kept.size())
        + " paths are left out");
    api.setPaths(kept);
  }

  private static String read(String role, String location) throws SpecReadException {
    String lower = location.toLowerCase(java.util.Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      return fetch(role, location);
    }
    Path path;
    try {
      path = lower.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
    } catch (IllegalArgumentException e) {
      throw new SpecReadException("cannot read " + role + " spec " + location + ": not a file path or http(s) URL");
    }
    if (!Files.exists(path)) {
      throw new SpecReadException("cannot read " + role + " spec " + location + ": no such file");
    }
    if (Files.isDirectory(path)) {
      throw new SpecReadException("cannot read " + role + " spec " + location + ": is a directory");
    }
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SpecReadException("cannot read " + role + " spec " + location + ": " + oneLine(e));
    }
  }

  private static String fetch(String role, String url) throws SpecReadException {
    HttpClient client = HttpClient.newBuilder()
        .connectTimeout(TIMEOUT)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build();
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() / 100 != 2) {
        throw new SpecReadException("cannot fetch " + role + " spec " + url + ": HTTP " + response.statusCode());
      }
      return response.body();
    } catch (IOException | IllegalArgumentException e) {
      throw new SpecReadException("cannot fetch " + role + " spec " + url + ": " + oneLine(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SpecReadException("cannot fetch " + role + " spec " + url + ": interrupted");
    }
  }

  /** Where relative external {@code $ref}s are resolved from: the document's own location. */
  private static String refBase(String location) {
    String lower = location.toLowerCase(java.util.Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("file:")) {
      return location;
    }
    return Path.of(location).toAbsolutePath().toUri().toString();
  }

  static String oneLine(Throwable e) {
    return oneLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
  }

  static String oneLine(String message) {
    return message.replaceAll("\\s+", " ").trim();
  }

  /**
   * openapi-diff compares only each operation's own parameters, so a parameter declared once for the whole path
   * (as Airbyte's file does) would show as removed next to the same parameter declared on the operation (as ours
   * does). Each operation gets the path's parameters it does not override (same name and location), as OpenAPI
   * defines them to apply.
   */
  private static void movePathParametersIntoOperations(OpenAPI api) {
    Map<String, Parameter> defined = api.getComponents().getParameters();
    for (PathItem item : api.getPaths().values()) {
      List<Parameter> shared = item.getParameters();
      if (shared == null || shared.isEmpty()) {
        continue;
      }
      for (Operation operation : item.readOperations()) {
        List<Parameter> own = operation.getParameters() == null ? List.of() : operation.getParameters();
        Set<String> ownKeys = new java.util.HashSet<>();
        for (Parameter p : own) {
          ownKeys.add(key(resolve(p, defined)));
        }
        List<Parameter> merged = new ArrayList<>();
        for (Parameter p : shared) {
          if (!ownKeys.contains(key(resolve(p, defined)))) {
            merged.add(p);
          }
        }
        merged.addAll(own);
        operation.setParameters(merged);
      }
      item.setParameters(null);
    }
  }

  private static Parameter resolve(Parameter p, Map<String, Parameter> defined) {
    String ref = p.get$ref();
    if (ref != null && ref.startsWith("#/components/parameters/")) {
      Parameter target = defined.get(ref.substring("#/components/parameters/".length()));
      return target == null ? p : target;
    }
    return p;
  }

  private static String key(Parameter p) {
    return p.getIn() + " " + p.getName();
  }

  private static void ensureMaps(Components c) {
    if (c.getSchemas() == null) {
      c.setSchemas(new LinkedHashMap<>());
    }
    if (c.getResponses() == null) {
      c.setResponses(new LinkedHashMap<>());
    }
    if (c.getParameters() == null) {
      c.setParameters(new LinkedHashMap<>());
    }
    if (c.getRequestBodies() == null) {
      c.setRequestBodies(new LinkedHashMap<>());
    }
    if (c.getHeaders() == null) {
      c.setHeaders(new LinkedHashMap<>());
    }
    if (c.getSecuritySchemes() == null) {
      c.setSecuritySchemes(new LinkedHashMap<>());
    }
  }

  /**
   * openapi-diff stops with "ref ... doesn't exist" on a {@code $ref} to a component the document does not define
   * (Airbyte's published api.yaml has two). Each such reference is replaced by a placeholder, noted, and compared
   * like any other schema or response, so the rest of the document is still compared. Also drops required names
   * that are not properties (see {@link #strayRequired}).
   */
  private static final class DanglingRefs {
    private static final String SCHEMAS = "#/components/schemas/";
    private static final String RESPONSES = "#/components/responses/";
    private static final String PARAMETERS = "#/components/parameters/";
    private static final String REQUEST_BODIES = "#/components/requestBodies/";
    private static final String HEADERS = "#/components/headers/";

    private final OpenAPI api;
    private final Components components;
    private final String role;
    private final List<String> notes;
    private final Set<String> noted = new java.util.LinkedHashSet<>();
    private final Map<Schema<?>, Boolean> visited = new IdentityHashMap<>();

    DanglingRefs(OpenAPI api, String role, List<String> notes) {
      this.api = api;
      this.components = api.getComponents();
      this.role = role;
      this.notes = notes;
    }

    void fix() {
      components.getSchemas().forEach((name, schema) -> {
        List<String> strays = strayRequired(schema);
        if (!strays.isEmpty()) {
          notes.add(role + ": schema " + name + " requires " + String.join(", ", strays)
              + ", not among its properties; ignored");
        }
      });
      components.getSchemas().values().forEach(this::schemaChildren);
      components.getParameters().replaceAll((k, p) -> parameter(p));
      components.getRequestBodies().replaceAll((k, b) -> requestBody(b));
      components.getResponses().replaceAll((k, r) -> response(r));
      components.getHeaders().replaceAll((k, h) -> header(h));
      for (PathItem item : api.getPaths().values()) {
        replaceAll(item.getParameters(), this::parameter);
        for (Operation operation : item.readOperations()) {
          replaceAll(operation.getParameters(), this::parameter);
          operation.setRequestBody(requestBody(operation.getRequestBody()));
          if (operation.getResponses() != null) {
            operation.getResponses().replaceAll((code, r) -> response(r));
          }
        }
      }
    }

    private static <T> void replaceAll(List<T> list, Function<T, T> f) {
      if (list != null) {
        list.replaceAll(f::apply);
      }
    }

    private boolean missing(String ref, String prefix, Map<String, ?> defined) {
      if (ref == null || !ref.startsWith(prefix)) {
        return false;
      }
      if (defined.containsKey(ref.substring(prefix.length()))) {
        return false;
      }
      if (noted.add(ref)) {
        notes.add(role + ": $ref " + ref + " points to nothing; compared as an empty placeholder");
      }
      return true;
    }

    private Parameter parameter(Parameter p) {
      if (p == null) {
        return null;
      }
      if (missing(p.get$ref(), PARAMETERS, components.getParameters())) {
        String name = p.get$ref().substring(PARAMETERS.length());
        return new Parameter().name(name).in("query").description("unresolved " + p.get$ref());
      }
      p.setSchema(schema(p.getSchema()));
      content(p.getContent());
      return p;
    }

    private RequestBody requestBody(RequestBody b) {
      if (b == null) {
        return null;
      }
      if (missing(b.get$ref(), REQUEST_BODIES, components.getRequestBodies())) {
        return new RequestBody().description("unresolved " + b.get$ref());
      }
      content(b.getContent());
      return b;
    }

    private ApiResponse response(ApiResponse r) {
      if (r == null) {
        return null;
      }
      if (missing(r.get$ref(), RESPONSES, components.getResponses())) {
        return new ApiResponse().description("unresolved " + r.get$ref());
      }
      content(r.getContent());
      if (r.getHeaders() != null) {
        r.getHeaders().replaceAll((k, h) -> header(h));
      }
      return r;
    }

    private Header header(Header h) {
      if (h == null) {
        return null;
      }
      if (missing(h.get$ref(), HEADERS, components.getHeaders())) {
        return new Header().description("unresolved " + h.get$ref());
      }
      h.setSchema(schema(h.getSchema()));
      content(h.getContent());
      return h;
    }

    private void content(Content content) {
      if (content != null) {
        for (MediaType mediaType : content.values()) {
          mediaType.setSchema(schema(mediaType.getSchema()));
        }
      }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private Schema schema(Schema<?> s) {
      if (s == null) {
        return null;
      }
      if (missing(s.get$ref(), SCHEMAS, components.getSchemas())) {
        Schema<?> placeholder = new Schema<>();
        placeholder.setDescription("unresolved " + s.get$ref());
        placeholder.addExtension(UNRESOLVED_REF, s.get$ref());
        return placeholder;
      }
      schemaChildren(s);
      return s;
    }

    /**
     * Required names that are not properties. swagger-parser drops them from 3.1 documents but keeps them in 3.0
     * ones, so they are dropped from both, or the same schema would differ by parser alone.
     */
    private static List<String> strayRequired(Schema<?> s) {
      if (s.getRequired() == null || s.getProperties() == null || s.getProperties().isEmpty()) {
        return List.of();
      }
      List<String> strays = s.getRequired().stream().filter(r -> !s.getProperties().containsKey(r)).toList();
      if (!strays.isEmpty()) {
        List<String> kept = new ArrayList<>(s.getRequired());
        kept.removeAll(strays);
        s.setRequired(kept.isEmpty() ? null : kept);
      }
      return strays;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private void schemaChildren(Schema<?> s) {
      if (s == null || visited.put(s, Boolean.TRUE) != null) {
        return;
      }
      strayRequired(s);
      if (s.getProperties() != null) {
        Map<String, Schema> properties = (Map) s.getProperties();
        properties.replaceAll((name, p) -> schema(p));
      }
      ((Schema) s).setItems(schema(s.getItems()));
      s.setNot(schema(s.getNot()));
      if (s.getAdditionalProperties() instanceof Schema<?> additional) {
        s.setAdditionalProperties(schema(additional));
      }
      replaceAll((List) s.getOneOf(), x -> schema((Schema<?>) x));
      replaceAll((List) s.getAnyOf(), x -> schema((Schema<?>) x));
      replaceAll((List) s.getAllOf(), x -> schema((Schema<?>) x));
    }
  }
}
