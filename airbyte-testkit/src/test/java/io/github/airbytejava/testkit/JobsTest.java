package io.github.airbytejava.testkit;

import static io.github.airbytejava.testkit.Http.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JobsTest {

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

  private JsonObject sync() {
    Http.Res res = http.post("/jobs", obj("connectionId", connectionId, "jobType", "sync"));
    assertEquals(200, res.status(), res::text);
    return res.json();
  }

  @Test
  void syncGoesPendingRunningSucceededWithGrowingRowsAsTheClockAdvances() {
    JsonObject created = sync();
    long jobId = created.get("jobId").getAsLong();
    assertEquals("pending", created.get("status").getAsString());
    assertEquals("sync", created.get("jobType").getAsString());
    assertEquals(connectionId, created.get("connectionId").getAsString());
    assertEquals(clock.instant(), OffsetDateTime.parse(created.get("startTime").getAsString()).toInstant());
    assertEquals(0, created.get("rowsSynced").getAsLong());

    clock.advance(Duration.ofSeconds(10));
    JsonObject started = http.get("/jobs/" + jobId).json();
    assertEquals("running", started.get("status").getAsString());

    clock.advance(Duration.ofSeconds(45));
    JsonObject halfway = http.get("/jobs/" + jobId).json();
    assertEquals("running", halfway.get("status").getAsString());
    assertEquals(500, halfway.get("rowsSynced").getAsLong());
    assertEquals(50_000, halfway.get("bytesSynced").getAsLong());
    assertEquals("PT55S", halfway.get("duration").getAsString());

    clock.advance(Duration.ofSeconds(45));
    JsonObject done = http.get("/jobs/" + jobId).json();
    assertEquals("succeeded", done.get("status").getAsString());
    assertEquals(1_000, done.get("rowsSynced").getAsLong());
    assertEquals("PT1M40S", done.get("duration").getAsString());

    clock.advance(Duration.ofHours(1));
    assertEquals("PT1M40S", http.get("/jobs/" + jobId).json().get("duration").getAsString());
  }

  @Test
  void secondSyncWhileOneIsRunningGets409ProblemAndWorksOnceItEnded() {
    sync();
    Http.Res conflict = http.post("/jobs", obj("connectionId", connectionId, "jobType", "sync"));
    assertEquals(409, conflict.status());
    assertEquals("application/json", conflict.contentType());
    JsonObject problem = conflict.json();
    assertEquals(409, problem.get("status").getAsInt());
    assertEquals("try-again-later", problem.get("title").getAsString());

    clock.advance(Duration.ofSeconds(100));
    assertEquals("pending", sync().get("status").getAsString());
  }

  @Test
  void cancelStopsARunningJobAndFreezesItsRows() {
    long jobId = sync().get("jobId").getAsLong();
    clock.advance(Duration.ofSeconds(55));

    JsonObject cancelled = http.delete("/jobs/" + jobId).json();
    assertEquals("cancelled", cancelled.get("status").getAsString());
    assertEquals(500, cancelled.get("rowsSynced").getAsLong());

    clock.advance(Duration.ofSeconds(100));
    JsonObject later = http.get("/jobs/" + jobId).json();
    assertEquals("cancelled", later.get("status").getAsString());
    assertEquals(500, later.get("rowsSynced").getAsLong());
    // A cancelled job no longer blocks the next one.
    assertEquals(200, http.post("/jobs", obj("connectionId", connectionId, "jobType", "sync")).status());
  }

  @Test
  void nextJobEndsAsFailed() {
    airbyte.fake().nextJobEndsAs("failed");
    long failed = sync().get("jobId").getAsLong();
    clock.advance(Duration.ofSeconds(100));
    assertEquals("failed", http.get("/jobs/" + failed).json().get("status").getAsString());

    long next = sync().get("jobId").getAsLong();
    clock.advance(Duration.ofSeconds(100));
    assertEquals("succeeded", http.get("/jobs/" + next).json().get("status").getAsString());

    assertThrows(IllegalArgumentException.class, () -> airbyte.fake().nextJobEndsAs("running"));
  }

  @Test
  void anIncompleteJobIsRetriedAndThenSucceeds() {
    airbyte.fake().nextJobAttempts("failed", "succeeded");
    long jobId = sync().get("jobId").getAsLong();
    clock.advance(Duration.ofSeconds(50));
    assertEquals("running", http.get("/jobs/" + jobId).json().get("status").getAsString());

    // The first attempt failed: the job is incomplete, not over, and the connection's job is still this one.
    clock.advance(Duration.ofSeconds(55));
    JsonObject incomplete = http.get("/jobs/" + jobId).json();
    assertEquals("incomplete", incomplete.get("status").getAsString());
    assertEquals(500, incomplete.get("rowsSynced").getAsLong());
    assertEquals(409, http.post("/jobs", obj("connectionId", connectionId, "jobType", "sync")).status());
    assertEquals(1, http.get("/jobs?status=incomplete").json().getAsJsonArray("data").size());

    clock.advance(Duration.ofSeconds(10));
    assertEquals("running", http.get("/jobs/" + jobId).json().get("status").getAsString());
    clock.advance(Duration.ofSeconds(100));
    JsonObject done = http.get("/jobs/" + jobId).json();
    assertEquals("succeeded", done.get("status").getAsString());
    assertEquals(1_500, done.get("rowsSynced").getAsLong());
    assertEquals("PT3M30S", done.get("duration").getAsString());
  }

  @Test
  void everyAttemptFailingFailsTheJobAndOnlyFailedAttemptsAreRetried() {
    airbyte.fake().nextJobAttempts("failed", "failed", "failed");
    long jobId = sync().get("jobId").getAsLong();
    clock.advance(Duration.ofSeconds(105));
    assertEquals("incomplete", http.get("/jobs/" + jobId).json().get("status").getAsString());
    clock.advance(Duration.ofSeconds(220));
    assertEquals("failed", http.get("/jobs/" + jobId).json().get("status").getAsString());

    assertThrows(IllegalArgumentException.class, () -> airbyte.fake().nextJobAttempts("succeeded", "failed"));
    IllegalArgumentException incomplete =
        assertThrows(IllegalArgumentException.class, () -> airbyte.fake().nextJobEndsAs("incomplete"));
    assertTrue(incomplete.getMessage().contains("nextJobAttempts"), incomplete::getMessage);
  }

  @Test
  void rowsNeverGoDownWhileAFailingAttemptRunsOrAfterItFails() {
    airbyte.fake().nextJobAttempts("failed", "failed");
    long jobId = sync().get("jobId").getAsLong();
    long before = 0;
    // Two attempts of 100 s with 10 s of incomplete between them, read every 5 s until well after the end.
    for (int second = 5; second <= 240; second += 5) {
      clock.advance(Duration.ofSeconds(5));
      JsonObject job = http.get("/jobs/" + jobId).json();
      long rows = job.get("rowsSynced").getAsLong();
      assertTrue(rows >= before, "at " + second + " s: " + rows + " rows after " + before + " (" + job + ")");
      before = rows;
    }
    assertEquals(1_000, before); // half of jobRows for each failed attempt
  }

  @Test
  void listFiltersByConnectionStatusAndTypeNewestFirstWithPagination() {
    long first = sync().get("jobId").getAsLong();
    clock.advance(Duration.ofSeconds(100));
    long second = http.post("/jobs", obj("connectionId", connectionId, "jobType", "refresh")).json()
        .get("jobId").getAsLong();
    String otherConnection = http.createConnection(airbyte.fake().defaultWorkspaceId().toString());
    http.post("/jobs", obj("connectionId", otherConnection, "jobType", "sync"));

    JsonArray ofConnection = http.get("/jobs?connectionId=" + connectionId).json().getAsJsonArray("data");
    assertEquals(2, ofConnection.size());
    assertEquals(second, ofConnection.get(0).getAsJsonObject().get("jobId").getAsLong());
    assertEquals(first, ofConnection.get(1).getAsJsonObject().get("jobId").getAsLong());

    JsonArray succeeded = http.get("/jobs?connectionId=" + connectionId + "&status=succeeded").json()
        .getAsJsonArray("data");
    assertEquals(1, succeeded.size());
    assertEquals(first, succeeded.get(0).getAsJsonObject().get("jobId").getAsLong());

    assertEquals(1, http.get("/jobs?jobType=refresh").json().getAsJsonArray("data").size());
    assertEquals(2, http.get("/jobs?status=pending").json().getAsJsonArray("data").size());
    assertEquals(first, http.get("/jobs?orderBy=createdAt%7CASC").json().getAsJsonArray("data").get(0)
        .getAsJsonObject().get("jobId").getAsLong());

    JsonObject page = http.get("/jobs?limit=2").json();
    assertEquals(2, page.getAsJsonArray("data").size());
    assertTrue(page.get("next").getAsString().endsWith("/jobs?limit=2&offset=2"));
    JsonObject last = http.getUrl(page.get("next").getAsString()).json();
    assertEquals(1, last.getAsJsonArray("data").size());
  }

  @Test
  void jobsOfUnknownConnectionsGet404() {
    Http.Res res = http.post("/jobs", obj("connectionId", "00000000-0000-0000-0000-000000000000", "jobType", "sync"));
    assertEquals(404, res.status());
  }
}
