package io.github.airbytejava.faultsuite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.github.airbytejava.AccessToken;
import io.github.airbytejava.AirbyteClient;
import io.github.airbytejava.AirbyteException;
import io.github.airbytejava.AirbyteHttpException;
import io.github.airbytejava.AirbyteTransportException;
import io.github.airbytejava.AuthenticationException;
import io.github.airbytejava.Credentials;
import io.github.airbytejava.MalformedResponseException;
import io.github.airbytejava.RateLimitException;
import io.github.airbytejava.ServerException;
import io.github.airbytejava.generated.model.SourceCreateRequest;
import io.github.airbytejava.generated.model.SourceResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deadlines that bound every wait (a {@code Retry-After}, a token), cancellation, a token source that calls back,
 * an API that refuses every token, and secrets an error answer echoes back: none may reach an exception.
 */
@ExtendWith(FaultLedger.class)
class DeadlineAndSecretFaultTest {
  private static final String GET_SOURCE = "/v1/sources/" + Fixtures.SOURCE;
  /** Planted in every error answer below: none may appear in what the caller gets. */
  private static final String CLIENT_SECRET = "planted-client-secret-5f1";
  private static final String PASSWORD = "planted-db-password-8c2";
  private static final String SSH_KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEAAAA-planted\\n"
      + "-----END OPENSSH PRIVATE KEY-----";
  private static final String SERVICE_ACCOUNT = "{\\\"type\\\":\\\"service_account\\\",\\\"private_key\\\":"
      + "\\\"planted-sa-key-3d9\\\"}";
  private static final List<String> SECRETS = List.of(CLIENT_SECRET, PASSWORD, "b3BlbnNzaC1rZXktdjEAAAA-planted",
      "planted-sa-key-3d9");

  @BeforeAll
  static void warmUp() {
    Warmup.once();
  }

  private static MockResponse retryAfter(int status, int seconds) {
    return new MockResponse.Builder().code(status).addHeader("Retry-After", String.valueOf(seconds)).build();
  }

  @Test
  void aRetryAfterLongerThanTheDeadlineLeftFailsAtOnce() {
    try (Loopback server = new Loopback();
        AirbyteClient client = server.client().callTimeout(Duration.ofSeconds(1)).build()) {
      server.on("GET", GET_SOURCE, attempt -> retryAfter(429, 2));
      FaultCheck.run("DEADLINE 429 Retry-After 2 s, 1 s left x GET_SOURCE", Expectation.PROMPT,
          () -> client.sources().getSource(Fixtures.SOURCE).execute(), outcome -> {
            RateLimitException e = FaultCheck.assertThrew(outcome, RateLimitException.class, "GET", GET_SOURCE, 429);
            assertEquals(Duration.ofSeconds(2), e.getRetryAfter());
            assertEquals(1, server.count("GET", GET_SOURCE));
          });
    }
  }

  @Test
  void aScopedTimeoutIsADeadlineForTheWaitsToo() {
    try (Loopback server = new Loopback(); AirbyteClient client = server.client().build()) {
      server.on("GET", GET_SOURCE, attempt -> attempt == 1 ? retryAfter(503, 2) : Responses.json(200,
          Fixtures.source()));
      FaultCheck.run("DEADLINE 503 Retry-After 2 s, scoped timeout 1 s x GET_SOURCE", Expectation.PROMPT,
          () -> client.withOptions(o -> o.timeout(Duration.ofSeconds(1))).sources().getSource(Fixtures.SOURCE)
              .execute(), outcome -> {
            FaultCheck.assertThrew(outcome, ServerException.class, "GET", GET_SOURCE, 503);
            assertEquals(1, server.count("GET", GET_SOURCE));
          });
    }
  }

  @Test
  void cancellingAnAsyncCallEndsItsWait() {
    try (Loopback server = new Loopback(); AirbyteClient client = server.client().build()) {
      server.on("GET", GET_SOURCE, attempt -> retryAfter(503, 1));
      FaultCheck.run("CANCEL during a 1 s Retry-After x GET_SOURCE (async)", Expectation.PROMPT, () -> {
        CompletableFuture<SourceResponse> call = client.sources().getSource(Fixtures.SOURCE).executeAsync();
        server.settledCount("GET", GET_SOURCE, 1);
        Thread.sleep(100);
        call.cancel(true);
        return call;
      }, outcome -> {
        FaultCheck.assertReturned(outcome);
        assertTrue(((CompletableFuture<?>) outcome.value()).isCancelled());
        // Past the Retry-After: a wait the cancel did not end would have sent the second attempt by now.
        server.settledCount("GET", GET_SOURCE, 2);
        assertEquals(1, server.settledCount("GET", GET_SOURCE, 2), "no attempt after the cancel");
      });
    }
  }

  @Test
  void aSilentTokenEndpointCannotHoldACallPastItsDeadline() {
    try (Loopback server = new Loopback();
        AirbyteClient client = server.client().callTimeout(Duration.ofMillis(700)).build()) {
      server.on("POST", Loopback.TOKEN_PATH, attempt -> Responses.neverAnswers());
      server.on("GET", GET_SOURCE, attempt -> Responses.json(200, Fixtures.source()));
      FaultCheck.run("TOKEN silent, call deadline 700 ms x GET_SOURCE", Duration.ofMillis(700).plus(Expectation.SLACK),
          () -> client.sources().getSource(Fixtures.SOURCE).execute(), outcome -> {
            FaultCheck.assertThrew(outcome, AirbyteTransportException.class, "GET", GET_SOURCE, null);
            assertEquals(0, server.count("GET", GET_SOURCE), "nothing reaches the API without a token");
          });
    }
  }

  @Test
  void aTokenSourceThatCallsBackForItsOwnTokenFailsInsteadOfDeadlocking() {
    AtomicReference<AirbyteClient> self = new AtomicReference<>();
    try (Loopback server = new Loopback(); AirbyteClient client = server.client()
        .credentials(Credentials.tokenSource(() -> {
          self.get().sources().getSource(Fixtures.SOURCE).execute();
          return new AccessToken("never", null);
        })).build()) {
      self.set(client);
      server.on("GET", GET_SOURCE, attempt -> Responses.json(200, Fixtures.source()));
      FaultCheck.run("TOKEN_SOURCE calls back x GET_SOURCE", Expectation.PROMPT,
          () -> client.sources().getSource(Fixtures.SOURCE).execute(),
          outcome -> FaultCheck.assertThrew(outcome, AuthenticationException.class, "GET", GET_SOURCE, null));
    }
  }

  @Test
  void anApiThatRefusesEveryTokenCostsTwoTokenRequestsForTwentyCalls() {
    try (Loopback server = new Loopback(); AirbyteClient client = server.client().build()) {
      server.on("GET", GET_SOURCE, attempt -> Responses.problem(401, "unauthorized", "The API key is invalid."));
      FaultCheck.run("API 401 forever x 20 GET_SOURCE", Expectation.PROMPT, () -> {
        for (int i = 0; i < 20; i++) {
          try {
            client.sources().getSource(Fixtures.SOURCE).execute();
          } catch (AuthenticationException expected) {
            // each call fails: the point is what it cost
          }
        }
        return null;
      }, outcome -> {
        FaultCheck.assertReturned(outcome);
        assertEquals(2, server.tokenRequests(), "the first token and one fresh one, then a pause");
        assertEquals(21, server.count("GET", GET_SOURCE), "20 calls and one replay");
      });
    }
  }

  /** An error answer that echoes the request back, secrets included, as some servers and proxies do. */
  private static String echo(int status) {
    return "{\"status\":" + status + ",\"type\":\"error:echo\",\"title\":\"echo\",\"detail\":\"client_secret="
        + CLIENT_SECRET + " rejected\",\"data\":{\"client_secret\":\"" + CLIENT_SECRET + "\",\"definitionId\":\""
        + Fixtures.DEFINITION + "\",\"configuration\":{\"host\":\"db.internal\",\"password\":\"" + PASSWORD + "\","
        + "\"tunnel_method\":{\"ssh_key\":\"" + SSH_KEY + "\"},\"note\":\"" + SSH_KEY + "\","
        + "\"credentials_json\":\"" + SERVICE_ACCOUNT + "\",\"raw\":\"" + SERVICE_ACCOUNT + "\"}}}";
  }

  @TestFactory
  Stream<DynamicTest> secretsAnErrorAnswerEchoesReachNoException() {
    return IntStream.of(200, 400, 401, 403, 404, 409, 422, 500).mapToObj(status -> dynamicTest("HTTP " + status,
        () -> {
          try (Loopback server = new Loopback();
              AirbyteClient client = server.client().retries(Loopback.RETRIES).build()) {
            // A 200 that is not a source: the parse error quotes nothing of it either.
            String body = status == 200 ? echo(200).replace("{\"status\"", "[{\"status\"") + "]" : echo(status);
            server.on("POST", "/v1/sources", attempt -> Responses.json(status, body));
            FaultCheck.run("SECRETS echoed in HTTP " + status + " x CREATE_SOURCE", Expectation.PROMPT,
                () -> client.sources().createSource(new SourceCreateRequest().name("pg").workspaceId(Fixtures.WORKSPACE)
                    .definitionId(Fixtures.DEFINITION).configuration(Map.of("password", PASSWORD))).execute(),
                outcome -> {
                  assertTrue(outcome.error() instanceof AirbyteException, FaultCheck.describe(outcome));
                  if (status == 200) assertTrue(outcome.error() instanceof MalformedResponseException);
                  for (String text : everythingShown((AirbyteException) outcome.error())) {
                    for (String secret : SECRETS) {
                      assertFalse(text.contains(secret), "HTTP " + status + " shows " + secret + " in: " + text);
                    }
                  }
                });
          }
        }));
  }

  /** Every text of an exception a caller may print: messages, raw bodies, details and causes. */
  private static List<String> everythingShown(AirbyteException e) {
    List<String> shown = new CopyOnWriteArrayList<>();
    for (Throwable t = e; t != null; t = t.getCause()) {
      shown.add(String.valueOf(t));
      for (Throwable suppressed : t.getSuppressed()) shown.add(String.valueOf(suppressed));
    }
    if (e instanceof AirbyteHttpException http) {
      shown.add(String.valueOf(http.getRawBody()));
      shown.add(String.valueOf(http.getDetail()));
      shown.add(String.valueOf(http.getTitle()));
    }
    if (e instanceof MalformedResponseException malformed) shown.add(String.valueOf(malformed.getRawBody()));
    return shown;
  }
}
