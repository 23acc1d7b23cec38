package consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.airbytejava.testkit.FakeAirbyte;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What a project that adds airbyte-testkit and its own SLF4J binding (slf4j-simple) gets. */
class ConsumerTest {

  @Test
  void theConsumersOwnBindingShowsItsLogsAndSlf4jHasNothingToWarnAbout() {
    PrintStream stderr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try (FakeAirbyte fake = FakeAirbyte.start()) {
      // The spec check logs through SLF4J; so does the consumer's own code (and the client it tests).
      LoggerFactory.getLogger(ConsumerTest.class).warn("through the consumer's binding");
    } finally {
      System.setErr(stderr);
    }
    String err = captured.toString(StandardCharsets.UTF_8);
    // slf4j-simple writes to stderr: the consumer's logging is what shows, not a no-op binding of the testkit's.
    assertTrue(err.contains("WARN consumer.ConsumerTest - through the consumer's binding"), err);
    assertEquals("org.slf4j.simple.SimpleLoggerFactory", LoggerFactory.getILoggerFactory().getClass().getName());
    // Two bindings ("multiple SLF4J providers") or SLF4J 1.7 under a 2.x binding ("Failed to load class
    // org.slf4j.impl.StaticLoggerBinder") would make SLF4J warn here.
    List<String> slf4jWarnings = err.lines().filter(line -> line.startsWith("SLF4J")).toList();
    assertEquals(List.of(), slf4jWarnings);
  }
}
