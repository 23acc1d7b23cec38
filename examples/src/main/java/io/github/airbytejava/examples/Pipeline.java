package io.github.airbytejava.examples;

import io.github.airbytejava.SyncOptions;
import io.github.airbytejava.SyncOutcome;
import io.github.airbytejava.connectors.destinations.DestinationDevNull;
import io.github.airbytejava.connectors.sources.SourceFaker;
import io.github.airbytejava.generated.model.ConnectionCreateRequest;
import io.github.airbytejava.generated.model.ConnectionResponse;
import io.github.airbytejava.generated.model.DestinationResponse;
import io.github.airbytejava.generated.model.JobResponse;
import io.github.airbytejava.generated.model.JobStatusEnum;
import io.github.airbytejava.generated.model.JobTypeEnum;
import io.github.airbytejava.generated.model.SourceResponse;
import io.github.airbytejava.generated.model.WorkspaceResponse;
import io.github.airbytejava.testkit.FakeAirbyte;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/**
 * The whole job: in the first workspace, create a Faker source and a /dev/null destination, connect them, run a
 * sync and wait for it, printing its progress.
 *
 * <pre>
 * AIRBYTE_CLIENT_ID=... AIRBYTE_CLIENT_SECRET=... ./mvnw -q -B -pl examples exec:java@pipeline
 * </pre>
 *
 * <p>Against a real Airbyte this creates a source, a destination and a connection each time it runs (their names
 * start with "Example"); delete them in the Airbyte UI when done. Without credentials it runs against a fake Airbyte
 * started in-process, whose syncs take 4 seconds.
 */
public final class Pipeline {
  private Pipeline() {}

  public static void main(String[] args) {
    System.exit(run(System.getenv(), System.out, System.err));
  }

  /** Runs the example; returns the exit code (see {@link Examples}). */
  static int run(Map<String, String> env, PrintStream out, PrintStream err) {
    return run(env, out, err, Duration.ofSeconds(1));
  }

  /** As {@link #run(Map, PrintStream, PrintStream)}, polling the job first after {@code firstPoll}. */
  static int run(Map<String, String> env, PrintStream out, PrintStream err, Duration firstPoll) {
    FakeAirbyte.Builder fake = FakeAirbyte.builder().jobDuration(Duration.ofSeconds(4)).jobRows(1000);
    return Examples.run(env, out, err, fake, client -> {
      WorkspaceResponse workspace = client.paginate().workspaces().findFirst()
          .orElseThrow(() -> new IllegalStateException("these credentials see no workspace"));
      out.println("Workspace:   " + workspace.getName() + " (" + workspace.getWorkspaceId() + ")");

      // Typed configurations: checked against the connector's schema before anything is sent, and the requests
      // carry the definition id (the server cannot find /dev/null by its destinationType alone).
      SourceFaker faker = SourceFaker.builder().count(1000).seed(42).build();
      SourceResponse source = client.sources()
          .createSource(faker.createRequest(workspace.getWorkspaceId(), "Example Faker"))
          .execute();
      out.println("Source:      " + source.getName() + " (" + source.getSourceId() + ")");

      DestinationDevNull devNull = DestinationDevNull.builder()
          .testDestination(DestinationDevNull.TestDestination.silent())
          .build();
      DestinationResponse destination = client.destinations()
          .createDestination(devNull.createRequest(workspace.getWorkspaceId(), "Example /dev/null"))
          .execute();
      out.println("Destination: " + destination.getName() + " (" + destination.getDestinationId() + ")");

      ConnectionResponse connection = client.connections().createConnection(new ConnectionCreateRequest()
          .name("Example Faker to /dev/null")
          .sourceId(source.getSourceId())
          .destinationId(destination.getDestinationId()))
          .execute();
      out.println("Connection:  " + connection.getName() + " (" + connection.getConnectionId() + ")");

      // Starts the sync (or joins the one already running) and polls it until it ends, printing each poll.
      // Polls start after firstPoll and grow to 10 s apart; for syncs of hours, let them grow further.
      SyncOptions options = SyncOptions.builder()
          .pollInterval(firstPoll)
          .maxPollInterval(Duration.ofSeconds(10))
          .onProgress(job -> out.printf("  job %d: %-10s %,9d rows %,13d bytes%n",
              job.getJobId(), job.getStatus().getValue(), orZero(job.getRowsSynced()), orZero(job.getBytesSynced())))
          .build();
      SyncOutcome outcome = client.syncs().run(connection.getConnectionId(), JobTypeEnum.SYNC, options);
      JobResponse job = outcome.job();

      if (!outcome.succeeded()) {
        // One line with Airbyte's own reason when the client has the internal Config API on, else why it has none.
        err.println("error: sync " + outcome.summary());
        return Examples.FAILED;
      }
      out.printf("Synced %,d rows (%,d bytes).%n", orZero(job.getRowsSynced()), orZero(job.getBytesSynced()));
      return Examples.OK;
    });
  }

  /** Airbyte leaves out the counts while a job has none yet. */
  private static long orZero(Long count) {
    return count == null ? 0 : count;
  }
}
