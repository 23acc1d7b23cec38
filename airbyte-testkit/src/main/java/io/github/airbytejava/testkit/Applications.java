package io.github.airbytejava.testkit;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The tag Applications: the token exchange, and checking the bearer token of every other call. */
final class Applications implements ResourceGroup {

  private final Context context;
  private final SecureRandom random = new SecureRandom();
  /** Issued tokens and when they expire. Kept across {@link #reset()}: a reset fake still knows its clients. */
  private final Map<String, Instant> tokens = new HashMap<>();

  Applications(Context context) {
    this.context = context;
  }

  @Override
  public void routes(Routes routes) {
    routes.open("POST", "/applications/token", "createAccessToken", this::token);
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
    Context.Settings settings = context.settings();
    if (!clientId.equals(settings.clientId()) || !clientSecret.equals(settings.clientSecret())) {
      return Reply.problem(401, "invalid-api-key", "Invalid client id or client secret.", null);
    }
    Instant issuedAt = context.now();
    Instant expiresAt = issuedAt.plus(settings.tokenLifetime());
    String token = jwt(clientId, issuedAt, expiresAt);
    tokens.put(token, expiresAt);
    JsonObject response = new JsonObject();
    response.addProperty("access_token", token);
    response.addProperty("token_type", "Bearer");
    response.addProperty("expires_in", settings.tokenLifetime().toSeconds());
    return Reply.ok(response);
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
