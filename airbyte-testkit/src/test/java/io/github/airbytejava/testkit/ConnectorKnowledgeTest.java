package io.github.airbytejava.testkit;

import static io.github.airbytejava.testkit.Http.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The fake's catalog, validation and masking come from the connector facts. */
class ConnectorKnowledgeTest {
  static final String POSTGRES = "decd338e-5647-4c0b-adf4-da0e75f5a750";
  static final String DEV_NULL = "a7bcc9d8-13b3-4e49-b80d-d020b90045e3";
  static final String GITHUB = "ef69ef6e-aa7f-4af1-a01d-ef775033524e";

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

  static JsonObject postgres() {
    return obj("host", "db", "port", 5432, "database", "app", "username", "u", "password", "hunter2",
        "tunnel_method", obj("tunnel_method", "SSH_PASSWORD_AUTH", "tunnel_host", "bastion", "tunnel_port", 22,
            "tunnel_user", "me", "tunnel_user_password", "tunnel-pw"));
  }

  @Test
  void everyConnectorOfTheFactsIsADefinition() {
    JsonArray sources = http.get("/connector_definitions?type=source").json().getAsJsonArray("data");
    JsonArray destinations = http.get("/workspaces/" + workspaceId + "/definitions/destinations").json()
        .getAsJsonArray("data");
    assertEquals(555, sources.size());
    assertEquals(45, destinations.size());
    assertTrue(sources.toString().contains(GITHUB));
    assertTrue(destinations.toString().contains(DEV_NULL));
  }

  @Test
  void aNameTheServersTableLacksIsValueNotFound() {
    Http.Res byName = http.post("/destinations", obj("name", "x", "workspaceId", workspaceId,
        "configuration", obj("destinationType", "dev-null", "test_destination", obj("test_destination_type", "SILENT"))));
    assertEquals(400, byName.status());
    assertEquals("value-not-found", byName.json().get("title").getAsString());
    assertEquals("dev-null", byName.json().getAsJsonObject("data").get("value").getAsString());

    Http.Res byId = http.post("/destinations", obj("name", "x", "workspaceId", workspaceId, "definitionId", DEV_NULL,
        "configuration", obj("test_destination", obj("test_destination_type", "SILENT"))));
    assertEquals(200, byId.status());
    assertEquals("", byId.json().get("destinationType").getAsString(), "as the server: not in its name table");
  }

  @Test
  void anInvalidConfigurationIsABadRequestNamingEveryProblemWithoutValues() {
    JsonObject configuration = obj("host", "db", "port", 70000, "password", "hunter2",
        "ssl_mode", obj("mode", "sometimes"));
    Http.Res res = http.post("/sources", obj("name", "pg", "workspaceId", workspaceId, "definitionId", POSTGRES,
        "configuration", configuration));
    assertEquals(400, res.status());
    String detail = res.json().get("detail").getAsString();
    for (String expected : new String[] {"$.database: is missing but it is required",
        "$.username: is missing but it is required", "$.port: does not match the schema's maximum", "$.ssl_mode:"}) {
      assertTrue(detail.contains(expected), detail);
    }
    assertFalse(detail.contains("hunter2") || detail.contains("sometimes"), detail);
    assertEquals("bad-request", res.json().get("title").getAsString());
    // The same checks on PUT and on the result of a PATCH.
    String id = http.post("/sources", obj("name", "pg", "workspaceId", workspaceId, "definitionId", POSTGRES,
        "configuration", postgres())).json().get("sourceId").getAsString();
    assertEquals(400, http.patch("/sources/" + id, obj("configuration", obj("port", "5432"))).status());
    assertEquals(400, http.put("/sources/" + id, obj("name", "pg", "configuration", obj("host", "db"))).status());
  }

  @Test
  void readsMaskTheSchemasSecretsAndAMaskSentIsStored() {
    String id = http.post("/sources", obj("name", "pg", "workspaceId", workspaceId, "definitionId", POSTGRES,
        "configuration", postgres())).json().get("sourceId").getAsString();
    JsonObject read = http.get("/sources/" + id).json().getAsJsonObject("configuration");
    assertEquals("**********", read.get("password").getAsString());
    assertEquals("**********", read.getAsJsonObject("tunnel_method").get("tunnel_user_password").getAsString());
    assertEquals("me", read.getAsJsonObject("tunnel_method").get("tunnel_user").getAsString());

    // Sent back, the mask replaces the secret, as on the real server.
    http.patch("/sources/" + id, obj("configuration", obj("password", "**********")));
    JsonObject stored = JsonParser.parseString(airbyte.fake().storedConfiguration(UUID.fromString(id))).getAsJsonObject();
    assertEquals("**********", stored.get("password").getAsString());
    assertEquals("tunnel-pw", stored.getAsJsonObject("tunnel_method").get("tunnel_user_password").getAsString());
  }
}
