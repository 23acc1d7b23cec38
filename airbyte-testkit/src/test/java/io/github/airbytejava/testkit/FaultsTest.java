package io.github.airbytejava.testkit;

import static io.github.airbytejava.testkit.Http.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FaultsTest {

  @RegisterExtension
  static final FakeAirbyteExtension airbyte = new FakeAirbyteExtension();

  private FakeAirbyte fake;
  private Http http;

  @BeforeEach
  void login() {
    fake = airbyte.fake();
    fake.reset();
    http = new Http(fake).login();
  }

  @Test
  void status429WithRetryAfterThenNormalAnswers() {
    fake.faults().next(Fault.status(429).retryAfterSeconds(2));

    Http.Res limited = http.get("/workspaces");
    assertEquals(429, limited.status());
    assertEquals("2", limited.retryAfter());
    assertEquals("application/json", limited.contentType());
    assertEquals(429, limited.json().get("status").getAsInt());

    assertEquals(200, http.get("/workspaces").status());
    assertTrue(fake.faults().pending().isEmpty());
  }

  @Test
  void status503ScopedToAMethodAndPathTemplateAppliesOnlyThere() {
    fake.faults().next(Fault.status(503).on("GET", "/workspaces/{workspaceId}").times(2));

    assertEquals(200, http.get("/workspaces").status());
    assertEquals(503, http.get("/workspaces/" + fake.defaultWorkspaceId()).status());
    assertEquals(503, http.get("/workspaces/" + fake.defaultWorkspaceId()).status());
    assertEquals(200, http.get("/workspaces/" + fake.defaultWorkspaceId()).status());
  }

  @Test
  void customBodyForAnswersThatDoNotComeFromAirbyte() {
    fake.faults().next(Fault.status(502).body("text/html", "<html>Bad Gateway</html>"));
    Http.Res res = http.get("/workspaces");
    assertEquals(502, res.status());
    assertEquals("text/html", res.contentType());
    assertEquals("<html>Bad Gateway</html>", res.text());
  }

  @Test
  void tokenEndpointCanFailToo() {
    fake.faults().next(Fault.status(500).on("POST", "/applications/token"));
    assertEquals(500, http.tokenRequest(fake.clientId(), fake.clientSecret()).status());
    assertEquals(200, http.tokenRequest(fake.clientId(), fake.clientSecret()).status());
    assertEquals(3, fake.tokenRequestCount(), "one in login() and two here");
  }

  @Test
  void slowAnswerTimesOutAClientWithAShortReadTimeoutButTheRequestTookEffect() {
    fake.faults().next(Fault.slow(Duration.ofSeconds(1)).on("POST", "/workspaces"));
    OkHttpClient impatient = Http.client().newBuilder().readTimeout(Duration.ofMillis(200)).build();
    Http slowHttp = new Http(fake, impatient).token(http.token());

    assertThrows(InterruptedIOException.class,
        () -> slowHttp.sendOrThrow(slowHttp.authorized("/workspaces")
            .post(RequestBody.create(obj("name", "Slow").toString(), Http.JSON)).build()));
    assertEquals(2, http.get("/workspaces").json().getAsJsonArray("data").size());
  }

  @Test
  void slowAnswerArrivesAfterTheDelay() {
    fake.faults().next(Fault.slow(Duration.ofMillis(300)));
    long start = System.nanoTime();
    assertEquals(200, http.get("/workspaces").status());
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 300);
  }

  @Test
  void disconnectDropsTheConnectionWithoutActingOnTheRequest() {
    fake.faults().next(Fault.disconnect().on("POST", "/workspaces"));
    Request create = http.authorized("/workspaces")
        .post(RequestBody.create(obj("name", "Dropped").toString(), Http.JSON)).build();

    assertThrows(IOException.class, () -> http.sendOrThrow(create));
    assertEquals(1, http.get("/workspaces").json().getAsJsonArray("data").size());
    assertEquals("{\"name\":\"Dropped\"}", fake.requests().get(1).body());
  }

  @Test
  void disconnectAfterProcessingDropsTheConnectionButTheJobExists() {
    String connectionId = http.createConnection(fake.defaultWorkspaceId().toString());
    fake.faults().next(Fault.disconnectAfterProcessing().on("POST", "/jobs"));
    Request sync = http.authorized("/jobs")
        .post(RequestBody.create(obj("connectionId", connectionId, "jobType", "sync").toString(), Http.JSON)).build();

    assertThrows(IOException.class, () -> http.sendOrThrow(sync));
    // The retry a naive client makes now collides with the job its first attempt created.
    assertEquals(409, http.send(sync).status());
    assertEquals(1, http.get("/jobs?connectionId=" + connectionId).json().getAsJsonArray("data").size());
  }

  @Test
  void disconnectBeforeBodyDropsTheConnectionWithoutReadingTheBody() {
    fake.faults().next(Fault.disconnectBeforeBody());
    Request create = http.authorized("/workspaces")
        .post(RequestBody.create(obj("name", "Never read").toString(), Http.JSON)).build();

    assertThrows(IOException.class, () -> http.sendOrThrow(create));
    assertTrue(fake.faults().pending().isEmpty());
    assertEquals("", fake.requests().get(1).body());
    assertEquals(1, http.get("/workspaces").json().getAsJsonArray("data").size());
    assertThrows(IllegalArgumentException.class, () -> Fault.disconnectBeforeBody().on("POST", "/jobs"));
  }

  @Test
  void faultsQueueInOrderAndCountEveryRequest() {
    fake.faults().next(Fault.status(503), Fault.status(429).retryAfterSeconds(1));
    int before = fake.requestCount();
    assertEquals(503, http.get("/workspaces").status());
    assertEquals(429, http.get("/workspaces").status());
    assertEquals(200, http.get("/workspaces").status());
    assertEquals(before + 3, fake.requestCount());
  }

  @Test
  void modifiersCheckTheirFault() {
    assertThrows(IllegalStateException.class, () -> Fault.disconnect().retryAfterSeconds(1));
    assertThrows(IllegalArgumentException.class, () -> Fault.status(42));
    assertThrows(IllegalArgumentException.class, () -> Fault.status(503).times(0));
    assertEquals("Fault.status(429).retryAfterSeconds(2).on(\"POST\", \"/jobs\").times(3)",
        Fault.status(429).retryAfterSeconds(2).on("post", "jobs").times(3).toString());
  }
}
