package io.github.airbytejava.testkit;

import static io.github.airbytejava.testkit.Http.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import okhttp3.Request;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StubsTest {

  @RegisterExtension
  static final FakeAirbyteExtension airbyte = new FakeAirbyteExtension();

  private Http http;

  @BeforeEach
  void login() {
    airbyte.fake().reset();
    http = new Http(airbyte.fake()).login();
  }

  @Test
  void anOperationsReplyIsReplacedByOperationId() {
    String tag = "{\"tagId\":\"" + UUID.randomUUID() + "\",\"name\":\"stubbed\",\"color\":\"FFFFFF\","
        + "\"workspaceId\":\"" + airbyte.fake().defaultWorkspaceId() + "\"}";
    airbyte.fake().stubs().add(Stub.operation("getTag").header("X-Stubbed", "yes").body(tag));
    Http.Res res = http.get("/tags/" + UUID.randomUUID());
    assertEquals(200, res.status());
    assertEquals("stubbed", res.json().get("name").getAsString());
    assertEquals("application/json", res.contentType());
    // Until cleared, every matching request gets it; other operations are the fake's.
    assertEquals("stubbed", http.get("/tags/" + UUID.randomUUID()).json().get("name").getAsString());
    assertEquals(200, http.get("/tags").status());
    airbyte.fake().stubs().clear();
    assertEquals(404, http.get("/tags/" + UUID.randomUUID()).status());
  }

  @Test
  void byMethodAndPathForSomeRequestsThenTheFakeAgain() {
    String connectionId = http.createConnection(airbyte.fake().defaultWorkspaceId().toString());
    airbyte.fake().stubs().add(Stub.on("POST", "/jobs").status(429).header("Retry-After", "3")
        .body("{\"status\":429,\"type\":\"https://reference.airbyte.com/reference/errors#rate-limited\","
            + "\"title\":\"rate-limited\",\"detail\":\"slow down\"}").times(2));
    assertEquals(429, http.post("/jobs", obj("connectionId", connectionId, "jobType", "sync")).status());
    Http.Res second = http.post("/jobs", obj("connectionId", connectionId, "jobType", "sync"));
    assertEquals("3", second.retryAfter());
    assertEquals(200, http.post("/jobs", obj("connectionId", connectionId, "jobType", "sync")).status());
    assertTrue(airbyte.fake().stubs().active().isEmpty());
  }

  @Test
  void aStubOrFaultByPathMatchesTheRequestsTheFakeRoutesToThatPath() {
    // The fake routes /tags/ as /tags (empty segments do not count); a stub or fault on the path matches as it does.
    airbyte.fake().stubs().add(Stub.on("GET", "/tags/").status(403).body("{\"status\":403,\"type\":\"x\","
        + "\"title\":\"forbidden\",\"detail\":\"stubbed\"}").times(1));
    assertEquals(403, http.get("/tags").status());
    airbyte.fake().faults().next(Fault.status(503).on("GET", "/tags"));
    assertEquals(503, http.get("/tags/").status());
    assertEquals(200, http.get("/tags/").status());
    airbyte.fake().clearMismatches(); // /tags/ is not a path of the spec
  }

  @Test
  void aStubbedRequestStillNeedsAToken() {
    airbyte.fake().stubs().add(Stub.operation("listSources").body("{\"data\":[]}"));
    assertEquals(401, new Http(airbyte.fake()).get("/sources").status());
  }

  @Test
  void aStubbedReplyIsCheckedAgainstTheSpec() {
    airbyte.fake().stubs().add(Stub.operation("getHealthCheck").status(204));
    airbyte.fake().stubs().add(Stub.operation("listWorkspaces").body("{\"data\":[{\"name\":\"no id\"}]}"));
    assertEquals(204, http.send(new Request.Builder().url(airbyte.fake().baseUrl() + "/health").build()).status());
    assertEquals(200, http.get("/workspaces").status());
    String mismatches = String.join("\n", airbyte.fake().mismatches());
    assertTrue(mismatches.contains("response 204 to GET /v1/health"), mismatches);
    assertTrue(mismatches.contains("workspaceId"), mismatches);
    airbyte.fake().clearMismatches();
  }

  @Test
  void anUnknownOperationIdIsRefusedAtOnce() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> airbyte.fake().stubs().add(Stub.operation("listSauces")));
    assertTrue(e.getMessage().contains("listSauces"));
  }
}
