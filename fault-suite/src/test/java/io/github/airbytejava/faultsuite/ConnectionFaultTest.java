package io.github.airbytejava.faultsuite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.github.airbytejava.AirbyteClient;
import io.github.airbytejava.AirbyteTransportException;
import io.github.airbytejava.Credentials;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Faults of the connection rather than of an answer: a port nobody listens on, and a whole-call deadline
 * ({@code callTimeout}) against a server that never answers.
 */
@ExtendWith(FaultLedger.class)
@Execution(ExecutionMode.CONCURRENT)
class ConnectionFaultTest {
  private static final Duration CALL_TIMEOUT = Duration.ofMillis(800);

  @BeforeAll
  static void warmUp() {
    Warmup.once();
  }

  /**
   * Nothing was sent, so even a POST may be tried again; every attempt is refused at once. A fixed bearer token, so
   * that the API call itself (not the token request) meets the closed port.
   */
  @TestFactory
  Stream<DynamicTest> connectionRefused() {
    return Arrays.stream(Operation.values()).map(op -> dynamicTest(op.toString(), () -> {
      AirbyteClient.Builder builder;
      try (Loopback closed = new Loopback()) {
        builder = closed.client().credentials(Credentials.bearerToken("fault-suite-token"));
      } // closed: the port refuses connections from here on
      try (AirbyteClient client = builder.build()) {
        FaultCheck.run("CONNECTION_REFUSED x " + op.name(), Expectation.PROMPT, () -> op.call(client),
            outcome -> FaultCheck.assertThrew(outcome, AirbyteTransportException.class, op.method, op.path, null));
      }
    }));
  }

  /** {@code callTimeout(800 ms)} ends the call, retries included, at 800 ms, whatever the read timeout. */
  @TestFactory
  Stream<DynamicTest> callTimeoutEndsACallAgainstASilentServer() {
    return Arrays.stream(Operation.values()).map(op -> dynamicTest(op.toString(), () -> {
      String caseId = "CALL_TIMEOUT x " + op.name();
      try (Loopback server = new Loopback();
          AirbyteClient client = server.client().callTimeout(CALL_TIMEOUT).build()) {
        op.route(server, attempt -> Responses.neverAnswers());
        Duration bound = CALL_TIMEOUT.plus(Expectation.SLACK);
        FaultCheck.run(caseId, bound, () -> op.call(client), outcome -> {
          FaultCheck.assertThrew(outcome, AirbyteTransportException.class, op.method, op.path, null);
          int sent = server.settledCount(op.method, op.path, 1);
          if (op.idempotent()) {
            assertTrue(sent >= 1 && sent <= 2, caseId + ": 500 ms per attempt, 800 ms in all: " + sent);
          } else {
            assertEquals(1, sent, caseId + ": " + op.method + " sent " + sent + " times");
          }
        });
      }
    }));
  }
}
