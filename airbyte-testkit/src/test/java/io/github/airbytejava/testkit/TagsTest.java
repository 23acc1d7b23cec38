package io.github.airbytejava.testkit;

import static io.github.airbytejava.testkit.Http.arr;
import static io.github.airbytejava.testkit.Http.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TagsTest {

  @RegisterExtension
  static final FakeAirbyteExtension airbyte = new FakeAirbyteExtension();

  private Http http;
  private String workspaceId;

  @BeforeEach
  void login() {
    airbyte.fake().reset();
    http = new Http(airbyte.fake()).login();
    workspaceId = airbyte.fake().defaultWorkspaceId().toString();
  }

  private JsonObject createTag(String name, String color) {
    Http.Res res = http.post("/tags", obj("name", name, "color", color, "workspaceId", workspaceId));
    assertEquals(200, res.status(), res::text);
    return res.json();
  }

  @Test
  void tagsCreateGetListPatchDelete() {
    JsonObject tag = createTag("finance", "FF5733");
    String id = tag.get("tagId").getAsString();
    assertEquals(workspaceId, tag.get("workspaceId").getAsString());
    assertEquals("finance", http.get("/tags/" + id).json().get("name").getAsString());

    String other = http.post("/workspaces", obj("name", "Other")).json().get("workspaceId").getAsString();
    http.post("/tags", obj("name", "elsewhere", "color", "000000", "workspaceId", other));
    assertEquals(2, http.get("/tags").json().getAsJsonArray("data").size());
    assertEquals(1, http.get("/tags?workspaceIds=" + workspaceId).json().getAsJsonArray("data").size());

    JsonObject patched = http.patch("/tags/" + id, obj("name", "money", "color", "00FF00")).json();
    assertEquals("money", patched.get("name").getAsString());
    assertEquals("00FF00", patched.get("color").getAsString());

    assertEquals(204, http.delete("/tags/" + id).status());
    assertEquals(404, http.get("/tags/" + id).status());
    assertEquals(404, http.delete("/tags/" + id).status());
  }

  @Test
  void namesAreUniquePerWorkspaceShortAndColoursAreHex() {
    createTag("finance", "FF5733");
    Http.Res taken = http.post("/tags", obj("name", "finance", "color", "000000", "workspaceId", workspaceId));
    assertEquals(409, taken.status());
    assertEquals("error:tag-already-exists", taken.json().get("type").getAsString());
    String other = http.post("/workspaces", obj("name", "Other")).json().get("workspaceId").getAsString();
    assertEquals(200, http.post("/tags", obj("name", "finance", "color", "000000", "workspaceId", other)).status());

    assertEquals("error:tag-name-too-long", http.post("/tags", obj("name", "x".repeat(31), "color", "000000",
        "workspaceId", workspaceId)).json().get("type").getAsString());
    assertEquals("error:tag-invalid-hex-color", http.post("/tags", obj("name", "red", "color", "#FF0000",
        "workspaceId", workspaceId)).json().get("type").getAsString());
    String second = createTag("ops", "123456").get("tagId").getAsString();
    assertEquals(409, http.patch("/tags/" + second, obj("name", "finance", "color", "123456")).status());
    assertEquals(404, http.post("/tags", obj("name", "n", "color", "000000",
        "workspaceId", UUID.randomUUID().toString())).status());
  }

  @Test
  void connectionsCarryTagsByReferenceAndListByAnyOfThem() {
    JsonObject finance = createTag("finance", "FF5733");
    JsonObject ops = createTag("ops", "00FF00");
    String both = http.createConnection(workspaceId);
    String financeOnly = http.createConnection(workspaceId);
    http.createConnection(workspaceId);
    assertEquals(200, http.patch("/connections/" + both, obj("tags", arr(finance, ops))).status());
    http.patch("/connections/" + financeOnly, obj("tags", arr(finance)));

    String financeId = finance.get("tagId").getAsString();
    String opsId = ops.get("tagId").getAsString();
    assertEquals(2, http.get("/connections?tagIds=" + financeId).json().getAsJsonArray("data").size());
    assertEquals(1, http.get("/connections?tagIds=" + opsId).json().getAsJsonArray("data").size());
    // Airbyte's filter is tag_id IN (...): any of the tags, not all of them.
    assertEquals(2, http.get("/connections?tagIds=" + opsId + "&tagIds=" + financeId).json().getAsJsonArray("data")
        .size());

    http.patch("/tags/" + financeId, obj("name", "money", "color", "FF5733"));
    JsonArray tags = http.get("/connections/" + both).json().getAsJsonArray("tags");
    assertEquals("money", tags.get(0).getAsJsonObject().get("name").getAsString());
    http.delete("/tags/" + opsId);
    assertEquals(1, http.get("/connections/" + both).json().getAsJsonArray("tags").size());

    JsonObject stranger = obj("tagId", UUID.randomUUID().toString(), "workspaceId", workspaceId,
        "name", "x", "color", "000000");
    assertEquals(404, http.patch("/connections/" + both, obj("tags", arr(stranger))).status());
  }
}
