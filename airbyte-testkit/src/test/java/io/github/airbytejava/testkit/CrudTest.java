package io.github.airbytejava.testkit;

import static io.github.airbytejava.testkit.Http.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CrudTest {

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

  @Test
  void workspacesCreateGetListPatchDelete() {
    Http.Res created = http.post("/workspaces", obj("name", "Analytics"));
    assertEquals(200, created.status());
    JsonObject workspace = created.json();
    String id = workspace.get("workspaceId").getAsString();
    assertEquals("Analytics", workspace.get("name").getAsString());
    assertTrue(workspace.has("dataResidency") && workspace.get("notifications").isJsonObject());

    assertEquals("Analytics", http.get("/workspaces/" + id).json().get("name").getAsString());
    assertEquals(2, http.get("/workspaces").json().getAsJsonArray("data").size());

    Http.Res patched = http.patch("/workspaces/" + id, obj("name", "Analytics EU"));
    assertEquals("Analytics EU", patched.json().get("name").getAsString());

    Http.Res deleted = http.delete("/workspaces/" + id);
    assertEquals(204, deleted.status());
    assertEquals("", deleted.text());
    assertEquals(404, http.get("/workspaces/" + id).status());
    assertEquals(1, http.get("/workspaces").json().getAsJsonArray("data").size());
    assertEquals(2, http.get("/workspaces?includeDeleted=true").json().getAsJsonArray("data").size());
  }

  @Test
  void sourcesCreateGetPatchPutDeleteWithSecretsMaskedAndNumbersKept() {
    Http.Res created = http.post("/sources", obj("name", "pg", "workspaceId", workspaceId,
        "definitionId", "decd338e-5647-4c0b-adf4-da0e75f5a750",
        "configuration", obj("host", "db", "port", 5432, "database", "app", "username", "u", "password", "hunter2",
            "jdbc_url_params", "a=b")));
    assertEquals(200, created.status());
    JsonObject source = created.json();
    String id = source.get("sourceId").getAsString();
    assertEquals("postgres", source.get("sourceType").getAsString());
    assertEquals("decd338e-5647-4c0b-adf4-da0e75f5a750", source.get("definitionId").getAsString());
    assertEquals(workspaceId, source.get("workspaceId").getAsString());
    assertTrue(source.get("createdAt").getAsLong() > 0);
    JsonObject configuration = source.getAsJsonObject("configuration");
    assertEquals("5432", configuration.get("port").toString());
    assertEquals("**********", configuration.get("password").getAsString());

    JsonObject patched = http.patch("/sources/" + id, obj("name", "pg2",
        "configuration", obj("port", 5433))).json();
    assertEquals("pg2", patched.get("name").getAsString());
    assertEquals("db", patched.getAsJsonObject("configuration").get("host").getAsString());
    assertEquals(5433, patched.getAsJsonObject("configuration").get("port").getAsInt());

    JsonObject put = http.put("/sources/" + id, obj("name", "pg3",
        "configuration", obj("host", "db2", "port", 5432, "database", "app", "username", "u",
            "password", "**********"))).json();
    assertEquals("pg3", put.get("name").getAsString());
    assertFalse(put.getAsJsonObject("configuration").has("jdbc_url_params"));
    assertEquals("db2", http.get("/sources/" + id).json().getAsJsonObject("configuration").get("host").getAsString());

    assertEquals(204, http.delete("/sources/" + id).status());
    assertEquals(404, http.get("/sources/" + id).status());
    assertEquals(404, http.delete("/sources/" + id).status());
  }

  @Test
  void destinationsCreateByConfigurationTypeGetPatchPutDelete() {
    Http.Res created = http.post("/destinations", obj("name", "lake", "workspaceId", workspaceId,
        "configuration", obj("destinationType", "duckdb", "destination_path", "/tmp/x.duckdb")));
    assertEquals(200, created.status());
    String id = created.json().get("destinationId").getAsString();
    assertEquals("duckdb", created.json().get("destinationType").getAsString());
    assertEquals("94bd199c-2ff0-4aa2-b98e-17f0acb72610", created.json().get("definitionId").getAsString());

    assertEquals("lake2", http.patch("/destinations/" + id, obj("name", "lake2")).json().get("name").getAsString());
    assertEquals("lake3", http.put("/destinations/" + id,
        obj("name", "lake3", "configuration", obj("destination_path", "/tmp/y.duckdb"))).json().get("name")
        .getAsString());
    assertEquals(1, http.get("/destinations?workspaceIds=" + workspaceId).json().getAsJsonArray("data").size());
    assertEquals(204, http.delete("/destinations/" + id).status());
    assertEquals(0, http.get("/destinations").json().getAsJsonArray("data").size());
  }

  @Test
  void connectionsCreateGetListPatchDeleteAndDeletingTheSourceDeletesThem() {
    String connectionId = http.createConnection(workspaceId);
    JsonObject connection = http.get("/connections/" + connectionId).json();
    assertEquals("Faker → Nowhere", connection.get("name").getAsString());
    assertEquals("active", connection.get("status").getAsString());
    assertEquals("manual", connection.getAsJsonObject("schedule").get("scheduleType").getAsString());
    assertEquals(workspaceId, connection.get("workspaceId").getAsString());
    assertTrue(connection.get("tags").isJsonArray() && connection.get("configurations").isJsonObject());

    JsonObject patched = http.patch("/connections/" + connectionId, obj("status", "inactive",
        "schedule", obj("scheduleType", "cron", "cronExpression", "0 0 12 * * ?"))).json();
    assertEquals("inactive", patched.get("status").getAsString());
    // The server stores the time zone with the expression and answers both.
    assertEquals("0 0 12 * * ? UTC", patched.getAsJsonObject("schedule").get("cronExpression").getAsString());

    assertEquals(1, http.get("/connections").json().getAsJsonArray("data").size());
    String sourceId = connection.get("sourceId").getAsString();
    assertEquals(204, http.delete("/sources/" + sourceId).status());
    assertEquals(404, http.get("/connections/" + connectionId).status());
    JsonArray withDeleted = http.get("/connections?includeDeleted=true").json().getAsJsonArray("data");
    assertEquals("deprecated", withDeleted.get(0).getAsJsonObject().get("status").getAsString());

    String second = http.createConnection(workspaceId);
    assertEquals(204, http.delete("/connections/" + second).status());
    assertEquals(404, http.patch("/connections/" + second, obj("name", "x")).status());
  }

  @Test
  void unknownIdsGet404ProblemsWithResourceData() {
    String missing = UUID.randomUUID().toString();
    for (String path : List.of("/workspaces/", "/sources/", "/destinations/", "/connections/")) {
      Http.Res res = http.get(path + missing);
      assertEquals(404, res.status(), path);
      assertEquals("application/json", res.contentType());
      JsonObject problem = res.json();
      assertEquals(404, problem.get("status").getAsInt());
      assertEquals(missing, problem.getAsJsonObject("data").get("resourceId").getAsString());
    }
    assertEquals(404, http.get("/jobs/424242").status());
    assertEquals(404, http.post("/sources", obj("name", "x", "workspaceId", missing,
        "configuration", obj("sourceType", "faker"))).status());
  }

  @Test
  void aConnectorNameTheServerCannotResolveIsValueNotFound() {
    Http.Res res = http.post("/sources", obj("name", "x", "workspaceId", workspaceId,
        "configuration", obj("sourceType", "no-such-connector")));
    assertEquals(400, res.status());
    assertEquals("value-not-found", res.json().get("title").getAsString());
    assertEquals("no-such-connector", res.json().getAsJsonObject("data").get("value").getAsString());
  }

  @Test
  void missingRequiredFieldsGet400() {
    Http.Res res = http.post("/sources", obj("name", "no workspace", "configuration", obj("sourceType", "faker")));
    assertEquals(400, res.status());
    assertTrue(res.json().get("detail").getAsString().contains("workspaceId"));
    airbyte.fake().clearMismatches(); // the request is wrong on purpose
  }

  @Test
  void definitionListsCoverSourcesAndDestinations() {
    JsonArray sources = http.get("/workspaces/" + workspaceId + "/definitions/sources").json().getAsJsonArray("data");
    JsonArray destinations =
        http.get("/workspaces/" + workspaceId + "/definitions/destinations").json().getAsJsonArray("data");
    assertTrue(names(sources).contains("airbyte/source-faker"), sources::toString);
    assertTrue(names(destinations).contains("airbyte/destination-dev-null"), destinations::toString);

    JsonArray connectorSources = http.get("/connector_definitions?type=source").json().getAsJsonArray("data");
    assertEquals(sources.size(), connectorSources.size());
    assertEquals("source", connectorSources.get(0).getAsJsonObject().get("connectorDefinitionType").getAsString());
    assertEquals("destination", http.get("/connector_definitions?type=destination").json().getAsJsonArray("data")
        .get(0).getAsJsonObject().get("connectorDefinitionType").getAsString());
    assertEquals(404, http.get("/workspaces/" + UUID.randomUUID() + "/definitions/sources").status());
  }

  @Test
  void unknownPathsGet404AndOtherMethodsOfAKnownPath405() {
    Http.Res unknown = http.get("/nowhere");
    assertEquals(404, unknown.status());
    assertEquals(404, unknown.json().get("status").getAsInt());
    assertEquals(405, http.put("/workspaces", obj("name", "x")).status());
    airbyte.fake().clearMismatches(); // neither is an operation of the spec
  }

  private static List<String> names(JsonArray definitions) {
    List<String> out = new ArrayList<>();
    for (JsonElement d : definitions) {
      out.add(d.getAsJsonObject().get("dockerRepository").getAsString());
    }
    return out;
  }
}
