package io.github.airbytejava.testkit;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The tag Applications: API clients (list, create, get, delete), the token exchange for their credentials, and
 * checking the bearer token of every other call. The fake starts with one application, whose credentials are those
 * of {@link FakeAirbyte.Builder#clientId} and {@link FakeAirbyte.Builder#clientSecret}; a created one gets its own,
 * which the token endpoint then accepts, until it is deleted.
 */
final class Applications implements ResourceGroup {

  record Application(String id, String name, String clientId, String clientSecret, long createdAt) {
    JsonObject toJson() {
      JsonObject json = new JsonObject();
      json.addProperty("id", id);
      json.addProperty("name", name);
      json.addProperty("clientId", clientId);
      json.addProperty("clientSecret", clientSecret);
      json.addProperty("createdAt", createdAt);
      return json;
    }

    /** Without the client secret. */
    @Override
    public String toString() {
      return "Application[" + id + ", " + name + ", " + clientId + "]";
    }
  }

  private final Context context;
  private final SecureRandom random = new SecureRandom();
  private final Application defaultApplication;
  /** By client id. */
  private final Map<String, Application> applications = new LinkedHashMap<>();
  /** Issued tokens and when they expire. Kept across {@link #reset()}: a reset fake still knows its clients. */
  private final Map<String, Instant> tokens = new HashMap<>();

  Applications(Context context) {
    this.context = context;
    Context.Settings settings = context.settings();
    this.defaultApplication = new Application(UUID.randomUUID().toString(), "Default application",
        settings.clientId(), settings.clientSecret(), context.now().toEpochMilli());
    reset();
  }

  @Override
  public void routes(Routes routes) {
    routes.open("POST", "/applications/token", "createAccessToken", this::token);
    routes.get("/applications", "listApplications", this::list);
    routes.post("/applications", "createApplication", this::create);
    routes.get("/applications/{applicationId}", "getApplication",
        call -> Reply.ok(require(call.path("applicationId")).toJson()));
    routes.delete("/applications/{applicationId}", "deleteApplication", this::delete);
  }

  @Override
  public void reset() {
    applications.clear();
    applications.put(defaultApplication.clientId(), defaultApplication);
  }

  private Application require(String id) {
    for (Application a : applications.values()) {
      if (a.id().equals(id)) {
        return a;
      }
    }
    throw new Reply.Refusal(Reply.notFound("application", id));
  }

  private Reply list(Call call) {
    JsonArray list = new JsonArray();
    applications.values().forEach(a -> list.add(a.toJson()));
    JsonObject response = new JsonObject();
    response.add("applications", list);
    return Reply.ok(response);
  }

  private Reply create(Call call) {
    String name = Json.requiredString(call.json(), "name");
    byte[] secret = new byte[24];
    random.nextBytes(secret);
    Application application = new Application(UUID.randomUUID().toString(), name, UUID.randomUUID().toString(),
        Base64.getUrlEncoder().withoutPadding().encodeToString(secret), context.now().toEpochMilli());
    applications.put(application.clientId(), application);
    return Reply.ok(application.toJson());
  }

  /** Its credentials stop working; tokens already issued for it stay valid until they expire. */
  private Reply delete(Call call) {
    Application application = require(call.path("applicationId"));
    applications.remove(application.clientId());
    return Reply.ok(application.toJson());
  }

  void expireTokens() {
    Instant now = context.now();
    tokens.replaceAll((token, expiry) -> expiry.isAfter(now) ? now : expiry);
  }

  private Reply token(Call call) {
    String contentType = call.contentType() == null ? "" : call.contentType().toLowerCase(Locale.ROOT);
    if (contentType.startsWith("application/x-www-form-urlencoded")) {
      // Self-managed servers read the body as JSON whatever the spec allows, and fail on form bodies.
      return Reply.badRequest("Unrecognized token 'grant_type': the token request must be a JSON object "
          + "{\"client_id\", \"client_secret\", \"grant-type\": \"client_credentials\"}.");
    }
    JsonObject body = call.json();
    String clientId = Json.string(body, "client_id");
    String clientSecret = Json.string(body, "client_secret");
    if (clientId == null || clientSecret == null) {
      return Reply.badRequest("'client_id' and 'client_secret' are required.");
    }
    String grant = Json.string(body, "grant-type");
    if (grant != null && !grant.equals("client_credentials")) {
      return Reply.badRequest("'grant-type' must be client_credentials, not " + grant + ".");
    }
    Application application = applications.get(clientId);
    if (application == null || !application.clientSecret().equals(clientSecret)) {
      return Reply.problem(401, "invalid-api-key", "Invalid client id or client secret.", null);
    }
    JsonObject response = new JsonObject();
    response.addProperty("access_token", issue(clientId));
    response.addProperty("token_type", "Bearer");
    response.addProperty("expires_in", context.settings().tokenLifetime().toSeconds());
    return Reply.ok(response);
  }

  /** A new token for this subject, valid for the token lifetime on the fake's clock. */
  String issue(String subject) {
    Instant issuedAt = context.now();
    Instant expiresAt = issuedAt.plus(context.settings().tokenLifetime());
    String token = jwt(subject, issuedAt, expiresAt);
    tokens.put(token, expiresAt);
    return token;
  }

  /** A JWT-shaped token whose {@code exp} matches {@code expires_in}, for clients that read it; unsigned in effect. */
  private String jwt(String clientId, Instant issuedAt, Instant expiresAt) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    JsonObject claims = new JsonObject();
    claims.addProperty("iss", context.baseUrl());
    claims.addProperty("sub", clientId);
    claims.addProperty("iat", issuedAt.getEpochSecond());
    claims.addProperty("exp", expiresAt.getEpochSecond());
    claims.addProperty("jti", UUID.randomUUID().toString());
    byte[] signature = new byte[32];
    random.nextBytes(signature);
    return b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + b64.encodeToString(Json.GSON.toJson(claims).getBytes(StandardCharsets.UTF_8)) + "."
        + b64.encodeToString(signature);
  }

  /** Null when the call carries a token this fake issued that has not expired, else the 401 to answer. */
  Reply authenticate(Call call) {
    String header = call.authorization();
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Reply.problem(401, "invalid-api-key",
          "No bearer token: send 'Authorization: Bearer <access_token>' with a token from POST /applications/token.",
          null);
    }
    Instant expiresAt = tokens.get(header.substring(7).trim());
    if (expiresAt == null) {
      return Reply.problem(401, "invalid-api-key", "The access token is not one this server issued.", null);
    }
    if (!context.now().isBefore(expiresAt)) {
      return Reply.problem(401, "invalid-api-key", "The access token expired at " + expiresAt + ".", null);
    }
    return null;
  }
}
