package io.github.airbytejava.testkit;

import static io.github.airbytejava.testkit.Http.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The fake's internal Config API (jobs/get, jobs/get_without_logs, attempt/get_for_job) and its webhook POSTs. */
class ConfigApiAndWebhooksTest {

  static final ManualClock clock = new ManualClock();

  @RegisterExtension
  static final FakeAirbyteExtension airbyte = new FakeAirbyteExtension(FakeAirbyte.builder()
      .clock(clock).jobDuration(Duration.ofSeconds(100)).jobRows(1_000).tokenLifetime(Duration.ofDays(1)));

  private Http http;
  private String connectionId;

  @BeforeEach
  void connection() {
    airbyte.fake().reset();
    http = new Http(airbyte.fake()).login();
    connectionId = http.createConnection(airbyte.fake().defaultWorkspaceId().toString());
  }

  private long sync() {
    Http.Res res = http.post("/jobs", obj("connectionId", connectionId, "jobType", "sync"));
    assertEquals(200, res.status(), res::text);
    return res.json().get("jobId").getAsLong();
  }

  private Http.Res config(String operation, JsonObject body, boolean withToken) {
    Request.Builder request = new Request.Builder().url(airbyte.fake().configApiUrl() + "/" + operation)
        .post(RequestBody.create(body.toString(), Http.JSON));
    if (withToken) {
      request.header("Authorization", "Bearer " + http.token());
    }
    return http.send(request.build());
  }

  @Test
  void jobsGetTellsAttemptsFailuresAndLogsWithTheApisToken() {
    airbyte.fake().nextJobAttempts("failed", "failed");
    long jobId = sync();
    airbyte.fake().setFailure(jobId, FakeFailure.of("destination", "config_error", "No such bucket.")
        .withInternalMessage("404 from S3").withStackTrace("trace").retryable(false));
    airbyte.fake().setLogLines(jobId, List.of("line one", "line two", "line three"));
    clock.advance(Duration.ofSeconds(250));

    assertEquals(401, config("jobs/get", obj("id", jobId), false).status());
    Http.Res res = config("jobs/get", obj("id", jobId), true);
    assertEquals(200, res.status(), res::text);
    JsonObject body = res.json();
    JsonObject job = body.getAsJsonObject("job");
    assertEquals(jobId, job.get("id").getAsLong());
    assertEquals("failed", job.get("status").getAsString());
    assertEquals(connectionId, job.get("configId").getAsString());
    JsonArray attempts = body.getAsJsonArray("attempts");
    assertEquals(2, attempts.size());
    JsonObject last = attempts.get(1).getAsJsonObject();
    JsonObject failure = last.getAsJsonObject("attempt").getAsJsonObject("failureSummary").getAsJsonArray("failures")
        .get(0).getAsJsonObject();
    assertEquals("destination", failure.get("failureOrigin").getAsString());
    assertEquals("config_error", failure.get("failureType").getAsString());
    assertEquals("No such bucket.", failure.get("externalMessage").getAsString());
    assertEquals("trace", failure.get("stacktrace").getAsString());
    assertEquals("formatted", last.get("logType").getAsString());
    assertEquals(3, last.getAsJsonObject("logs").getAsJsonArray("logLines").size());
    assertEquals(2, attempts.get(0).getAsJsonObject().getAsJsonObject("logs").getAsJsonArray("logLines").size());

    JsonObject light = config("jobs/get_without_logs", obj("id", jobId), true).json();
    assertFalse(light.getAsJsonArray("attempts").get(0).getAsJsonObject().has("logs"));
    JsonObject attempt = config("attempt/get_for_job", obj("jobId", jobId, "attemptNumber", 0), true).json();
    assertEquals(0, attempt.getAsJsonObject("attempt").get("id").getAsInt());
    assertFalse(attempt.getAsJsonObject("attempt").getAsJsonObject("failureSummary").getAsJsonArray("failures")
        .get(0).getAsJsonObject().has("stacktrace"), "attempt/get_for_job sends no stack trace");

    Http.Res missing = config("jobs/get", obj("id", 999), true);
    assertEquals(404, missing.status());
    assertTrue(missing.text().contains("999"), missing.text());
    assertEquals(400, config("jobs/get", obj("jobId", "x"), true).status());
    assertEquals(List.of(), airbyte.fake().mismatches(), "the Config API is no operation of the public spec");
  }

  @Test
  void aZeroCountSuccessSaysSoEverywhere() {
    airbyte.fake().nextJobSucceedsWithZeroCounts();
    long jobId = sync();
    clock.advance(Duration.ofSeconds(150));
    JsonObject job = http.get("/jobs/" + jobId).json();
    assertEquals("succeeded", job.get("status").getAsString());
    assertEquals(0, job.get("rowsSynced").getAsLong());
    assertEquals(0, job.get("bytesSynced").getAsLong());
    JsonObject attempt = config("jobs/get_without_logs", obj("id", jobId), true).json().getAsJsonArray("attempts")
        .get(0).getAsJsonObject().getAsJsonObject("attempt");
    assertEquals("succeeded", attempt.get("status").getAsString());
    assertEquals(0, attempt.get("recordsSynced").getAsLong());
  }

  @Test
  void aWorkspacesWebhookGetsTheBodyWhenAJobEndsAndOnlyOnLoopback() throws Exception {
    try (MockWebServer receiver = new MockWebServer()) {
      receiver.enqueue(new MockResponse.Builder().code(503).build());
      receiver.enqueue(new MockResponse.Builder().code(200).build());
      receiver.start();
      String workspace = airbyte.fake().defaultWorkspaceId().toString();
      String url = receiver.url("/hook").toString();
      assertEquals(200, http.patch("/workspaces/" + workspace, obj("notifications", obj(
          "failure", obj("webhook", obj("enabled", true, "url", url)),
          "success", obj("webhook", obj("enabled", true, "url", "https://hooks.example.com/not-loopback"))))).status());

      airbyte.fake().nextJobEndsAs("failed");
      long failed = sync();
      clock.advance(Duration.ofSeconds(150)); // ended; the ticker or the next request sends
      RecordedRequest first = receiver.takeRequest(10, TimeUnit.SECONDS);
      RecordedRequest retried = receiver.takeRequest(10, TimeUnit.SECONDS);
      assertNotNull(first, "sent without any further request, by the fake's own ticker");
      assertNotNull(retried, "a 503 is tried again");
      JsonObject body = Json.parseObject(retried.getBody().string(StandardCharsets.UTF_8));
      assertTrue(body.get("text").getAsString().contains("failed"), body.toString());
      JsonObject data = body.getAsJsonObject("data");
      assertEquals(failed, data.get("jobId").getAsLong());
      assertFalse(data.get("success").getAsBoolean());
      assertEquals("system_error", data.get("errorType").getAsString());
      assertEquals(connectionId, data.getAsJsonObject("connection").get("id").getAsString());

      long succeeded = sync();
      clock.advance(Duration.ofSeconds(150));
      http.get("/jobs/" + succeeded);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (airbyte.fake().webhookDeliveries().size() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      List<WebhookDelivery> deliveries = airbyte.fake().webhookDeliveries();
      assertEquals(2, deliveries.size(), deliveries::toString);
      WebhookDelivery delivered = deliveries.stream().filter(d -> d.jobId() == failed).findFirst().orElseThrow();
      assertTrue(delivered.delivered());
      assertEquals(2, delivered.attempts());
      WebhookDelivery refused = deliveries.stream().filter(d -> d.jobId() == succeeded).findFirst().orElseThrow();
      assertFalse(refused.delivered());
      assertTrue(refused.error().contains("loopback"), refused.error());
      assertEquals(2, receiver.getRequestCount(), "nothing more was sent, and nothing twice");
    }
  }
}
