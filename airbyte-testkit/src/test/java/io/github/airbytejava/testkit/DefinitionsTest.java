package io.github.airbytejava.testkit;

import static io.github.airbytejava.testkit.Http.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A workspace's own connector definitions: custom (docker image) and declarative (manifest). */
class DefinitionsTest {

  static final String FAKER = "dfd88b22-b603-4c3d-aad7-3701784586b1";

  @RegisterExtension
  static final FakeAirbyteExtension airbyte = new FakeAirbyteExtension();

  private Http http;
  private String definitions;
  private String workspaceId;

  @BeforeEach
  void login() {
    airbyte.fake().reset();
    http = new Http(airbyte.fake()).login();
    workspaceId = airbyte.fake().defaultWorkspaceId().toString();
    definitions = "/workspaces/" + workspaceId + "/definitions/";
  }

  private int count(String path) {
    return http.get(path).json().getAsJsonArray("data").size();
  }

  @Test
  void customDefinitionsCreateGetPutDeleteAndServeSources() {
    int before = count(definitions + "sources");
    JsonObject created = http.post(definitions + "sources", obj("name", "Our API", "dockerRepository",
        "acme/source-our-api", "dockerImageTag", "1.0.0")).json();
    String id = created.get("id").getAsString();
    assertEquals(before + 1, count(definitions + "sources"));
    assertEquals(before + 1, count("/connector_definitions?type=source&workspaceId=" + workspaceId));
    assertEquals(before, count("/connector_definitions?type=source"));
    assertEquals("acme/source-our-api", http.get(definitions + "sources/" + id).json().get("dockerRepository")
        .getAsString());

    JsonObject source = http.post("/sources", obj("name", "ours", "workspaceId", workspaceId, "definitionId", id,
        "configuration", obj("url", "https://api.example.com"))).json();
    assertEquals(id, source.get("definitionId").getAsString());
    assertEquals("", source.get("sourceType").getAsString(), "the server's name table does not know it");

    JsonObject updated = http.put(definitions + "sources/" + id, obj("name", "Our API", "dockerImageTag", "1.1.0"))
        .json();
    assertEquals("1.1.0", updated.get("dockerImageTag").getAsString());
    assertEquals(id, http.delete(definitions + "sources/" + id).json().get("id").getAsString());
    assertEquals(404, http.get(definitions + "sources/" + id).status());

    String other = http.post("/workspaces", obj("name", "other")).json().get("workspaceId").getAsString();
    String theirs = http.post("/workspaces/" + other + "/definitions/destinations", obj("name", "Theirs",
        "dockerRepository", "acme/destination-theirs", "dockerImageTag", "2")).json().get("id").getAsString();
    assertEquals(404, http.get(definitions + "destinations/" + theirs).status(), "another workspace's definition");
  }

  @Test
  void airbytesOwnDefinitionsAreReadOnlyForAWorkspace() {
    assertEquals("Sample Data (Faker)", http.get(definitions + "sources/" + FAKER).json().get("name").getAsString());
    assertEquals(403, http.put(definitions + "sources/" + FAKER, obj("name", "x", "dockerImageTag", "9")).status());
    assertEquals(403, http.delete(definitions + "sources/" + FAKER).status());
    assertEquals(404, http.get(definitions + "sources/" + UUID.randomUUID()).status());
  }

  @Test
  void declarativeDefinitionsVersionTheirManifestAndStayOutOfTheSourceDefinitions() {
    String declarative = definitions + "declarative_sources";
    JsonObject manifest = obj("version", "6.0.0", "spec", obj("connection_specification", obj("type", "object")));
    int sources = count(definitions + "sources");
    JsonObject created = http.post(declarative, obj("name", "Low code",
        "manifest", manifest)).json();
    String id = created.get("id").getAsString();
    assertEquals(1, created.get("version").getAsLong());
    assertEquals(1, count(declarative));
    assertEquals(sources, count(definitions + "sources"));
    assertEquals(404, http.get(definitions + "sources/" + id).status());

    JsonObject changed = manifest.deepCopy();
    changed.addProperty("version", "6.1.0");
    JsonObject updated = http.put(declarative + "/" + id, obj("manifest", changed)).json();
    assertEquals(2, updated.get("version").getAsLong());
    assertEquals("6.1.0", http.get(declarative + "/" + id).json().getAsJsonObject("manifest").get("version")
        .getAsString());

    assertEquals(200, http.post("/sources", obj("name", "lc", "workspaceId", workspaceId, "definitionId", id,
        "configuration", obj())).status());
    assertEquals(400, http.post(declarative, obj("name", "no spec",
        "manifest", obj("version", "6.0.0"))).status());
    assertEquals(id, http.delete(declarative + "/" + id).json().get("id").getAsString());
    assertTrue(http.get(declarative).json().getAsJsonArray("data").isEmpty());
  }
}
