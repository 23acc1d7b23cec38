package io.github.airbytejava.testkit;

import com.google.gson.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import okhttp3.HttpUrl;

/**
 * The tag OAuth, and the OAuth flow of sources: {@code POST /sources/initiateOAuth} answers a consent URL; the fake's
 * provider consents at once, so following that URL (no token needed) lands on {@code GET /oauth/callback}, which
 * stores credentials and redirects (302) to the caller's {@code redirectUrl} with a {@code secret_id}; a
 * {@code POST /sources} with that {@code secretId} gets the credentials in its configuration's {@code credentials}.
 */
final class OAuth implements ResourceGroup {

  private record Consent(String workspaceId, Definition definition, HttpUrl redirectUrl) {
  }

  private record Grant(String workspaceId, Definition definition, JsonObject credentials) {
  }

  private final Context context;
  private final Connectors connectors;
  private final Workspaces workspaces;
  private final Map<String, Consent> consents = new HashMap<>();
  private final Map<String, Grant> grants = new HashMap<>();

  OAuth(Context context, Connectors connectors, Workspaces workspaces) {
    this.context = context;
    this.connectors = connectors;
    this.workspaces = workspaces;
  }

  @Override
  public void routes(Routes routes) {
    routes.open("GET", "/oauth/callback", "oauthCallback", this::callback);
  }

  @Override
  public void reset() {
    consents.clear();
    grants.clear();
  }

  /** {@code POST /sources/initiateOAuth} (tag Sources). */
  Reply initiate(Call call) {
    JsonObject body = call.json();
    String workspaceId = workspaces.require(Json.requiredString(body, "workspaceId")).id;
    String redirect = Json.requiredString(body, "redirectUrl");
    HttpUrl redirectUrl = HttpUrl.parse(redirect);
    if (redirectUrl == null) {
      return Reply.problem(422, "invalid-redirect-url", "Redirect URL format not understood: " + redirect + ".",
          Json.object("redirectUrl", redirect));
    }
    String sourceType = Json.string(body, "sourceType");
    if (sourceType == null) {
      sourceType = Json.string(body, "name");
    }
    if (sourceType == null) {
      return Reply.badRequest("'sourceType' is required: the source connector whose OAuth flow to start.");
    }
    Definition definition = connectors.byName("source", sourceType);
    if (definition == null) {
      return Reply.valueNotFound("No source connector is named '" + sourceType + "'.", sourceType);
    }
    String state = UUID.randomUUID().toString();
    consents.put(state, new Consent(workspaceId, definition, redirectUrl));
    String consentUrl = HttpUrl.get(context.baseUrl() + "/oauth/callback").newBuilder()
        .addQueryParameter("state", state)
        .addQueryParameter("code", "fake-authorization-code")
        .build()
        .toString();
    return Reply.ok(Json.object("consentUrl", consentUrl));
  }

  private Reply callback(Call call) {
    String state = call.query("state");
    Consent consent = state == null ? null : consents.remove(state);
    if (consent == null) {
      return Reply.problem(400, "oauth-callback-failure", "No OAuth flow is waiting for state '" + state + "'.",
          Json.object("message", "unknown state"));
    }
    JsonObject credentials = new JsonObject();
    credentials.addProperty("access_token", "fake-oauth-access-" + UUID.randomUUID());
    credentials.addProperty("refresh_token", "fake-oauth-refresh-" + UUID.randomUUID());
    String secretId = UUID.randomUUID().toString();
    grants.put(secretId, new Grant(consent.workspaceId(), consent.definition(), credentials));
    String location = consent.redirectUrl().newBuilder().addQueryParameter("secret_id", secretId).build().toString();
    return new Reply(302, null, "", Map.of("Location", location));
  }

  /**
   * The configuration of a source created with this {@code secretId}: the granted credentials merged into its
   * {@code credentials}; a {@link Json.BadRequest} if the secret is not one of this workspace and connector.
   */
  JsonObject withCredentials(String secretId, String workspaceId, Definition definition, JsonObject configuration) {
    Grant grant = grants.get(secretId);
    if (grant == null || !grant.workspaceId().equals(workspaceId) || !grant.definition().id().equals(definition.id())) {
      throw new Json.BadRequest("'secretId' " + secretId + " is not one the OAuth flow of this connector and workspace "
          + "handed out.");
    }
    JsonObject result = configuration.deepCopy();
    JsonObject credentials = Json.objectOrNull(result, "credentials");
    result.add("credentials", credentials == null ? grant.credentials().deepCopy()
        : Json.merged(credentials, grant.credentials()));
    return result;
  }
}
