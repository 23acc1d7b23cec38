package io.github.airbytejava.testkit;

import static io.github.airbytejava.testkit.Http.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EmbeddedTest {

  @RegisterExtension
  static final FakeAirbyteExtension airbyte = new FakeAirbyteExtension();

  private Http http;

  @BeforeEach
  void login() {
    http = new Http(airbyte.fake()).login();
  }

  @Test
  void aWidgetTokenCarriesAScopedTokenAndTheWidgetsUrl() {
    String token = http.post("/embedded/widget_token", obj("allowedOrigin", "https://app.example.com",
        "externalUserId", "customer-42", "organizationId", airbyte.fake().defaultOrganizationId())).json()
        .get("token").getAsString();
    JsonObject widget = JsonParser.parseString(new String(Base64.getDecoder().decode(token),
        StandardCharsets.UTF_8)).getAsJsonObject();
    assertEquals(200, new Http(airbyte.fake()).token(widget.get("token").getAsString()).get("/workspaces").status());
    assertEquals(airbyte.fake().baseUrl() + "/embedded/widget", widget.get("widgetUrl").getAsString());
  }

  @Test
  void aScopedTokenIsAToken() {
    String token = http.post("/embedded/scoped_token", obj("workspaceId", airbyte.fake().defaultWorkspaceId()))
        .json().get("token").getAsString();
    assertEquals(200, new Http(airbyte.fake()).token(token).get("/sources").status());
  }

  @Test
  void theCallersOrganizationsWithTheirRole() {
    JsonObject organization = http.get("/embedded/organizations").json().getAsJsonArray("organizations").get(0)
        .getAsJsonObject();
    assertEquals(airbyte.fake().defaultOrganizationId().toString(), organization.get("organizationId").getAsString());
    assertEquals("organization_admin", organization.get("permission").getAsString());
  }
}
