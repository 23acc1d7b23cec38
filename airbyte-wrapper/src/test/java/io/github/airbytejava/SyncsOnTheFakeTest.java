package io.github.airbytejava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.airbytejava.generated.model.ConnectionCreateRequest;
import io.github.airbytejava.generated.model.DestinationCreateRequest;
import io.github.airbytejava.generated.model.JobResponse;
import io.github.airbytejava.generated.model.JobStatusEnum;
import io.github.airbytejava.generated.model.JobTypeEnum;
import io.github.airbytejava.generated.model.SourceCreateRequest;
import io.github.airbytejava.testkit.FakeAirbyte;
import io.github.airbytejava.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A sync that Airbyte retries, against the testkit's fake: a client built from {@code fake.env()} in one line, whose
 * waits advance the fake's clock ({@code clock::sleep}), so the test takes no real time.
 */
class SyncsOnTheFakeTest {

  @Test
  void anIncompleteJobIsWaitedOnUntilItsRetrySucceeds() {
    ManualClock clock = new ManualClock();
    try (FakeAirbyte fake = FakeAirbyte.builder().clock(clock).jobDuration(Duration.ofMinutes(10))
        .tokenLifetime(Duration.ofDays(1)).start();
        AirbyteClient client = AirbyteClient.fromEnv(fake.env()).toBuilder().clock(clock).sleeper(clock::sleep)
            .build()) {
      UUID workspace = fake.defaultWorkspaceId();
      UUID source = client.sources().createSource(new SourceCreateRequest().name("Faker").workspaceId(workspace)
          .configuration(Map.of("sourceType", "faker"))).execute().getSourceId();
      UUID destination = client.destinations().createDestination(new DestinationCreateRequest().name("Nowhere")
          .workspaceId(workspace).definitionId(UUID.fromString("a7bcc9d8-13b3-4e49-b80d-d020b90045e3")) // dev-null
          .configuration(Map.of("test_destination", Map.of("test_destination_type", "SILENT")))).execute()
          .getDestinationId();
      UUID connection = client.connections().createConnection(new ConnectionCreateRequest().sourceId(source)
          .destinationId(destination)).execute().getConnectionId();

      fake.nextJobAttempts("failed", "succeeded");
      Instant started = clock.instant();
      JobResponse job = client.syncs().run(connection, JobTypeEnum.SYNC, SyncOptions.defaults()).job();

      assertEquals(JobStatusEnum.SUCCEEDED, job.getStatus());
      // Two attempts of 10 minutes and the minute between them, all on the fake's clock.
      Duration waited = Duration.between(started, clock.instant());
      assertTrue(waited.compareTo(Duration.ofMinutes(21)) >= 0, waited::toString);
      assertTrue(fake.requests().stream().anyMatch(r -> r.path().startsWith("/v1/jobs/")), "it polled the job");
      fake.assertConformant();
    }
  }
}
