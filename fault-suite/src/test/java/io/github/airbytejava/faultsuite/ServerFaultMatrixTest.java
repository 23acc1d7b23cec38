package io.github.airbytejava.faultsuite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.github.airbytejava.AirbyteClient;
import io.github.airbytejava.AirbyteException;
import io.github.airbytejava.AirbyteTransportException;
import io.github.airbytejava.ConflictException;
import io.github.airbytejava.ServerException;
import java.util.Arrays;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Every {@link ServerFault} on every {@link Operation}, each on its own loopback server and client: the call ends
 * within its bound in the expected result or exactly the expected exception, the route got exactly the expected
 * number of requests, and no POST or PATCH was ever sent twice.
 */
@ExtendWith(FaultLedger.class)
@Execution(ExecutionMode.CONCURRENT) // the cases wait on timeouts, not on the CPU
class ServerFaultMatrixTest {

  @BeforeAll
  static void warmUp() {
    Warmup.once();
  }

  @TestFactory
  Stream<DynamicNode> everyServerFaultOnEveryOperation() {
    return Arrays.stream(ServerFault.values()).map(fault -> dynamicContainer(fault.name() + ": " + fault,
        Arrays.stream(Operation.values()).map(op -> dynamicTest(op.toString(), () -> check(fault, op)))));
  }

  /** The status of the fault's first answer, or null when it answers with no status (a dropped connection). */
  private static Integer firstStatus(ServerFault fault, Operation op) {
    MockResponse first = fault.respond(op, 1);
    return first == null ? null : first.getCode();
  }

  private static void check(ServerFault fault, Operation op) {
    Expectation expected = fault.expect(op);
    String caseId = fault.name() + " x " + op.name();
    try (Loopback server = new Loopback(); AirbyteClient client = server.client().build()) {
      op.route(server, attempt -> fault.respond(op, attempt));
      FaultCheck.run(caseId, expected.bound(), () -> op.call(client), outcome -> {
        int sent = server.settledCount(op.method, op.path, expected.requests());
        if (!op.idempotent() && !(op.resendsAfter429() && Integer.valueOf(429).equals(firstStatus(fault, op)))) {
          assertTrue(sent <= 1, caseId + ": " + op.method + " sent " + sent + " times; received " + server.received());
        }
        if (expected.error() == null) {
          FaultCheck.assertReturned(outcome);
          op.checkResult(outcome.value());
        } else {
          AirbyteException error = FaultCheck.assertThrew(outcome, expected.error(), op.method, op.path,
              expected.status());
          expected.extra().accept(error);
        }
        assertEquals(expected.requests(), sent, caseId + ": requests to " + op.method + " " + op.path
            + " (expected: " + expected + "); received " + server.received());
        if (op == Operation.START_JOB) {
          // syncs().start looks for an active job only when the POST may have created one.
          boolean mayHaveStarted = outcome.error() instanceof ServerException
              || outcome.error() instanceof AirbyteTransportException || outcome.error() instanceof ConflictException;
          assertEquals(mayHaveStarted ? 1 : 0, server.count("GET", Operation.JOBS_LOOKUP_PATH),
              caseId + ": active-job look-ups; received " + server.received());
        }
        assertTrue(outcome.elapsed().compareTo(expected.minElapsed()) >= 0, caseId + ": took "
            + outcome.elapsed().toMillis() + " ms, less than the " + expected.minElapsed().toMillis()
            + " ms the server asked to wait");
      });
    }
  }
}
