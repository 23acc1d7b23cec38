package io.github.airbytejava.testkit;

import static io.github.airbytejava.testkit.Http.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Organizations, users and permissions. */
class OrganizationsTest {

  @RegisterExtension
  static final FakeAirbyteExtension airbyte = new FakeAirbyteExtension();

  private Http http;
  private String organizationId;
  private String workspaceId;

  @BeforeEach
  void login() {
    airbyte.fake().reset();
    http = new Http(airbyte.fake()).login();
    organizationId = airbyte.fake().defaultOrganizationId().toString();
    workspaceId = airbyte.fake().defaultWorkspaceId().toString();
  }

  @Test
  void theCallerBelongsToTheFakesOrganization() {
    JsonArray organizations = http.get("/organizations").json().getAsJsonArray("data");
    assertEquals(1, organizations.size());
    assertEquals(organizationId, organizations.get(0).getAsJsonObject().get("organizationId").getAsString());
    String other = http.post("/workspaces", obj("name", "elsewhere", "organizationId", organizationId)).json()
        .get("workspaceId").getAsString();
    assertEquals(200, http.get("/workspaces/" + other).status());
    assertEquals(404, http.post("/workspaces", obj("name", "x", "organizationId", UUID.randomUUID().toString()))
        .status());
  }

  @Test
  void usersOfTheOrganizationFilterByIdsAndEmails() {
    String ada = airbyte.fake().addUser("Ada", "ada@example.com").toString();
    airbyte.fake().addUser("Grace", "grace@example.com");
    assertEquals(3, http.get("/users?organizationId=" + organizationId).json().getAsJsonArray("data").size());
    JsonArray byId = http.get("/users?organizationId=" + organizationId + "&ids=" + ada).json()
        .getAsJsonArray("data");
    assertEquals("Ada", byId.get(0).getAsJsonObject().get("name").getAsString());
    assertEquals(1, http.get("/users?organizationId=" + organizationId + "&emails=GRACE@example.com").json()
        .getAsJsonArray("data").size());
    assertEquals(404, http.get("/users?organizationId=" + UUID.randomUUID()).status());
    assertThrows(IllegalArgumentException.class, () -> airbyte.fake().addUser("Ada again", "ada@example.com"));
  }

  @Test
  void permissionsCreateGetListPatchDelete() {
    String ada = airbyte.fake().addUser("Ada", "ada@example.com").toString();
    JsonObject created = http.post("/permissions", obj("permissionType", "workspace_editor", "userId", ada,
        "workspaceId", workspaceId)).json();
    String id = created.get("permissionId").getAsString();
    assertEquals(workspaceId, created.get("workspaceId").getAsString());
    assertEquals("workspace_editor", http.get("/permissions/" + id).json().get("permissionType").getAsString());

    JsonArray ofAda = http.get("/permissions?userId=" + ada).json().getAsJsonArray("data");
    assertEquals(1, ofAda.size());
    assertEquals("workspace", ofAda.get(0).getAsJsonObject().get("scope").getAsString());
    assertEquals(workspaceId, ofAda.get(0).getAsJsonObject().get("scopeId").getAsString());
    // The caller's own organization_admin and Ada's workspace role, both in the organization.
    assertEquals(2, http.get("/permissions?organizationId=" + organizationId).json().getAsJsonArray("data").size());

    assertEquals("workspace_reader", http.patch("/permissions/" + id, obj("permissionType", "workspace_reader"))
        .json().get("permissionType").getAsString());
    assertEquals(400, http.patch("/permissions/" + id, obj("permissionType", "organization_admin")).status());
    assertEquals(204, http.delete("/permissions/" + id).status());
    assertEquals(404, http.get("/permissions/" + id).status());
  }

  @Test
  void sourceAndDestinationEditorsAreGrantedAndChanged() {
    // Roles of the server's config.yaml (2026-08-04) that Airbyte's api.yaml does not list yet.
    String ada = airbyte.fake().addUser("Ada", "ada@example.com").toString();
    Http.Res created = http.post("/permissions", obj("permissionType", "workspace_source_editor", "userId", ada,
        "workspaceId", workspaceId));
    assertEquals(200, created.status());
    String id = created.json().get("permissionId").getAsString();
    assertEquals("workspace_source_editor", http.get("/permissions/" + id).json().get("permissionType").getAsString());
    assertEquals("workspace_destination_editor", http.patch("/permissions/" + id,
        obj("permissionType", "workspace_destination_editor")).json().get("permissionType").getAsString());
    assertEquals(400, http.post("/permissions", obj("permissionType", "workspace_source_editor", "userId", ada,
        "organizationId", organizationId)).status());
  }

  @Test
  void aRoleNeedsTheScopeItIsFor() {
    String ada = airbyte.fake().addUser("Ada", "ada@example.com").toString();
    assertEquals(400, http.post("/permissions", obj("permissionType", "workspace_editor", "userId", ada,
        "organizationId", organizationId)).status());
    assertEquals(400, http.post("/permissions", obj("permissionType", "organization_reader", "userId", ada)).status());
    assertEquals(404, http.post("/permissions", obj("permissionType", "workspace_editor", "userId",
        UUID.randomUUID().toString(), "workspaceId", workspaceId)).status());
    JsonObject reader = obj("permissionType", "organization_reader", "userId", ada, "organizationId", organizationId);
    assertEquals(200, http.post("/permissions", reader).status());
    assertEquals(409, http.post("/permissions", reader).status());
  }

  @Test
  void organizationAndWorkspaceOAuthOverridesArePutAndDeleted() {
    JsonObject override = obj("actorType", "source", "name", "postgres",
        "configuration", obj("client_id", "id", "client_secret", "secret"));
    Http.Res put = http.put("/organizations/" + organizationId + "/oauthCredentials", override);
    assertEquals(200, put.status());
    assertEquals("", put.text());
    assertEquals(204, http.delete("/organizations/" + organizationId + "/oauthCredentials/source/postgres")
        .status());
    assertEquals(200, http.put("/workspaces/" + workspaceId + "/oauthCredentials", override).status());
    assertEquals(204, http.delete("/workspaces/" + workspaceId + "/oauthCredentials/source/postgres").status());

    Http.Res unknown = http.put("/workspaces/" + workspaceId + "/oauthCredentials",
        obj("actorType", "source", "name", "no-such-connector", "configuration", obj()));
    assertEquals(400, unknown.status());
    assertEquals("value-not-found", unknown.json().get("title").getAsString());
    assertEquals(404, http.put("/organizations/" + UUID.randomUUID() + "/oauthCredentials", override).status());
  }
}
