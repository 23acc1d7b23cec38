package io.github.airbytejava.testkit;

import static io.github.airbytejava.testkit.Http.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OAuthTest {

  @RegisterExtension
  static final FakeAirbyteExtension airbyte = new FakeAirbyteExtension();

  /** As a browser would, but stopping at the redirect to look at it. */
  private static final OkHttpClient BROWSER = Http.client().newBuilder().followRedirects(false).build();

  private Http http;
  private String workspaceId;

  @BeforeEach
  void login() {
    airbyte.fake().reset();
    http = new Http(airbyte.fake()).login();
    workspaceId = airbyte.fake().defaultWorkspaceId().toString();
  }

  @Test
  void consentRedirectsWithASecretIdThatACreateTurnsIntoCredentials() {
    Http.Res initiated = http.post("/sources/initiateOAuth", obj("sourceType", "postgres", "workspaceId", workspaceId,
        "redirectUrl", "https://app.example.com/done?step=2"));
    assertEquals(200, initiated.status(), initiated::text);
    String consentUrl = initiated.json().get("consentUrl").getAsString();

    // The fake's provider consents at once: following the consent URL is the provider's callback.
    Http.Res callback = new Http(airbyte.fake(), BROWSER).send(new Request.Builder().url(consentUrl).build());
    assertEquals(302, callback.status());
    HttpUrl location = HttpUrl.get(callback.location());
    assertEquals("app.example.com", location.host());
    assertEquals("2", location.queryParameter("step"));
    String secretId = location.queryParameter("secret_id");

    JsonObject source = http.post("/sources", obj("name", "pg", "workspaceId", workspaceId,
        "definitionId", "decd338e-5647-4c0b-adf4-da0e75f5a750", "secretId", secretId,
        "configuration", obj("host", "db", "port", 5432, "database", "app", "username", "u"))).json();
    JsonObject credentials = source.getAsJsonObject("configuration").getAsJsonObject("credentials");
    assertEquals("**********", credentials.get("access_token").getAsString());
    assertEquals("**********", credentials.get("refresh_token").getAsString());

    // A consent is used once; an unknown secret is refused.
    assertEquals(400, new Http(airbyte.fake(), BROWSER).send(new Request.Builder().url(consentUrl).build()).status());
    assertEquals(400, http.post("/sources", obj("name", "pg2", "workspaceId", workspaceId,
        "definitionId", "decd338e-5647-4c0b-adf4-da0e75f5a750", "secretId", "nope", "configuration", obj()))
        .status());
  }

  @Test
  void anUnknownConnectorOrAMissingOneIsRefused() {
    Http.Res unknown = http.post("/sources/initiateOAuth", obj("sourceType", "nope", "workspaceId", workspaceId,
        "redirectUrl", "https://app.example.com"));
    assertEquals(400, unknown.status());
    assertEquals("value-not-found", unknown.json().get("title").getAsString());
    assertTrue(http.post("/sources/initiateOAuth", obj("workspaceId", workspaceId,
        "redirectUrl", "https://app.example.com")).text().contains("sourceType"));
    assertEquals(422, http.post("/sources/initiateOAuth", obj("sourceType", "postgres", "workspaceId", workspaceId,
        "redirectUrl", "not a url")).status());
  }
}
