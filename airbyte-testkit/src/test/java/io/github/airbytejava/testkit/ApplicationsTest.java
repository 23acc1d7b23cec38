package io.github.airbytejava.testkit;

import static io.github.airbytejava.testkit.Http.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ApplicationsTest {

  @RegisterExtension
  static final FakeAirbyteExtension airbyte = new FakeAirbyteExtension();

  private Http http;

  @BeforeEach
  void login() {
    airbyte.fake().reset();
    http = new Http(airbyte.fake()).login();
  }

  @Test
  void theFakesOwnCredentialsAreItsFirstApplication() {
    JsonArray applications = http.get("/applications").json().getAsJsonArray("applications");
    assertEquals(1, applications.size());
    JsonObject application = applications.get(0).getAsJsonObject();
    assertEquals(airbyte.fake().clientId(), application.get("clientId").getAsString());
    assertEquals(airbyte.fake().clientSecret(), application.get("clientSecret").getAsString());
  }

  @Test
  void aNewApplicationsCredentialsGetTokensUntilItIsDeleted() {
    JsonObject created = http.post("/applications", obj("name", "ci")).json();
    String id = created.get("id").getAsString();
    String clientId = created.get("clientId").getAsString();
    String clientSecret = created.get("clientSecret").getAsString();
    assertTrue(created.get("createdAt").getAsLong() > 1_000_000_000_000L, "milliseconds, as the server's examples");
    assertEquals("ci", http.get("/applications/" + id).json().get("name").getAsString());
    assertEquals(2, http.get("/applications").json().getAsJsonArray("applications").size());

    Http.Res token = http.tokenRequest(clientId, clientSecret);
    assertEquals(200, token.status());
    String accessToken = token.json().get("access_token").getAsString();
    assertEquals(200, new Http(airbyte.fake()).token(accessToken).get("/workspaces").status());
    assertEquals(401, http.tokenRequest(clientId, "wrong").status());

    JsonObject deleted = http.delete("/applications/" + id).json();
    assertEquals(clientId, deleted.get("clientId").getAsString());
    assertEquals(401, http.tokenRequest(clientId, clientSecret).status());
    assertEquals(404, http.get("/applications/" + id).status());
    // Tokens already issued live until they expire.
    assertEquals(200, new Http(airbyte.fake()).token(accessToken).get("/workspaces").status());
    assertFalse(airbyte.fake().tokenRequestCount() == 0);
  }
}
