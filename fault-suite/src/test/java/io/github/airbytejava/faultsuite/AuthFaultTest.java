package io.github.airbytejava.faultsuite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.github.airbytejava.AirbyteClient;
import io.github.airbytejava.AuthenticationException;
import java.time.Duration;
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
 * The token endpoint failing (500, silence, an HTML page) and the API refusing every token (401 forever), on every
 * {@link Operation}. The token endpoint is tried up to 3 times on 5xx and I/O errors, 500 ms then 1 s apart (the
 * client's own schedule, not the {@link io.github.airbytejava.RetryPolicy}); nothing reaches the API without a token.
 */
@ExtendWith(FaultLedger.class)
@Execution(ExecutionMode.CONCURRENT)
class AuthFaultTest {
  private static final int TOKEN_ATTEMPTS = 3;
  /** The token endpoint's backoff: 500 ms, then 1 s, each up to a quarter shorter. */
  private static final Duration TOKEN_BACKOFF = Duration.ofMillis(1500);

  enum AuthFault {
    TOKEN_500("the token endpoint answers 500"),
    TOKEN_TIMEOUT("the token endpoint never answers"),
    TOKEN_HTML("the token endpoint answers 200 with an HTML sign-in page"),
    API_401_FOREVER("the API answers 401 to every token");

    final String description;

    AuthFault(String description) {
      this.description = description;
    }

    @Override
    public String toString() {
      return description;
    }
  }

  @BeforeAll
  static void warmUp() {
    Warmup.once();
  }

  @TestFactory
  Stream<DynamicNode> everyAuthFaultOnEveryOperation() {
    return Arrays.stream(AuthFault.values()).map(fault -> dynamicContainer(fault.name() + ": " + fault,
        Arrays.stream(Operation.values()).map(op -> dynamicTest(op.toString(), () -> check(fault, op)))));
  }

  private static void check(AuthFault fault, Operation op) {
    String caseId = fault.name() + " x " + op.name();
    try (Loopback server = new Loopback(); AirbyteClient client = server.client().build()) {
      op.route(server, attempt -> op.ok());
      switch (fault) {
        case TOKEN_500 -> server.on("POST", Loopback.TOKEN_PATH,
            attempt -> Responses.problem(500, "unexpected-problem", "Token service down."));
        case TOKEN_TIMEOUT -> server.on("POST", Loopback.TOKEN_PATH, attempt -> Responses.neverAnswers());
        case TOKEN_HTML -> server.on("POST", Loopback.TOKEN_PATH, attempt -> Responses.html(200, "Sign in"));
        case API_401_FOREVER -> op.route(server, attempt -> unauthorized());
      }
      Duration bound = switch (fault) {
        case TOKEN_500 -> TOKEN_BACKOFF.plus(Expectation.SLACK);
        case TOKEN_TIMEOUT -> Loopback.TIMEOUT.multipliedBy(TOKEN_ATTEMPTS).plus(TOKEN_BACKOFF).plus(Expectation.SLACK);
        case TOKEN_HTML, API_401_FOREVER -> Expectation.PROMPT;
      };
      FaultCheck.run(caseId, bound, () -> op.call(client), outcome -> {
        if (fault == AuthFault.API_401_FOREVER) {
          // One replay with a fresh token, then give up: the server refused both, so neither took effect.
          FaultCheck.assertThrew(outcome, AuthenticationException.class, op.method, op.path, 401);
          assertEquals(2, server.settledCount(op.method, op.path, 2),
              caseId + ": API requests; received " + server.received());
          assertEquals(2, server.tokenRequests(), caseId + ": token requests");
          assertEquals(2, server.apiRequests(), caseId + ": no other API request; received " + server.received());
          return;
        }
        Integer status = switch (fault) {
          case TOKEN_500 -> 500;
          case TOKEN_HTML -> 200;
          default -> null;
        };
        AuthenticationException error = FaultCheck.assertThrew(outcome, AuthenticationException.class, "POST",
            Loopback.TOKEN_PATH, status);
        assertTrue(error.getTokenUrl() != null && error.getTokenUrl().endsWith(Loopback.TOKEN_PATH),
            caseId + ": getTokenUrl() " + error.getTokenUrl());
        assertTrue(!error.getMessage().contains("fault-suite-secret"), caseId + ": the message shows the secret");
        int tokenAttempts = fault == AuthFault.TOKEN_HTML ? 1 : TOKEN_ATTEMPTS;
        assertEquals(tokenAttempts, server.settledCount("POST", Loopback.TOKEN_PATH, tokenAttempts),
            caseId + ": token requests");
        assertEquals(0, server.apiRequests(), caseId + ": nothing may reach the API without a token; received "
            + server.received());
      });
    }
  }

  private static MockResponse unauthorized() {
    return Responses.problem(401, "invalid-api-key", "The token is not valid.");
  }
}
