package io.github.airbytejava.faultsuite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.airbytejava.AirbyteClient;
import io.github.airbytejava.AirbyteTransportException;
import io.github.airbytejava.AuthenticationException;
import io.github.airbytejava.Credentials;
import io.github.airbytejava.JobStart;
import io.github.airbytejava.NotFoundException;
import io.github.airbytejava.ServerException;
import io.github.airbytejava.generated.model.ConnectionCreateRequest;
import io.github.airbytejava.generated.model.DestinationCreateRequest;
import io.github.airbytejava.generated.model.JobResponse;
import io.github.airbytejava.generated.model.JobStatusEnum;
import io.github.airbytejava.generated.model.SourceCreateRequest;
import io.github.airbytejava.generated.model.SourcePatchRequest;
import io.github.airbytejava.testkit.FakeAirbyte;
import io.github.airbytejava.testkit.Fault;
import io.github.airbytejava.testkit.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Faults injected into airbyte-testkit's fake Airbyte, which acts on requests as the real server does (a job is
 * created, a source deleted) and checks every exchange against the spec. Here the question is not only which
 * exception, but what the server ended up with: one job, not two; a source that really is gone.
 */
@ExtendWith(FaultLedger.class)
class FakeAirbyteFaultTest {
  /** Never advanced: a job stays pending, so it is still active when the client looks for it. */
  private static final ManualClock CLOCK = new ManualClock();
  private static FakeAirbyte fake;

  private AirbyteClient client;
  private UUID workspace;
  private UUID source;
  private UUID connection;

  @BeforeAll
  static void startFake() {
    fake = FakeAirbyte.builder().clock(CLOCK).tokenLifetime(Duration.ofDays(1)).start();
  }

  @AfterAll
  static void stopFake() {
    fake.close();
  }

  @BeforeEach
  void connection() {
    fake.reset();
    client = AirbyteClient.builder()
        .baseUrl(fake.baseUrl())
        .credentials(Credentials.clientCredentials(fake.clientId(), fake.clientSecret()))
        .connectTimeout(Loopback.TIMEOUT)
        .readTimeout(Loopback.TIMEOUT)
        .writeTimeout(Loopback.TIMEOUT)
        .retries(Loopback.RETRIES)
        .build();
    workspace = fake.defaultWorkspaceId();
    source = client.sources().createSource(new SourceCreateRequest().name("Faker").workspaceId(workspace)
        .configuration(Map.of("sourceType", "faker", "count", 5432))).execute().getSourceId();
    UUID destination = client.destinations().createDestination(new DestinationCreateRequest().name("Nowhere")
        .workspaceId(workspace).definitionId(UUID.fromString("a7bcc9d8-13b3-4e49-b80d-d020b90045e3"))
        .configuration(Map.of("test_destination", Map.of("test_destination_type", "SILENT")))).execute().getDestinationId();
    connection = client.connections().createConnection(new ConnectionCreateRequest().sourceId(source)
        .destinationId(destination)).execute().getConnectionId();
    fake.clearRequests();
  }

  @AfterEach
  void conformant() {
    client.close();
    fake.assertConformant();
  }

  @Test
  void startReturnsTheJobWhenPostJobsActedButTheConnectionDropped() {
    fake.faults().next(Fault.disconnectAfterProcessing().on("POST", "/jobs"));
    FaultCheck.run("FAKE disconnectAfterProcessing x START_JOB", Expectation.PROMPT,
        () -> client.syncs().start(connection), outcome -> {
          FaultCheck.assertReturned(outcome);
          assertEquals(JobStatusEnum.PENDING, ((JobStart) outcome.value()).job().getStatus());
          assertTrue(((JobStart) outcome.value()).joined(), "found, not started: the dropped POST had started it");
          assertEquals(1, count("POST", "/v1/jobs"), "POST /jobs sent once: " + fake.requests());
          assertEquals(1, jobsOfConnection(), "one job on the server");
        });
  }

  @Test
  void startReturnsTheJobWhenPostJobsAnsweredAfterTheReadTimeout() {
    fake.faults().next(Fault.slow(Duration.ofMillis(1500)).on("POST", "/jobs"));
    FaultCheck.run("FAKE slow x START_JOB", Loopback.TIMEOUT.plus(Expectation.SLACK),
        () -> client.syncs().start(connection), outcome -> {
          FaultCheck.assertReturned(outcome);
          assertEquals(1, count("POST", "/v1/jobs"), "POST /jobs sent once: " + fake.requests());
          assertEquals(1, jobsOfConnection(), "one job on the server");
        });
  }

  @Test
  void startJoinsTheRunningJobOn409() {
    JobResponse first = client.syncs().start(connection).job();
    fake.clearRequests();
    FaultCheck.run("FAKE 409 try-again-later x START_JOB", Expectation.PROMPT,
        () -> client.syncs().start(connection), outcome -> {
          FaultCheck.assertReturned(outcome);
          assertEquals(first.getJobId(), ((JobStart) outcome.value()).job().getJobId(), "the running job");
          assertTrue(((JobStart) outcome.value()).joined());
          assertEquals(1, count("POST", "/v1/jobs"), "POST /jobs sent once: " + fake.requests());
          assertEquals(1, jobsOfConnection(), "one job on the server");
        });
  }

  @Test
  void startThrowsTheServerErrorWhenNoJobWasCreated() {
    fake.faults().next(Fault.status(500).on("POST", "/jobs"));
    FaultCheck.run("FAKE 500 x START_JOB", Expectation.PROMPT, () -> client.syncs().start(connection), outcome -> {
      FaultCheck.assertThrew(outcome, ServerException.class, "POST", "/v1/jobs", 500);
      assertEquals(1, count("POST", "/v1/jobs"), "POST /jobs sent once: " + fake.requests());
      assertEquals(0, jobsOfConnection(), "no job on the server");
    });
  }

  @Test
  void createSourceIsNotResentWhenTheConnectionDropsAfterTheServerActed() {
    fake.faults().next(Fault.disconnectAfterProcessing().on("POST", "/sources"));
    FaultCheck.run("FAKE disconnectAfterProcessing x CREATE_SOURCE", Expectation.PROMPT,
        () -> client.sources().createSource(new SourceCreateRequest().name("Second").workspaceId(workspace)
            .configuration(Map.of("sourceType", "faker"))).execute(), outcome -> {
          FaultCheck.assertThrew(outcome, AirbyteTransportException.class, "POST", "/v1/sources", null);
          assertEquals(1, count("POST", "/v1/sources"), "POST /sources sent once: " + fake.requests());
          assertEquals(2, client.paginate().sources().count(), "the server created it: the caller must look");
        });
  }

  @Test
  void patchSourceIsNotResentAfter502() {
    fake.faults().next(Fault.status(502).on("PATCH", "/sources/{sourceId}"));
    FaultCheck.run("FAKE 502 x PATCH_SOURCE", Expectation.PROMPT,
        () -> client.sources().patchSource(source, new SourcePatchRequest().name("Renamed")).execute(), outcome -> {
          FaultCheck.assertThrew(outcome, ServerException.class, "PATCH", "/v1/sources/" + source, 502);
          assertEquals(1, count("PATCH", "/v1/sources/" + source), "PATCH sent once: " + fake.requests());
        });
  }

  @Test
  void getSourceWaitsOutRetryAfterThenSucceeds() {
    fake.faults().next(Fault.status(503).retryAfterSeconds(1).on("GET", "/sources/{sourceId}"));
    FaultCheck.run("FAKE 503 Retry-After 1 x GET_SOURCE", Duration.ofSeconds(1).plus(Expectation.SLACK),
        () -> client.sources().getSource(source).execute(), outcome -> {
          FaultCheck.assertReturned(outcome);
          assertTrue(outcome.elapsed().toMillis() >= 1000, "waited " + outcome.elapsed().toMillis() + " ms");
          assertEquals(2, count("GET", "/v1/sources/" + source), "two GETs: " + fake.requests());
        });
  }

  @Test
  void listSourcesRetriesAPageThatCameTooLate() {
    fake.faults().next(Fault.slow(Duration.ofMillis(1500)).on("GET", "/sources"));
    FaultCheck.run("FAKE slow x LIST_SOURCES", Loopback.TIMEOUT.plus(Expectation.SLACK),
        () -> client.paginate().sources().collect(Collectors.toList()), outcome -> {
          FaultCheck.assertReturned(outcome);
          assertEquals(1, ((List<?>) outcome.value()).size());
          assertEquals(3, count("GET", "/v1/sources"), "the late page, its retry, and the empty page after it (the"
              + " server's next says there is more): " + fake.requests());
        });
  }

  @Test
  void deleteSourceIsRetriedAfterADroppedConnectionAndTheSourceIsGone() {
    fake.faults().next(Fault.disconnect().on("DELETE", "/sources/{sourceId}"));
    FaultCheck.run("FAKE disconnect x DELETE_SOURCE", Expectation.PROMPT, () -> {
      client.sources().deleteSource(source).execute();
      return null;
    }, outcome -> {
      FaultCheck.assertReturned(outcome);
      assertThrows(NotFoundException.class, () -> client.sources().getSource(source).execute());
    });
  }

  @Test
  void anApiThatRefusesEveryTokenIsAskedTwice() {
    fake.faults().next(Fault.status(401).on("GET", "/sources/{sourceId}").times(10));
    FaultCheck.run("FAKE 401 forever x GET_SOURCE", Expectation.PROMPT,
        () -> client.sources().getSource(source).execute(), outcome -> {
          FaultCheck.assertThrew(outcome, AuthenticationException.class, "GET", "/v1/sources/" + source, 401);
          assertEquals(2, count("GET", "/v1/sources/" + source), "two GETs: " + fake.requests());
          assertEquals(1, fake.tokenRequestCount(), "one fresh token (the first was fetched before)");
        });
  }

  @Test
  void aTokenEndpointThatFailsEndsInAuthenticationException() {
    fake.faults().next(Fault.status(500).on("POST", "/applications/token").times(3));
    try (AirbyteClient fresh = client.toBuilder().build()) { // no token yet
      FaultCheck.run("FAKE token 500 x GET_SOURCE", Duration.ofMillis(1500).plus(Expectation.SLACK),
          () -> fresh.sources().getSource(source).execute(), outcome -> {
            FaultCheck.assertThrew(outcome, AuthenticationException.class, "POST", "/v1/applications/token", 500);
            assertEquals(3, fake.tokenRequestCount(), "three token attempts");
            assertEquals(3, fake.requestCount(), "nothing else: " + fake.requests());
          });
    }
  }

  private static int count(String method, String path) {
    return (int) fake.requests().stream().filter(r -> r.method().equals(method) && r.path().equals(path)).count();
  }

  private int jobsOfConnection() {
    List<JobResponse> jobs = client.jobs().listJobs().connectionId(connection).limit(100).execute()
        .getData();
    return jobs == null ? 0 : jobs.size();
  }
}
