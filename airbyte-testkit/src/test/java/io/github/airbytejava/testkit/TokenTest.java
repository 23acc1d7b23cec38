package io.github.airbytejava.testkit;

import static io.github.airbytejava.testkit.Http.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import okhttp3.FormBody;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TokenTest {

  static final ManualClock clock = new ManualClock();

  @RegisterExtension
  static final FakeAirbyteExtension airbyte = new FakeAirbyteExtension(FakeAirbyte.builder()
      .clientId("my-id").clientSecret("my-secret").tokenLifetime(Duration.ofMinutes(3)).clock(clock));

  @Test
  void issuesABearerTokenForTheConfiguredCredentials() {
    FakeAirbyte fake = airbyte.fake();
    Http.Res res = new Http(fake).tokenRequest("my-id", "my-secret");

    assertEquals(200, res.status());
    assertEquals("application/json", res.contentType());
    JsonObject body = res.json();
    assertEquals("Bearer", body.get("token_type").getAsString());
    assertEquals(180, body.get("expires_in").getAsLong());
    String[] jwt = body.get("access_token").getAsString().split("\\.");
    assertEquals(3, jwt.length);
    JsonObject claims = JsonParser.parseString(
        new String(Base64.getUrlDecoder().decode(jwt[1]), StandardCharsets.UTF_8)).getAsJsonObject();
    assertEquals(180, claims.get("exp").getAsLong() - claims.get("iat").getAsLong());
    assertEquals(1, fake.tokenRequestCount());
    assertEquals("POST /v1/applications/token", fake.requests().get(0).target());
    assertTrue(fake.requests().get(0).body().contains("\"grant-type\":\"client_credentials\""));
  }

  @Test
  void wrongCredentialsGet401Problem() {
    Http.Res res = new Http(airbyte.fake()).tokenRequest("my-id", "not-my-secret");

    assertEquals(401, res.status());
    assertEquals("application/json", res.contentType());
    JsonObject problem = res.json();
    assertEquals(401, problem.get("status").getAsInt());
    assertTrue(problem.get("type").getAsString().startsWith("https://reference.airbyte.com/reference/errors#"));
    assertTrue(problem.has("title") && problem.has("detail"));
  }

  @Test
  void formEncodedTokenRequestIsRejectedLikeSelfManagedServers() {
    FakeAirbyte fake = airbyte.fake();
    Http.Res res = new Http(fake).send(new Request.Builder().url(fake.tokenUrl())
        .post(new FormBody.Builder().add("client_id", "my-id").add("client_secret", "my-secret")
            .add("grant_type", "client_credentials").build())
        .build());

    assertEquals(400, res.status());
    assertTrue(res.json().get("detail").getAsString().contains("JSON"));
    fake.clearMismatches(); // grant_type (underscore) is not a property of the spec's token request
  }

  @Test
  void tokenWorksUntilItsLifetimeHasPassedOnTheFakesClock() {
    Http http = new Http(airbyte.fake()).login();
    assertEquals(200, http.get("/workspaces").status());

    clock.advance(Duration.ofSeconds(179));
    assertEquals(200, http.get("/workspaces").status());

    clock.advance(Duration.ofSeconds(1));
    Http.Res expired = http.get("/workspaces");
    assertEquals(401, expired.status());
    assertTrue(expired.json().get("detail").getAsString().contains("expired"));

    http.login();
    assertEquals(200, http.get("/workspaces").status());
  }

  @Test
  void unknownMissingAndExpiredTokensGet401() {
    FakeAirbyte fake = airbyte.fake();
    assertEquals(401, new Http(fake).token("made-up").get("/sources").status());

    Http.Res missing = new Http(fake).get("/sources");
    assertEquals(401, missing.status());
    assertEquals(401, missing.json().get("status").getAsInt());

    Http http = new Http(fake).login();
    fake.expireTokens();
    assertEquals(401, http.get("/sources").status());
  }

  @Test
  void healthNeedsNoToken() {
    Http.Res res = new Http(airbyte.fake()).get("/health");
    assertEquals(200, res.status());
  }

  @Test
  void requestsListRecordsMethodPathAndBodyButToStringHidesHeaders() {
    FakeAirbyte fake = airbyte.fake();
    Http http = new Http(fake).login();
    http.post("/workspaces", obj("name", "Recorded"));

    ReceivedRequest last = fake.requests().get(fake.requests().size() - 1);
    assertEquals("POST", last.method());
    assertEquals("/v1/workspaces", last.path());
    assertEquals("{\"name\":\"Recorded\"}", last.body());
    assertTrue(last.header("authorization").startsWith("Bearer "));
    assertEquals("POST /v1/workspaces", last.toString());
    assertEquals(2, fake.requestCount());
  }
}
