package io.github.airbytejava.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.airbytejava.testkit.FakeAirbyte;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineTest {
  /** Polls from 100 ms: the fake's jobs below take 2 s of real time. */
  private static final Duration FIRST_POLL = Duration.ofMillis(100);

  private static Map<String, String> env(FakeAirbyte fake) {
    return Map.of("AIRBYTE_API_URL", fake.baseUrl(), "AIRBYTE_CLIENT_ID", fake.clientId(),
        "AIRBYTE_CLIENT_SECRET", fake.clientSecret());
  }

  @Test
  void createsEverythingAndWaitsForTheSyncWhileTheTokenIsRefreshed() {
    // Tokens live 1 s, the sync 2 s: the client has to fetch new tokens during the run.
    try (FakeAirbyte fake = FakeAirbyte.builder().tokenLifetime(Duration.ofSeconds(1))
        .jobDuration(Duration.ofSeconds(2)).jobRows(1000).start()) {

      ExampleRun run = ExampleRun.of((env, out, err) -> Pipeline.run(env, out, err, FIRST_POLL), env(fake));

      assertEquals(0, run.exitCode(), run.err());
      assertEquals("", run.err());
      assertEquals("", run.stray());
      assertTrue(fake.tokenRequestCount() >= 2, "token requests: " + fake.tokenRequestCount());
      List<String> lines = run.outLines();
      assertTrue(lines.get(0).startsWith("Workspace:   Default Workspace ("), run.out());
      assertTrue(lines.get(1).startsWith("Source:      Example Faker ("), run.out());
      assertTrue(lines.get(2).startsWith("Destination: Example /dev/null ("), run.out());
      assertTrue(lines.get(3).startsWith("Connection:  Example Faker to /dev/null ("), run.out());
      assertTrue(lines.get(4).matches(" +job 1: pending +0 rows +0 bytes"), run.out());
      assertTrue(lines.stream().anyMatch(line -> line.matches(" +job 1: running .*")), run.out());
      assertTrue(lines.get(lines.size() - 2).matches(" +job 1: succeeded +1,000 rows +100,000 bytes"), run.out());
      assertEquals("Synced 1,000 rows (100,000 bytes).", lines.get(lines.size() - 1));
      fake.assertConformant();
    }
  }

  @Test
  void aSyncThatFailsIsOneLineAndExitCode1() {
    try (FakeAirbyte fake = FakeAirbyte.builder().jobDuration(Duration.ofMillis(300)).start()) {
      fake.nextJobEndsAs("failed");

      ExampleRun run = ExampleRun.of((env, out, err) -> Pipeline.run(env, out, err, FIRST_POLL), env(fake));

      assertEquals(Examples.FAILED, run.exitCode());
      assertEquals(List.of("error: sync job 1 (started) failed; no reason: the internal Config API is off (turn it on "
          + "with AirbyteClient.builder().enableInternalConfigApi())"), run.errLines());
      assertEquals("", run.stray());
      fake.assertConformant();
    }
  }
}
