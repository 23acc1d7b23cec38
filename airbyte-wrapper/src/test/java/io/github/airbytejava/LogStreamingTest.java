package io.github.airbytejava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.airbytejava.configapi.LogLine;
import io.github.airbytejava.generated.model.JobTypeEnum;
import io.github.airbytejava.testkit.FakeAirbyte;
import java.io.ByteArrayOutputStream;

import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A job log of more than 5 MB read by a client in a JVM of 12 MB of heap: it fits only if the log is streamed (a
 * client that keeps the lines runs out of memory there: tried, {@code OutOfMemoryError}). The fake runs in this JVM;
 * the client in a child process, started with this test's class path.
 */
class LogStreamingTest {
  private static final int LINES = 50_000;

  @Test
  void aFiveMegabyteLogStreamsWithinASmallHeap() throws Exception {
    try (FakeAirbyte fake = FakeAirbyte.builder().jobDuration(Duration.ofMillis(50)).conformance(false).start();
        AirbyteClient client = AirbyteClient.fromEnv(fake.env()).toBuilder()
            .internalConfigApiUrl(fake.configApiUrl()).build()) {
      UUID connection = OnTheFake.connection(client, fake.defaultWorkspaceId());
      List<String> lines = new ArrayList<>(LINES);
      long chars = 0;
      for (int i = 0; i < LINES; i++) {
        String line = String.format("2026-12-07 03:00:%02d source > Read record %07d of stream users, cursor "
            + "updated_at=2026-12-06T23:59:59Z", i % 60, i);
        lines.add(line);
        chars += line.length();
      }
      assertTrue(chars > 5_000_000, "the log is over 5 MB: " + chars);
      fake.nextJobEndsAs("failed");
      long jobId = client.syncs().run(connection, JobTypeEnum.SYNC,
          SyncOptions.builder().pollInterval(Duration.ofMillis(20)).build()).jobId();
      fake.setLogLines(jobId, lines);

      String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
      // The child logs through the same SLF4J provider as this test JVM (surefire sets it), so SLF4J says nothing.
      Process child = new ProcessBuilder(java, "-Xmx12m", "-XX:+UseSerialGC",
          "-Dslf4j.provider=" + System.getProperty("slf4j.provider", ""),
          "-Dslf4j.internal.verbosity=" + System.getProperty("slf4j.internal.verbosity", "WARN"), "-cp",
          System.getProperty("java.class.path"), Child.class.getName(), fake.baseUrl(), fake.clientId(),
          fake.clientSecret(), fake.configApiUrl(), Long.toString(jobId))
          .redirectErrorStream(true).start();
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      child.getInputStream().transferTo(output);
      assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child ended");
      String printed = output.toString(StandardCharsets.UTF_8).trim();
      assertEquals(0, child.exitValue(), printed);
      // The last attempt's lines, then the default two lines of none: one attempt only.
      assertEquals("lines=" + LINES + " chars=" + chars, printed);
    }
  }

  /** The client's side, in a JVM of its own: streams the log and prints how much it read. */
  public static final class Child {
    public static void main(String[] args) {
      try (AirbyteClient client = AirbyteClient.builder().baseUrl(args[0])
          .credentials(Credentials.clientCredentials(args[1], args[2])).internalConfigApiUrl(args[3]).build();
          Stream<LogLine> lines = client.internalConfigApi().logs(Long.parseLong(args[4]))) {
        long[] counts = new long[2];
        lines.forEach(line -> {
          counts[0]++;
          counts[1] += line.message().length();
        });
        System.out.println("lines=" + counts[0] + " chars=" + counts[1]);
      }
    }
  }

}
