package io.github.airbytejava.testkit;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The tag Embedded (Airbyte Embedded): a widget token for a page of an end user, a token scoped to one workspace,
 * and the caller's organizations that have Embedded (in the fake, its one organization, where the caller is
 * {@code organization_admin}). The scoped token is a token of the fake like any other: the fake does not narrow what
 * it may do.
 */
final class Embedded implements ResourceGroup {

  private final Context context;
  private final Applications applications;
  private final Organizations organizations;
  private final Workspaces workspaces;

  Embedded(Context context, Applications applications, Organizations organizations, Workspaces workspaces) {
    this.context = context;
    this.applications = applications;
    this.organizations = organizations;
    this.workspaces = workspaces;
  }

  @Override
  public void routes(Routes routes) {
    routes.post("/embedded/widget_token", "getEmbeddedWidget", this::widgetToken);
    routes.post("/embedded/scoped_token", "generateEmbeddedScopedToken", this::scopedToken);
    routes.get("/embedded/organizations", "listEmbeddedOrganizationsByUser", this::organizations);
  }

  /** As the server's: base64 of a JSON object holding the scoped token and the widget's URL. */
  private Reply widgetToken(Call call) {
    JsonObject body = call.json();
    Json.requiredString(body, "allowedOrigin");
    String externalUserId = Json.requiredString(body, "externalUserId");
    organizations.require(Json.requiredString(body, "organizationId"));
    JsonObject widget = new JsonObject();
    widget.addProperty("token", applications.issue("embedded:" + externalUserId));
    widget.addProperty("widgetUrl", context.baseUrl() + "/embedded/widget");
    String token = Base64.getEncoder().encodeToString(Json.GSON.toJson(widget).getBytes(StandardCharsets.UTF_8));
    return Reply.ok(Json.object("token", token));
  }

  private Reply scopedToken(Call call) {
    String workspaceId = workspaces.require(Json.requiredString(call.json(), "workspaceId")).id;
    return Reply.ok(Json.object("token", applications.issue("workspace:" + workspaceId)));
  }

  private Reply organizations(Call call) {
    Organizations.Organization organization = organizations.defaultOrganization();
    JsonObject item = new JsonObject();
    item.addProperty("organizationId", organization.id());
    item.addProperty("organizationName", organization.name());
    item.addProperty("permission", "organization_admin");
    JsonArray list = new JsonArray();
    list.add(item);
    JsonObject response = new JsonObject();
    response.add("organizations", list);
    return Reply.ok(response);
  }
}
