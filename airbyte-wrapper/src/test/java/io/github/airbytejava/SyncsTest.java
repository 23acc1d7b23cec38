package io.github.airbytejava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.airbytejava.generated.model.JobResponse;
import io.github.airbytejava.generated.model.JobStatusEnum;
import io.github.airbytejava.generated.model.JobTypeEnum;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class SyncsTest extends FacadeTestSupport {
  private final List<JobResponse> progress = new CopyOnWriteArrayList<>();
  private final SyncOptions options = SyncOptions.builder().onProgress(progress::add).build();

  private List<String> statuses() {
    return progress.stream().map(job -> job.getStatus() == JobStatusEnum.UNKNOWN_DEFAULT_OPEN_API
        ? "?" + job.getAdditionalProperty("status") : job.getStatus().getValue()).collect(Collectors.toList());
  }

  @Test
  void runWaitsThroughQueuedAndUnknownStatusesReportingProgress() throws Exception {
    routes.on("POST /v1/jobs", json(200, job(1, "pending")));
    routes.on("GET /v1/jobs/1", json(200, job(1, "queued")), json(200, job(1, "paused_by_new_feature")),
        json(200, job(1, "running", "sync", 10)), json(200, job(1, "running", "sync", 50)),
        json(200, job(1, "succeeded", "sync", 100)));

    JobResponse done = client().syncs().run(CONNECTION, JobTypeEnum.SYNC, options).job();

    assertEquals(JobStatusEnum.SUCCEEDED, done.getStatus());
    assertEquals(List.of("pending", "queued", "?paused_by_new_feature", "running", "running", "succeeded"),
        statuses());
    assertEquals(List.of(0L, 0L, 0L, 10L, 50L, 100L),
        progress.stream().map(JobResponse::getRowsSynced).collect(Collectors.toList()));
    assertEquals(1000L, done.getBytesSynced());
    assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofMillis(4500),
        Duration.ofMillis(6750), Duration.ofMillis(10125)), sleeper.sleeps);
    RecordedRequest create = server.takeRequest();
    assertEquals("{\"connectionId\":\"" + CONNECTION + "\",\"jobType\":\"sync\"}", create.getBody().utf8());
  }

  @Test
  void pollIntervalGrowsUpToItsMaximum() {
    routes.on("POST /v1/jobs", json(200, job(1, "running")));
    MockResponse running = json(200, job(1, "running"));
    routes.on("GET /v1/jobs/1", running, running, running, running, running, running, running, running, running,
        json(200, job(1, "succeeded")));
    client().syncs().run(CONNECTION, JobTypeEnum.SYNC, options).job();
    assertEquals(Duration.ofSeconds(30), sleeper.sleeps.get(sleeper.sleeps.size() - 1));
    assertTrue(sleeper.sleeps.stream().allMatch(d -> d.compareTo(Duration.ofSeconds(30)) <= 0));
  }

  @Test
  void aFailedOrCancelledJobIsReturnedNotThrown() {
    routes.on("POST /v1/jobs", json(200, job(1, "running")));
    routes.on("GET /v1/jobs/1", json(200, job(1, "failed")));
    assertEquals(JobStatusEnum.FAILED, client().syncs().run(CONNECTION).job().getStatus());

    routes.reset();
    routes.on("POST /v1/jobs", json(200, job(2, "running", "reset", 0)));
    routes.on("GET /v1/jobs/2", json(200, job(2, "cancelled", "reset", 0)));
    assertEquals(JobStatusEnum.CANCELLED, client().syncs().run(CONNECTION, JobTypeEnum.RESET, options).status());
    assertTrue(routes.requests("POST /v1/jobs").get(0).getBody().utf8().contains("\"jobType\":\"reset\""));
  }

  @Test
  void incompleteKeepsWaitingUnlessConfiguredTerminal() {
    routes.on("POST /v1/jobs", json(200, job(1, "running")));
    routes.on("GET /v1/jobs/1", json(200, job(1, "incomplete")), json(200, job(1, "succeeded")));
    assertEquals(JobStatusEnum.SUCCEEDED, client().syncs().run(CONNECTION, JobTypeEnum.SYNC, options).status());

    routes.reset();
    routes.on("POST /v1/jobs", json(200, job(1, "running")));
    routes.on("GET /v1/jobs/1", json(200, job(1, "incomplete")), json(200, job(1, "succeeded")));
    JobResponse job = client().syncs().run(CONNECTION, JobTypeEnum.SYNC,
        options.toBuilder().incompleteIsTerminal(true).build()).job();
    assertEquals(JobStatusEnum.INCOMPLETE, job.getStatus());
    assertEquals(1, routes.requests("GET /v1/jobs/1").size());
  }

  @Test
  void timeoutWithoutCancelLeavesTheJobRunning() {
    routes.on("POST /v1/jobs", json(200, job(1, "running")));
    routes.on("GET /v1/jobs/1", json(200, job(1, "running", "sync", 42)));
    SyncOptions tenSeconds = options.toBuilder().timeout(Duration.ofSeconds(10)).build();

    SyncTimeoutException e = assertThrows(SyncTimeoutException.class,
        () -> client().syncs().run(CONNECTION, JobTypeEnum.SYNC, tenSeconds).job());

    assertFalse(e.isCancelled());
    assertEquals(1L, e.getJobId());
    assertEquals(42L, e.getLastJob().getRowsSynced());
    assertEquals("Job 1 did not finish within PT10S; last status running; it was not cancelled", e.getMessage());
    assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofMillis(4500), Duration.ofMillis(500)),
        sleeper.sleeps, "the last wait ends at the deadline");
    assertEquals(0, routes.requests("DELETE /v1/jobs/1").size());
  }

  @Test
  void timeoutWithCancelCancelsTheJobOnce() {
    routes.on("POST /v1/jobs", json(200, job(1, "running")));
    routes.on("GET /v1/jobs/1", json(200, job(1, "running")));
    routes.on("DELETE /v1/jobs/1", json(200, job(1, "cancelled")));
    SyncOptions cancelling = options.toBuilder().timeout(Duration.ofSeconds(5)).cancelOnTimeout(true).build();

    SyncTimeoutException e = assertThrows(SyncTimeoutException.class,
        () -> client().syncs().run(CONNECTION, JobTypeEnum.SYNC, cancelling).job());

    assertTrue(e.isCancelled());
    assertEquals(JobStatusEnum.CANCELLED, e.getLastJob().getStatus());
    assertEquals("Job 1 did not finish within PT5S; last status cancelled; it was cancelled", e.getMessage());
    assertEquals(1, routes.requests("DELETE /v1/jobs/1").size());
  }

  @Test
  void aFailedCancelIsReportedWithTheTimeout() {
    routes.on("POST /v1/jobs", json(200, job(1, "running")));
    routes.on("GET /v1/jobs/1", json(200, job(1, "running")));
    routes.on("DELETE /v1/jobs/1", json(403, "{\"title\":\"forbidden\"}"));
    SyncTimeoutException e = assertThrows(SyncTimeoutException.class, () -> client().syncs()
        .run(CONNECTION, JobTypeEnum.SYNC, options.toBuilder().timeout(Duration.ofSeconds(1)).cancelOnTimeout(true)
            .build()));
    assertFalse(e.isCancelled());
    assertInstanceOf(PermissionDeniedException.class, e.getSuppressed()[0]);
  }

  @Test
  void transientPollFailuresDoNotEndTheWait() {
    routes.on("POST /v1/jobs", json(200, job(1, "running")));
    routes.on("GET /v1/jobs/1", json(503, "{}"), response(502, "text/html", "<title>Bad Gateway</title>"),
        json(200, job(1, "succeeded")));
    AirbyteClient client = track(builder().retries(RetryPolicy.none()).build());
    assertEquals(JobStatusEnum.SUCCEEDED, client.syncs().run(CONNECTION, JobTypeEnum.SYNC, options).job().getStatus());
    assertEquals(List.of("running", "succeeded"), statuses());
  }

  @Test
  void aJobThatVanishesEndsTheWait() {
    routes.on("POST /v1/jobs", json(200, job(1, "running")));
    routes.on("GET /v1/jobs/1", json(404, "{\"type\":\"about:blank\",\"status\":404}"));
    assertThrows(NotFoundException.class, () -> client().syncs().run(CONNECTION).job());
  }

  @Test
  void theFutureFormCompletesWithTheTerminalJob() throws Exception {
    routes.on("POST /v1/jobs", json(200, job(1, "pending")));
    routes.on("GET /v1/jobs/1", json(200, job(1, "running")), json(200, job(1, "succeeded")));
    CompletableFuture<SyncOutcome> future = client().syncs().runAsync(CONNECTION, JobTypeEnum.SYNC, options);
    assertEquals(JobStatusEnum.SUCCEEDED, future.get(5, TimeUnit.SECONDS).status());
    assertEquals(List.of("pending", "running", "succeeded"), statuses());

    routes.on("GET /v1/jobs/5", json(200, job(5, "failed")));
    assertEquals(JobStatusEnum.FAILED, client().syncs().awaitAsync(5L, options).get(5, TimeUnit.SECONDS).getStatus());
  }

  @Test
  void theFutureFormFailsWithTheTimeout() {
    routes.on("POST /v1/jobs", json(200, job(1, "running")));
    routes.on("GET /v1/jobs/1", json(200, job(1, "running")));
    CompletableFuture<SyncOutcome> future = client().syncs().runAsync(CONNECTION, JobTypeEnum.SYNC,
        options.toBuilder().timeout(Duration.ofMinutes(1)).build());
    ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(5, TimeUnit.SECONDS));
    assertInstanceOf(SyncTimeoutException.class, e.getCause());
  }

  @Test
  void conflictOnCreateReturnsTheRunningJobWithExactlyOnePost() {
    routes.on("POST /v1/jobs", json(409, "{\"status\":409,\"type\":\"error:try-again-later\",\"title\":"
        + "\"try-again-later\",\"detail\":\"A sync is already running for: " + CONNECTION + "\"}"));
    routes.on("GET /v1/jobs", json(200, jobs(job(7, "running"), job(6, "succeeded"))));

    JobStart start = client().syncs().start(CONNECTION);

    assertEquals(7L, start.jobId());
    assertTrue(start.joined());
    assertEquals(1, routes.requests("POST /v1/jobs").size());
    RecordedRequest lookup = routes.requests("GET /v1/jobs").get(0);
    assertEquals(CONNECTION.toString(), lookup.getUrl().queryParameter("connectionId"));
    assertEquals("sync", lookup.getUrl().queryParameter("jobType"));
    assertEquals("createdAt|DESC", lookup.getUrl().queryParameter("orderBy"));
  }

  @Test
  void conflictAndRunJoinsTheRunningJob() {
    routes.on("POST /v1/jobs", json(409, "{\"title\":\"try-again-later\"}"));
    routes.on("GET /v1/jobs", json(200, jobs(job(7, "queued"))));
    routes.on("GET /v1/jobs/7", json(200, job(7, "succeeded")));
    assertEquals(7L, client().syncs().run(CONNECTION, JobTypeEnum.SYNC, options).job().getJobId());
    assertEquals(1, routes.requests("POST /v1/jobs").size());
    assertEquals(List.of("queued", "succeeded"), statuses());
  }

  @Test
  void conflictWithoutAnActiveJobOfThatTypeIsThrown() {
    routes.on("POST /v1/jobs", json(409, "{\"title\":\"try-again-later\",\"detail\":\"a reset is running\"}"));
    routes.on("GET /v1/jobs", json(200, jobs(job(6, "succeeded"), job(5, "cancelled"))));
    ConflictException e = assertThrows(ConflictException.class, () -> client().syncs().start(CONNECTION));
    assertEquals("POST /v1/jobs failed: HTTP 409: try-again-later: a reset is running", e.getMessage());
    assertEquals(1, routes.requests("POST /v1/jobs").size());
  }

  @Test
  void aTimedOutCreateFindsTheJobItStartedInsteadOfStartingAnother() {
    routes.on("POST /v1/jobs", new MockResponse.Builder().headersDelay(2, TimeUnit.SECONDS)
        .body(job(8, "pending")).build());
    routes.on("GET /v1/jobs", json(200, jobs(job(8, "pending"))));
    AirbyteClient client = track(builder().readTimeout(Duration.ofMillis(300)).build());
    assertEquals(8L, client.syncs().start(CONNECTION).jobId());
    assertEquals(1, routes.requests("POST /v1/jobs").size());
  }

  @Test
  void aTimedOutCreateWithNothingRunningRethrows() {
    routes.on("POST /v1/jobs", new MockResponse.Builder().headersDelay(2, TimeUnit.SECONDS)
        .body(job(8, "pending")).build());
    routes.on("GET /v1/jobs", json(200, jobs()));
    AirbyteClient client = track(builder().readTimeout(Duration.ofMillis(300)).build());
    AirbyteTransportException e = assertThrows(AirbyteTransportException.class, () -> client.syncs().start(CONNECTION));
    assertSame(AirbyteTransportException.class, e.getClass());
    assertEquals(1, routes.requests("POST /v1/jobs").size());
  }

  @Test
  void awaitPollsAnExistingJob() {
    routes.on("GET /v1/jobs/3", json(200, job(3, "running")), json(200, job(3, "succeeded")));
    assertEquals(JobStatusEnum.SUCCEEDED, client().syncs().await(3L, options).getStatus());
    assertEquals(List.of("running", "succeeded"), statuses());
    assertEquals(List.of(Duration.ofSeconds(2)), sleeper.sleeps);
  }

  @Test
  void terminalStatuses() {
    assertTrue(Syncs.isTerminal(new JobResponse().status(JobStatusEnum.SUCCEEDED), false));
    assertTrue(Syncs.isTerminal(new JobResponse().status(JobStatusEnum.FAILED), false));
    assertTrue(Syncs.isTerminal(new JobResponse().status(JobStatusEnum.CANCELLED), false));
    assertFalse(Syncs.isTerminal(new JobResponse().status(JobStatusEnum.INCOMPLETE), false));
    assertTrue(Syncs.isTerminal(new JobResponse().status(JobStatusEnum.INCOMPLETE), true));
    for (JobStatusEnum waiting : new JobStatusEnum[] {JobStatusEnum.PENDING, JobStatusEnum.QUEUED,
        JobStatusEnum.RUNNING, JobStatusEnum.UNKNOWN_DEFAULT_OPEN_API, null}) {
      assertFalse(Syncs.isTerminal(new JobResponse().status(waiting), true), String.valueOf(waiting));
    }
  }

  private static String jobOf(long id, String status, String type, java.util.UUID connection) {
    return job(id, status, type, 0).replace(CONNECTION.toString(), connection.toString());
  }

  @Test
  void startSaysItStartedANewJob() {
    routes.on("POST /v1/jobs", json(200, job(4, "pending")));
    JobStart start = client().syncs().start(CONNECTION);
    assertTrue(start.started());
    assertEquals(4L, start.jobId());
  }

  @Test
  void theJobJoinedIsOfThatConnectionAndTypeEvenWhenTheServerIgnoresTheFilters() {
    java.util.UUID other = java.util.UUID.fromString("99999999-2222-3333-4444-555555555555");
    routes.on("POST /v1/jobs", json(409, "{\"title\":\"try-again-later\"}"));
    routes.on("GET /v1/jobs", json(200, jobs(jobOf(9, "running", "sync", other), job(8, "running", "reset", 0))));

    assertThrows(ConflictException.class, () -> client().syncs().start(CONNECTION));

    routes.reset();
    routes.on("POST /v1/jobs", json(409, "{\"title\":\"try-again-later\"}"));
    routes.on("GET /v1/jobs", json(200, jobs(jobOf(9, "running", "sync", other), job(7, "running"))));
    assertEquals(7L, client().syncs().start(CONNECTION).jobId());
  }

  @Test
  void aRefusedStartIsSentAgainAfterItsRetryAfterOnTheTestsClock() {
    routes.on("POST /v1/jobs", new MockResponse.Builder().code(429).addHeader("Retry-After", "30").build(),
        json(200, job(5, "pending")));
    long before = System.nanoTime();

    JobStart start = client().syncs().start(CONNECTION);

    assertEquals(5L, start.jobId());
    assertTrue(start.started());
    assertEquals(2, routes.requests("POST /v1/jobs").size(), "a 429 created nothing: asking again is safe");
    assertEquals(List.of(Duration.ofSeconds(30)), sleeper.sleeps);
    assertTrue(System.nanoTime() - before < TimeUnit.SECONDS.toNanos(5), "the 30 s passed on the test's clock");
  }

  @Test
  void aStartRefusedForLongerThanThePolicyAllowsIsThrown() {
    routes.on("POST /v1/jobs", new MockResponse.Builder().code(429).addHeader("Retry-After", "600").build());
    RateLimitException e = assertThrows(RateLimitException.class, () -> client().syncs().start(CONNECTION));
    assertEquals(Duration.ofMinutes(10), e.getRetryAfter());
    assertEquals(1, routes.requests("POST /v1/jobs").size());
  }

  @Test
  void latestJobIsTheConnectionsNewest() {
    routes.on("GET /v1/jobs", json(200, jobs(job(12, "running"), job(11, "succeeded"))));
    assertEquals(12L, client().syncs().latestJob(CONNECTION).orElseThrow().getJobId());
    RecordedRequest request = routes.requests("GET /v1/jobs").get(0);
    assertEquals("createdAt|DESC", request.getUrl().queryParameter("orderBy"));
    assertEquals(CONNECTION.toString(), request.getUrl().queryParameter("connectionId"));

    routes.reset();
    routes.on("GET /v1/jobs", json(200, jobs()));
    assertTrue(client().syncs().latestJob(CONNECTION, JobTypeEnum.RESET).isEmpty());
  }

  @Test
  void jobsAreListedNewestFirstWithoutTheOneAStartedJobPushesOntoTheNextPage() {
    java.util.List<String> page1 = new java.util.ArrayList<>();
    for (int i = 0; i < 100; i++) page1.add(job(200 - i, "succeeded"));
    // A job started between the pages pushes job 101 from the first page onto the second one.
    String page2 = jobs(job(101, "succeeded"), job(100, "succeeded")).replace("\"next\":\"\"", "\"next\":\"n\"");
    routes.on("GET /v1/jobs", json(200, jobs(page1.toArray(new String[0])).replace("\"next\":\"\"", "\"next\":\"n\"")),
        json(200, page2));

    List<Long> ids = client().syncs().jobs(CONNECTION).map(JobResponse::getJobId).collect(Collectors.toList());

    assertEquals(101, ids.size());
    assertEquals(200L, ids.get(0));
    assertEquals(100L, ids.get(100));
    assertEquals("createdAt|DESC", routes.requests("GET /v1/jobs").get(1).getUrl().queryParameter("orderBy"));
  }

  /** Polls a running job every 20 ms of real time, counting the polls, until the test is over. */
  private AirbyteClient pollingForever(java.util.concurrent.atomic.AtomicInteger polls) {
    routes.on("POST /v1/jobs", json(200, job(1, "running")));
    routes.on("GET /v1/jobs/1", request -> {
      polls.incrementAndGet();
      return json(200, job(1, "running"));
    });
    return track(builder().sleeper(duration -> Thread.sleep(20)).build());
  }

  private static void waitForPolls(java.util.concurrent.atomic.AtomicInteger polls) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (polls.get() < 2 && System.nanoTime() < until) Thread.sleep(5);
    assertTrue(polls.get() >= 2, "the polling started");
  }

  private static void assertPollingStops(java.util.concurrent.atomic.AtomicInteger polls) throws Exception {
    assertTrue(polls.get() >= 2, "the polling had started");
    Thread.sleep(100); // what was in flight lands
    int after = polls.get();
    Thread.sleep(200);
    assertEquals(after, polls.get(), "no poll after the future completed");
  }

  @Test
  void theWaitStopsWhenTheFutureTimesOut() throws Exception {
    java.util.concurrent.atomic.AtomicInteger polls = new java.util.concurrent.atomic.AtomicInteger();
    CompletableFuture<SyncOutcome> future = pollingForever(polls).syncs()
        .runAsync(CONNECTION, JobTypeEnum.SYNC, options).orTimeout(1, TimeUnit.SECONDS);
    assertInstanceOf(java.util.concurrent.TimeoutException.class,
        assertThrows(ExecutionException.class, () -> future.get(5, TimeUnit.SECONDS)).getCause());
    assertPollingStops(polls);
  }

  @Test
  void theWaitStopsWhenTheCallerCompletesTheFuture() throws Exception {
    java.util.concurrent.atomic.AtomicInteger polls = new java.util.concurrent.atomic.AtomicInteger();
    CompletableFuture<SyncOutcome> future = pollingForever(polls).syncs().runAsync(CONNECTION, JobTypeEnum.SYNC,
        options);
    waitForPolls(polls);
    future.completeExceptionally(new IllegalStateException("no longer needed"));
    assertPollingStops(polls);
  }

  @Test
  void theWaitStopsWhenADependentStageIsCancelled() throws Exception {
    java.util.concurrent.atomic.AtomicInteger polls = new java.util.concurrent.atomic.AtomicInteger();
    CompletableFuture<SyncOutcome> future = pollingForever(polls).syncs().runAsync(CONNECTION, JobTypeEnum.SYNC,
        options);
    CompletableFuture<Long> rows = future.thenApply(outcome -> outcome.job().getRowsSynced());
    waitForPolls(polls);
    rows.cancel(true);
    assertTrue(future.isCancelled());
    assertPollingStops(polls);
  }

  @Test
  void runAsyncOnAClosedClientReturnsAFailedFuture() {
    AirbyteClient client = client();
    client.close();
    CompletableFuture<SyncOutcome> future = client.syncs().runAsync(CONNECTION, JobTypeEnum.SYNC, options);
    assertTrue(future.isCompletedExceptionally());
    assertEquals("The AirbyteClient is closed", assertThrows(ExecutionException.class, future::get).getCause()
        .getMessage());
  }
}

