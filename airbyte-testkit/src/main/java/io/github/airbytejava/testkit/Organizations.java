package io.github.airbytejava.testkit;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The tag Organizations. The fake has one organization, which the caller belongs to and which owns every workspace;
 * it lists the caller's organizations and keeps OAuth credential overrides per organization.
 */
final class Organizations implements ResourceGroup {

  record Organization(String id, String name, String email) {
    JsonObject toJson() {
      JsonObject json = new JsonObject();
      json.addProperty("organizationId", id);
      json.addProperty("organizationName", name);
      json.addProperty("email", email);
      return json;
    }
  }

  private final Organization defaultOrganization =
      new Organization(UUID.randomUUID().toString(), "Default Organization", "admin@example.com");
  private final Map<String, Organization> organizations = new LinkedHashMap<>();
  private final OAuthOverrides oauthOverrides;

  Organizations(Connectors connectors) {
    this.oauthOverrides = new OAuthOverrides(connectors);
    organizations.put(defaultOrganization.id(), defaultOrganization);
  }

  @Override
  public void routes(Routes routes) {
    routes.get("/organizations", "listOrganizationsForUser", this::list);
    routes.put("/organizations/{organizationId}/oauthCredentials", "createOrUpdateOrganizationOAuthCredentials",
        call -> oauthOverrides.put(require(call.path("organizationId")).id(), call));
    routes.delete("/organizations/{organizationId}/oauthCredentials/{actorType}/{name}",
        "deleteOrganizationOAuthCredentials",
        call -> oauthOverrides.delete(require(call.path("organizationId")).id(), call));
  }

  @Override
  public void reset() {
    oauthOverrides.reset();
  }

  Organization defaultOrganization() {
    return defaultOrganization;
  }

  /** The organization, or a {@link Reply.Refusal} with the 404; {@link Json.BadRequest} if not a UUID. */
  Organization require(String id) {
    Organization organization = organizations.get(Check.uuid(id, "organizationId"));
    if (organization == null) {
      throw new Reply.Refusal(Reply.notFound("organization", id));
    }
    return organization;
  }

  private Reply list(Call call) {
    JsonArray data = new JsonArray();
    organizations.values().forEach(o -> data.add(o.toJson()));
    return Reply.data(data);
  }
}
