package io.github.airbytejava.connectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.airbytejava.AirbyteClient;
import io.github.airbytejava.testkit.FakeAirbyte;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A client that never touches this module loads none of its classes, though the jar is on its class path. */
class UntouchedModuleTest {

  /** Run in a fresh JVM: builds a client for a fake and lists its sources. */
  public static void main(String[] args) {
    try (FakeAirbyte fake = FakeAirbyte.start(); AirbyteClient client = AirbyteClient.fromEnv(fake.env())) {
      client.sources().listSources().execute();
    }
  }

  @Test
  void aClientThatNeverUsesConnectorsLoadsNoneOfItsClasses() throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(List.of(java.toString(), "-Xlog:class+load=info", "-cp",
        System.getProperty("java.class.path"), UntouchedModuleTest.class.getName()))
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.contains("io.github.airbytejava.AirbyteClient "), "the log lists loaded classes");
    List<String> loaded = output.lines().filter(l -> l.contains(" io.github.airbytejava.connectors.")).toList();
    assertFalse(loaded.stream().anyMatch(l -> !l.contains("UntouchedModuleTest")), String.join("\n", loaded));
  }
}
