package io.github.airbytejava.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.airbytejava.AirbyteClient;
import io.github.airbytejava.AirbyteException;
import io.github.airbytejava.AuthenticationException;
import io.github.airbytejava.Paginator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Raw JSON calls through the client's own OkHttp client (its token handling, retries and user agent), for the
 * {@code api} command and the resource commands alike, and names resolved to ids. Bodies printed are masked as the
 * library masks them.
 */
final class Api {
  static final MediaType JSON = MediaType.get("application/json");
  private static final Pattern UUID_TEXT =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /** A response, its body read (at most what a CLI prints). */
  record Reply(int code, String message, okhttp3.Headers headers, String body, String method, HttpUrl url) {}

  private final Session session;

  Api(Session session) {
    this.session = session;
  }

  AirbyteClient client() {
    return session.client();
  }

  /** {@code path} (relative to the API base URL, with or without a leading slash) or an absolute URL of the API. */
  HttpUrl url(String path) {
    if (path.startsWith("http://") || path.startsWith("https://")) {
      HttpUrl url = HttpUrl.parse(path);
      if (url == null) throw CliException.usage("not a URL: " + path);
      return url;
    }
    String base = client().baseUrl();
    HttpUrl url = HttpUrl.parse(base + (path.startsWith("/") ? path : "/" + path));
    if (url == null) throw CliException.usage("not a valid API path: " + path);
    return url;
  }

  /** Sends the request; HTTP errors come back as replies, a failure to get any response is thrown. */
  Reply exchange(String method, HttpUrl url, String body, Map<String, String> headers) {
    Request.Builder request = new Request.Builder().url(url).header("Accept", "application/json");
    headers.forEach(request::header);
    request.method(method, body == null ? (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")
        ? RequestBody.create(new byte[0], JSON) : null) : RequestBody.create(body, JSON));
    long started = System.nanoTime();
    try (Response response = client().httpClient().newCall(request.build()).execute()) {
      if (session.globals.verbose) {
        session.info("* " + method + " " + url.encodedPath() + " -> " + response.code() + " ("
            + (System.nanoTime() - started) / 1_000_000 + " ms)");
      }
      return new Reply(response.code(), response.message(), response.headers(), response.body().string(), method, url);
    } catch (AirbyteException e) {
      throw translate(e);
    } catch (IOException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) { // the client's own, carried out of OkHttp
        if (cause instanceof AirbyteException own) throw translate(own);
      }
      throw new CliException(ExitCodes.ERROR, method + " " + url.newBuilder().query(null).build() + ": no response: "
          + describe(e));
    }
  }

  /**
   * The library's exception as one line and an exit code: a token endpoint that refused the credentials is an
   * authentication failure, one that could not be reached is not.
   */
  static CliException translate(AirbyteException e) {
    if (e instanceof AuthenticationException auth) {
      if (auth.getStatusCode() == 0 && auth.getTokenUrl() != null) {
        return new CliException(ExitCodes.ERROR, "cannot reach the token endpoint " + auth.getTokenUrl() + ": "
            + withoutClassNames(auth.getDetail()) + "; check the URL", e);
      }
      return new CliException(ExitCodes.AUTH, "authentication failed: " + withoutClassNames(oneLine(e.getMessage())),
          e);
    }
    return new CliException(ExitCodes.ERROR, withoutClassNames(oneLine(e.getMessage())), e);
  }

  /** {@code java.net.ConnectException: Failed to connect} as {@code Failed to connect}: users need the what. */
  static String withoutClassNames(String text) {
    return text == null ? "" : text.replaceAll("\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z]\\w*(?:Exception|Error): ", "")
        .replaceAll(" \\(\\w*Exception\\)", "");
  }

  static String describe(Throwable e) {
    return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : oneLine(e.getMessage());
  }

  /** A JSON call; a non-2xx answer is thrown as a CliException with the problem's title and detail. */
  JsonElement call(String method, String path, JsonElement body) {
    Reply reply = exchange(method, url(path), body == null ? null : body.toString(), Map.of());
    if (reply.code() / 100 != 2) throw failure(reply);
    if (reply.body().isBlank()) return new JsonObject();
    return parse(reply);
  }

  JsonElement parse(Reply reply) {
    try {
      return JsonParser.parseString(mask(reply.body()));
    } catch (RuntimeException notJson) {
      throw new CliException(ExitCodes.ERROR, reply.method() + " " + reply.url().encodedPath()
          + ": the answer is not JSON");
    }
  }

  /** The library's masking: secret keys, tokens, and connector values their schema marks secret. */
  String mask(String body) {
    return client().maskSecrets(body);
  }

  /** The failure for a non-2xx reply: status, the problem's title and detail, and the exit code it deserves. */
  CliException failure(Reply reply) {
    String title = null;
    String detail = null;
    try {
      JsonObject problem = JsonParser.parseString(reply.body()).getAsJsonObject();
      title = string(problem, "title");
      detail = string(problem, "detail");
      if (title == null) title = string(problem, "message");
    } catch (RuntimeException notAProblem) {
      // plain text or HTML from a proxy: the status says enough
    }
    StringBuilder message = new StringBuilder(reply.method()).append(' ').append(reply.url().encodedPath())
        .append(": ").append(reply.code());
    if (title != null) message.append(' ').append(oneLine(title));
    if (detail != null && !detail.equals(title)) message.append(": ").append(oneLine(detail));
    int code = switch (reply.code()) {
      case 401 -> ExitCodes.AUTH;
      case 404 -> ExitCodes.NOT_FOUND;
      default -> ExitCodes.ERROR;
    };
    return new CliException(code, mask(message.toString()));
  }

  private static String string(JsonObject json, String key) {
    JsonElement value = json.get(key);
    return value != null && value.isJsonPrimitive() ? value.getAsString() : null;
  }

  static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").strip();
  }

  /** Every item of a list, paging through all of it (the library's paging: limit 100, following next). */
  List<JsonElement> list(Resource resource, Map<String, String> query) {
    String path = resource.path();
    if (path.contains("{workspaceId}")) {
      path = path.replace("{workspaceId}", workspaceOrOnly().toString());
    }
    HttpUrl.Builder url = url(path).newBuilder();
    query.forEach(url::addQueryParameter);
    if (!resource.paged()) return items(call("GET", url.build().toString(), null));
    return listPaged(url.build(), Paginator.PAGE_SIZE);
  }

  List<JsonElement> listPaged(HttpUrl url, int pageSize) {
    return Paginator.stream(pageSize, (limit, offset) -> {
      JsonElement page = call("GET", url.newBuilder().setQueryParameter("limit", Integer.toString(limit))
          .setQueryParameter("offset", Integer.toString(offset)).build().toString(), null);
      JsonElement next = page.isJsonObject() ? page.getAsJsonObject().get("next") : null;
      return Paginator.Page.of(items(page), next == null || next.isJsonNull() ? null : next.getAsString());
    }).collect(Collectors.toList());
  }

  static List<JsonElement> items(JsonElement page) {
    JsonArray data = page.isJsonArray() ? page.getAsJsonArray()
        : page.isJsonObject() && page.getAsJsonObject().get("data") instanceof JsonArray a ? a : new JsonArray();
    List<JsonElement> items = new ArrayList<>();
    data.forEach(items::add);
    return items;
  }

  /** The session's workspace; without --workspace and no default, the only workspace there is, or a usage error. */
  UUID workspaceOrOnly() {
    UUID workspace = session.workspaceId();
    return workspace != null ? workspace : onlyWorkspace();
  }

  private UUID onlyWorkspace() {
    List<JsonElement> all = list(Resource.named("workspaces"), Map.of());
    if (all.size() == 1) return UUID.fromString(all.get(0).getAsJsonObject().get("workspaceId").getAsString());
    throw CliException.usage("this needs a workspace: give --workspace NAME|ID (there are " + all.size() + ")");
  }

  static boolean isUuid(String text) {
    return UUID_TEXT.matcher(text).matches();
  }

  /** The list query that narrows {@code resource} to the session's workspace, if any. */
  Map<String, String> scopeQuery(Resource resource) {
    Map<String, String> query = new LinkedHashMap<>();
    if (resource.scope() == Resource.Scope.WORKSPACE_IDS) {
      UUID workspace = session.workspaceId();
      if (workspace != null) query.put("workspaceIds", workspace.toString());
    }
    return query;
  }

  /**
   * The id of {@code nameOrId}: an id as given, a name looked up in the list within the workspace. No match is not
   * found; two matches are an error listing both ids.
   */
  UUID resolve(Resource resource, String nameOrId, Map<String, String> query) {
    if (isUuid(nameOrId)) return UUID.fromString(nameOrId);
    JsonObject item = find(resource, nameOrId, query);
    return UUID.fromString(item.get(resource.idField()).getAsString());
  }

  /** The item named {@code name} (or with that id, for resources without a get), from the list. */
  JsonObject find(Resource resource, String name, Map<String, String> query) {
    Map<String, String> q = query != null ? query : scopeQuery(resource);
    List<JsonObject> matches = new ArrayList<>();
    for (JsonElement item : list(resource, q)) {
      JsonObject o = item.getAsJsonObject();
      if (matches(o, resource.nameField(), name) || matches(o, resource.idField(), name)) matches.add(o);
    }
    String where = resource.scope() == Resource.Scope.WORKSPACE_IDS && session.settings().workspace() != null
        ? " in workspace " + session.settings().workspace() : "";
    if (matches.isEmpty()) throw CliException.notFound("no " + resource.singular() + " named \"" + name + "\"" + where);
    if (matches.size() > 1) {
      throw new CliException(ExitCodes.ERROR, matches.size() + " " + resource.command() + " are named \"" + name
          + "\"" + where + "; give an id: " + matches.stream().map(o -> Output.text(o.get(resource.idField())))
          .collect(Collectors.joining(", ")));
    }
    return matches.get(0);
  }

  private static boolean matches(JsonObject item, String field, String value) {
    JsonElement v = field == null ? null : item.get(field);
    return v != null && v.isJsonPrimitive() && v.getAsString().equals(value);
  }
}
