package consumer;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.airbytejava.testkit.FakeAirbyte;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What a project that only adds airbyte-testkit gets. */
class ConsumerTest {

  @Test
  void oneSlf4j2WithTheTestkitsNoOpBindingAndNotAWordOnStderr() {
    PrintStream stderr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try (FakeAirbyte fake = FakeAirbyte.start()) {
      // The spec check logs through SLF4J; so may the consumer's own code.
      LoggerFactory.getLogger(ConsumerTest.class).warn("through the binding");
    } finally {
      System.setErr(stderr);
    }
    // SLF4J 1.7 with a 2.x binding prints "SLF4J: Failed to load class org.slf4j.impl.StaticLoggerBinder" here.
    assertEquals("", captured.toString(StandardCharsets.UTF_8));
    // The provider interface exists from SLF4J 2.0 on.
    assertDoesNotThrow(() -> Class.forName("org.slf4j.spi.SLF4JServiceProvider"));
  }
}
