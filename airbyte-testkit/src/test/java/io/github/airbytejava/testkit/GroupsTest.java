package io.github.airbytejava.testkit;

import static io.github.airbytejava.testkit.Http.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GroupsTest {

  @RegisterExtension
  static final FakeAirbyteExtension airbyte = new FakeAirbyteExtension();

  private Http http;
  private String organizationId;

  @BeforeEach
  void login() {
    airbyte.fake().reset();
    http = new Http(airbyte.fake()).login();
    organizationId = airbyte.fake().defaultOrganizationId().toString();
  }

  private String group(String name) {
    Http.Res res = http.post("/groups", obj("name", name, "organizationId", organizationId));
    assertEquals(200, res.status(), res::text);
    return res.json().get("groupId").getAsString();
  }

  @Test
  void groupsCreateGetPagedListPatchDelete() {
    String analysts = group("analysts");
    group("engineers");
    group("finance");
    JsonObject page = http.get("/groups?organizationId=" + organizationId + "&limit=2").json();
    assertEquals(2, page.getAsJsonArray("data").size());
    assertEquals(1, http.getUrl(page.get("next").getAsString()).json().getAsJsonArray("data").size());
    assertEquals(0, http.get("/groups/" + analysts).json().get("memberCount").getAsInt());

    assertEquals("analysts-eu", http.patch("/groups/" + analysts, obj("name", "analysts-eu")).json().get("name")
        .getAsString());
    assertEquals(409, http.patch("/groups/" + analysts, obj("name", "finance")).status());
    assertEquals(409, http.post("/groups", obj("name", "finance", "organizationId", organizationId)).status());
    assertEquals(204, http.delete("/groups/" + analysts).status());
    assertEquals(404, http.get("/groups/" + analysts).status());
    assertEquals(404, http.get("/groups?organizationId=" + UUID.randomUUID()).status());
  }

  @Test
  void membersAreAddedOnceAndRemoved() {
    String group = group("analysts");
    String ada = airbyte.fake().addUser("Ada", "ada@example.com").toString();
    Http.Res added = http.post("/groups/" + group + "/members", obj("userId", ada));
    assertEquals(201, added.status());
    assertEquals("ada@example.com", added.json().get("userEmail").getAsString());
    assertEquals(409, http.post("/groups/" + group + "/members", obj("userId", ada)).status());
    assertEquals(404, http.post("/groups/" + group + "/members", obj("userId", UUID.randomUUID().toString()))
        .status());
    assertEquals(1, http.get("/groups/" + group).json().get("memberCount").getAsInt());
    assertEquals(1, http.get("/groups/" + group + "/members").json().getAsJsonArray("data").size());

    assertEquals(204, http.delete("/groups/" + group + "/members/" + ada).status());
    assertEquals(404, http.delete("/groups/" + group + "/members/" + ada).status());
  }

  @Test
  void aGroupHoldsRolesOnWorkspacesAndOrganizations() {
    String group = group("analysts");
    Http.Res created = http.post("/groups/" + group + "/permissions", obj("permissionType", "workspace_reader",
        "workspaceId", airbyte.fake().defaultWorkspaceId()));
    assertEquals(201, created.status());
    String permissionId = created.json().get("permissionId").getAsString();
    assertEquals(group, created.json().get("groupId").getAsString());
    assertEquals(201, http.post("/groups/" + group + "/permissions", obj("permissionType", "organization_reader",
        "organizationId", organizationId)).status());
    assertEquals(409, http.post("/groups/" + group + "/permissions", obj("permissionType", "organization_admin",
        "organizationId", organizationId)).status());
    assertEquals(400, http.post("/groups/" + group + "/permissions", obj("permissionType", "workspace_reader"))
        .status());
    assertEquals(2, http.get("/groups/" + group + "/permissions").json().getAsJsonArray("data").size());
    assertEquals(204, http.delete("/groups/" + group + "/permissions/" + permissionId).status());
    assertEquals(404, http.delete("/groups/" + group + "/permissions/" + permissionId).status());
  }
}
