package io.github.airbytejava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.airbytejava.configapi.AttemptStatus;
import io.github.airbytejava.configapi.DetailsUnavailableException;
import io.github.airbytejava.configapi.FailureOrigin;
import io.github.airbytejava.configapi.FailureType;
import io.github.airbytejava.configapi.JobAttempt;
import io.github.airbytejava.configapi.JobDetails;
import io.github.airbytejava.configapi.JobFailure;
import io.github.airbytejava.configapi.LogLine;
import io.github.airbytejava.generated.model.JobCreateRequest;
import io.github.airbytejava.generated.model.JobResponse;
import io.github.airbytejava.generated.model.JobStatusEnum;
import io.github.airbytejava.generated.model.JobTypeEnum;
import io.github.airbytejava.testkit.FakeAirbyte;
import io.github.airbytejava.testkit.FakeFailure;
import io.github.airbytejava.testkit.Fault;
import io.github.airbytejava.testkit.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Why a sync failed, against the testkit's fake: the outcome of {@code run()} (started or joined, the failure's
 * message and origin from the opt-in Config API, a success that moved nothing), {@code await()} surviving a flaky
 * first read, the Config API degrading to "not available", and masked logs. Waits advance the fake's clock.
 */
class SyncFailureReasonTest {
  private final ManualClock clock = new ManualClock();
  private final FakeAirbyte fake = FakeAirbyte.builder().clock(clock).jobDuration(Duration.ofMinutes(10))
      .tokenLifetime(Duration.ofDays(1)).start();
  private final List<AirbyteClient> clients = new ArrayList<>();

  @AfterEach
  void close() {
    clients.forEach(AirbyteClient::close);
    fake.close();
  }

  private AirbyteClient.Builder builder() {
    return AirbyteClient.fromEnv(fake.env()).toBuilder().clock(clock).sleeper(clock::sleep);
  }

  private AirbyteClient withConfigApi() {
    return track(builder().internalConfigApiUrl(fake.configApiUrl()).build());
  }

  private AirbyteClient track(AirbyteClient client) {
    clients.add(client);
    return client;
  }

  @Test
  void aFailedSyncsOutcomeCarriesTheFailuresUserMessageAndOrigin() {
    AirbyteClient client = withConfigApi();
    UUID connection = OnTheFake.connection(client, fake.defaultWorkspaceId());
    fake.nextJobAttempts("failed", "failed", "failed");
    fake.setFailure(1, FakeFailure.of("source", "config_error", "Invalid credentials for the Faker API.")
        .withInternalMessage("HTTP 401 from api.faker.example").withStackTrace("java.lang.Exception: 401\n\tat x.y")
        .retryable(false));

    SyncOutcome outcome = client.syncs().run(connection);

    assertEquals(JobStatusEnum.FAILED, outcome.status());
    assertFalse(outcome.succeeded());
    assertTrue(outcome.started());
    JobFailure failure = outcome.failure().orElseThrow();
    assertEquals(FailureOrigin.SOURCE, failure.origin());
    assertEquals(FailureType.CONFIG_ERROR, failure.type());
    assertEquals("Invalid credentials for the Faker API.", failure.message());
    assertEquals("HTTP 401 from api.faker.example", failure.internalMessage());
    assertEquals(Boolean.FALSE, failure.retryable());
    assertEquals(null, failure.stackTrace(), "stack traces only when asked for");
    JobDetails details = outcome.details().orElseThrow();
    assertEquals(3, details.attempts().size());
    assertTrue(details.attempts().stream().allMatch(a -> a.status() == AttemptStatus.FAILED));
    assertEquals(connection, details.connectionId());
    assertEquals("job 1 (started) failed after 3 attempts: source config_error: Invalid credentials for the Faker "
        + "API.", outcome.summary());
    assertTrue(outcome.detailsUnavailable().isEmpty());

    JobFailure withTrace = client.internalConfigApi().jobDetails(1, true).failure().orElseThrow();
    assertEquals("java.lang.Exception: 401\n\tat x.y", withTrace.stackTrace());
    JobAttempt second = client.internalConfigApi().attempt(1, 1);
    assertEquals(1, second.number());
    assertEquals("Invalid credentials for the Faker API.", second.failures().get(0).message());
    fake.assertConformant();
  }

  @Test
  void theOutcomeSaysWhetherTheSyncWasStartedOrJoined() {
    AirbyteClient client = withConfigApi();
    UUID connection = OnTheFake.connection(client, fake.defaultWorkspaceId());
    JobResponse scheduled = client.jobs().createJob(new JobCreateRequest().connectionId(connection)
        .jobType(JobTypeEnum.SYNC)).execute();

    SyncOutcome joined = client.syncs().run(connection);
    assertTrue(joined.joined());
    assertEquals(scheduled.getJobId(), joined.jobId());
    assertTrue(joined.succeeded());
    assertTrue(joined.summary().startsWith("job 1 (joined) succeeded: 10000 rows"), joined.summary());

    SyncOutcome started = client.syncs().run(connection);
    assertTrue(started.started());
    assertEquals(2L, started.jobId());
    assertTrue(started.details().isEmpty(), "no details are fetched for a success");
    assertEquals(0, fake.requests().stream().filter(r -> r.path().startsWith("/api/v1/")).count(),
        "no Config API request for successes");
  }

  @Test
  void awaitSurvivesTransientErrorsOnItsFirstRead() {
    AirbyteClient client = track(builder().retries(RetryPolicy.none()).build());
    UUID connection = OnTheFake.connection(client, fake.defaultWorkspaceId());
    long jobId = client.syncs().start(connection).jobId();
    fake.faults().next(Fault.status(503).on("GET", "/jobs/{jobId}").times(4));

    JobResponse job = client.syncs().await(jobId, SyncOptions.defaults());

    assertEquals(JobStatusEnum.SUCCEEDED, job.getStatus());
    assertTrue(fake.faults().pending().isEmpty(), "the four 503s were all answered");
    SyncOutcome outcome = client.syncs().awaitOutcome(jobId, SyncOptions.defaults());
    assertTrue(outcome.joined());
  }

  @Test
  void awaitStillEndsAtItsDeadlineWhenTheJobCannotBeRead() {
    AirbyteClient client = track(builder().retries(RetryPolicy.none()).build());
    UUID connection = OnTheFake.connection(client, fake.defaultWorkspaceId());
    long jobId = client.syncs().start(connection).jobId();
    fake.faults().next(Fault.status(503).on("GET", "/jobs/{jobId}").times(1000));

    SyncTimeoutException e = assertThrows(SyncTimeoutException.class, () -> client.syncs().await(jobId,
        SyncOptions.builder().timeout(Duration.ofMinutes(1)).build()));
    assertEquals(null, e.getLastJob());
    assertTrue(e.getCause() instanceof ServerException, String.valueOf(e.getCause()));
    fake.faults().clear();
  }

  @Test
  void aSuccessThatMovedNothingIsFlaggedAndHeard() {
    List<AirbyteListener.ZeroCountSuccess> heard = new ArrayList<>();
    AirbyteClient client = track(builder().internalConfigApiUrl(fake.configApiUrl())
        .listener(new AirbyteListener() {
          @Override
          public void onZeroCountSuccess(ZeroCountSuccess success) {
            heard.add(success);
          }
        }).build());
    UUID connection = OnTheFake.connection(client, fake.defaultWorkspaceId());
    fake.nextJobSucceedsWithZeroCounts();
    fake.nextJobSucceedsWithZeroCounts();

    SyncOutcome lenient = client.syncs().run(connection);
    assertEquals(JobStatusEnum.SUCCEEDED, lenient.status());
    assertTrue(lenient.zeroCountSuccess());
    assertTrue(lenient.succeeded(), "not a failure unless asked");
    assertEquals(1, heard.size());
    assertEquals(lenient.jobId(), heard.get(0).jobId());
    assertEquals(connection, heard.get(0).connectionId());
    assertTrue(lenient.summary().contains("with 0 rows and 0 bytes"), lenient.summary());

    SyncOutcome strict = client.syncs().run(connection, JobTypeEnum.SYNC,
        SyncOptions.builder().zeroCountSuccessIsFailure(true).build());
    assertTrue(strict.zeroCountSuccess());
    assertFalse(strict.succeeded());
    assertEquals(2, heard.size());

    SyncOutcome reset = client.syncs().run(connection, JobTypeEnum.RESET, SyncOptions.defaults());
    assertFalse(reset.zeroCountSuccess(), "a reset moves nothing by design");
    assertTrue(reset.succeeded());
  }

  @Test
  void logLinesAreMaskedBeforeTheUserSeesThem() {
    AirbyteClient client = withConfigApi();
    UUID connection = OnTheFake.connection(client, fake.defaultWorkspaceId());
    fake.nextJobEndsAs("failed");
    String token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwbGFudGVkIn0.c2lnbmF0dXJlLXBsYW50ZWQ";
    String keyBody = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC-planted";
    fake.setLogLines(1, List.of(
        "2026-12-07 03:00:01 source > GET https://api.example.com/v1/users Authorization: Bearer planted-bearer-42",
        "2026-12-07 03:00:02 source > token " + token,
        "2026-12-07 03:00:03 source > config {\"client_secret\": \"planted-secret-17\", \"host\": \"db\"}",
        "2026-12-07 03:00:04 source > key -----BEGIN PRIVATE KEY-----\n" + keyBody + "\n-----END PRIVATE KEY-----",
        "2026-12-07 03:00:05 source > Read 10 records from users"));
    client.syncs().run(connection);

    List<String> lines;
    try (Stream<LogLine> stream = client.internalConfigApi().logs(1)) {
      lines = stream.map(LogLine::toString).collect(Collectors.toList());
    }
    String all = String.join("\n", lines);
    for (String secret : List.of("planted-bearer-42", token, "planted-secret-17", keyBody)) {
      assertFalse(all.contains(secret), "leaked " + secret + " in " + all);
    }
    assertTrue(all.contains("Read 10 records from users"), all);
    assertTrue(all.contains("\"host\": \"db\""), "what is not secret stays: " + all);
    assertEquals(5, lines.size(), all);
  }

  @Test
  void aConfigApiThatRefusesDegradesToNotAvailable() {
    AirbyteClient client = withConfigApi();
    UUID connection = OnTheFake.connection(client, fake.defaultWorkspaceId());
    fake.nextJobEndsAs("failed");
    fake.faults().next(Fault.status(403).on("POST", "/api/v1/jobs/get_without_logs"));

    SyncOutcome outcome = client.syncs().run(connection);

    assertEquals(JobStatusEnum.FAILED, outcome.status());
    assertTrue(outcome.details().isEmpty());
    String reason = outcome.detailsUnavailable().orElseThrow();
    assertTrue(reason.contains("403") && reason.contains("refused"), reason);
    assertTrue(outcome.summary().startsWith("job 1 (started) failed; no reason: No details of job 1"),
        outcome.summary());

    fake.faults().next(Fault.status(403).on("POST", "/api/v1/jobs/get"));
    DetailsUnavailableException refused = assertThrows(DetailsUnavailableException.class,
        () -> client.internalConfigApi().logs(1));
    assertEquals(DetailsUnavailableException.Reason.REFUSED, refused.reason());
  }

  @Test
  void aConfigApiThatIsNotThereOrAnswersHtmlDegradesToNotAvailable() {
    AirbyteClient nowhere = track(builder().internalConfigApiUrl(fake.baseUrl().replace("/v1", "/no-config-api"))
        .build());
    UUID connection = OnTheFake.connection(nowhere, fake.defaultWorkspaceId());
    fake.nextJobEndsAs("failed");
    SyncOutcome outcome = nowhere.syncs().run(connection);
    assertTrue(outcome.detailsUnavailable().orElseThrow().contains("404"), outcome.detailsUnavailable().get());
    fake.clearMismatches(); // the 404 of a path outside the public API is recorded as one

    AirbyteClient client = withConfigApi();
    DetailsUnavailableException missing = assertThrows(DetailsUnavailableException.class,
        () -> client.internalConfigApi().jobDetails(999));
    assertEquals(DetailsUnavailableException.Reason.NOT_FOUND, missing.reason());
    assertTrue(missing.getMessage().contains("job 999"), missing.getMessage());

    fake.faults().next(Fault.status(200).body("text/html", "<html><title>Sign in</title></html>")
        .on("POST", "/api/v1/jobs/get_without_logs"));
    DetailsUnavailableException html = assertThrows(DetailsUnavailableException.class,
        () -> client.internalConfigApi().jobDetails(1));
    assertEquals(DetailsUnavailableException.Reason.UNEXPECTED_RESPONSE, html.reason());
    assertTrue(html.getMessage().contains("HTML"), html.getMessage());

    fake.faults().next(Fault.status(200).body("application/json", "{\"jobs\": []}")
        .on("POST", "/api/v1/jobs/get_without_logs"));
    DetailsUnavailableException shape = assertThrows(DetailsUnavailableException.class,
        () -> client.internalConfigApi().jobDetails(1));
    assertEquals(DetailsUnavailableException.Reason.UNEXPECTED_RESPONSE, shape.reason());
  }

  @Test
  void withoutTheConfigApiTheOutcomeSaysItIsOff() {
    AirbyteClient client = track(builder().build());
    UUID connection = OnTheFake.connection(client, fake.defaultWorkspaceId());
    fake.nextJobEndsAs("failed");

    SyncOutcome outcome = client.syncs().run(connection);

    assertFalse(client.internalConfigApi().enabled());
    assertTrue(outcome.detailsUnavailable().orElseThrow().contains("enableInternalConfigApi()"));
    assertEquals(DetailsUnavailableException.Reason.DISABLED, assertThrows(DetailsUnavailableException.class,
        () -> client.internalConfigApi().jobDetails(1)).reason());
    assertTrue(fake.requests().stream().noneMatch(r -> r.path().startsWith("/api/v1/")), "nothing sent");
  }

  @Test
  void theConfigApiRootIsDerivedForSelfManagedAndCloudAndElseMustBeGiven() {
    try (FakeAirbyte selfManaged = FakeAirbyte.builder().basePath("/api/public/v1").start();
        AirbyteClient client = AirbyteClient.fromEnv(selfManaged.env()).toBuilder().enableInternalConfigApi().build()) {
      assertEquals(selfManaged.configApiUrl(), client.internalConfigApi().rootUrl());
      UUID connection = OnTheFake.connection(client, selfManaged.defaultWorkspaceId());
      selfManaged.nextJobEndsAs("failed");
      long jobId = client.syncs().start(connection).jobId();
      assertNotNull(client.internalConfigApi().jobDetails(jobId), "the derived root answers, with the token");
    }
    try (AirbyteClient cloud = AirbyteClient.builder().enableInternalConfigApi().build()) {
      assertEquals("https://cloud.airbyte.com/api/v1", cloud.internalConfigApi().rootUrl());
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AirbyteClient.builder().baseUrl("https://proxy.example.com/airbyte").enableInternalConfigApi().build());
    assertTrue(e.getMessage().contains("internalConfigApiUrl"), e.getMessage());
  }
}
