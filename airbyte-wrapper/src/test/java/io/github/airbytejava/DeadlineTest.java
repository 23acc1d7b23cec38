package io.github.airbytejava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.airbytejava.generated.model.ApplicationTokenRequestWithGrant;
import io.github.airbytejava.generated.model.JobResponse;
import io.github.airbytejava.generated.model.PublicAccessTokenResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** Deadlines bound every wait, cancelling stops one, and waiting for a token is no exception. */
class DeadlineTest extends FacadeTestSupport {
  private static final String TOKEN = "{\"access_token\":\"t-1\",\"token_type\":\"Bearer\",\"expires_in\":900}";

  private static MockResponse retryAfter(int code, int seconds) {
    return new MockResponse.Builder().code(code).addHeader("Retry-After", String.valueOf(seconds)).build();
  }

  @Test
  void aRetryAfterLongerThanTheDeadlineLeftFailsAtOnceWithTheWait() {
    routes.on("GET /v1/jobs/1", retryAfter(429, 45), json(200, job(1, "running")));
    AirbyteClient client = track(builder().callTimeout(Duration.ofSeconds(10)).build());

    RateLimitException e = assertThrows(RateLimitException.class, () -> client.jobs().getJob(1L).execute());

    assertEquals(Duration.ofSeconds(45), e.getRetryAfter());
    assertEquals(List.of(), sleeper.sleeps, "no wait of 45 s in a call that has 10 s");
    assertEquals(1, routes.requests("GET /v1/jobs/1").size());
  }

  @Test
  void aScopedTimeoutIsADeadlineToo() {
    routes.on("GET /v1/jobs/1", retryAfter(503, 5), json(200, job(1, "running")));
    AirbyteClient client = client();

    assertThrows(ServerException.class,
        () -> client.withOptions(o -> o.timeout(Duration.ofSeconds(3))).jobs().getJob(1L).execute());
    assertEquals(List.of(), sleeper.sleeps);
    routes.reset();
    routes.on("GET /v1/jobs/1", retryAfter(503, 5), json(200, job(1, "running")));
    assertEquals(1L, client.jobs().getJob(1L).execute().getJobId(), "without the scope, the 5 s are waited");
    assertEquals(List.of(Duration.ofSeconds(5)), sleeper.sleeps);
  }

  @Test
  void aThirtySecondRetryAfterRunsOnTheTestsClock() {
    routes.on("GET /v1/jobs/1", retryAfter(503, 30), json(200, job(1, "running")));
    long before = System.nanoTime();

    assertEquals(1L, client().jobs().getJob(1L).execute().getJobId());

    assertEquals(List.of(Duration.ofSeconds(30)), sleeper.sleeps);
    assertTrue(System.nanoTime() - before < TimeUnit.SECONDS.toNanos(5), "the test took no 30 s");
  }

  @Test
  void cancellingAnAsyncCallStopsItsWaitAtOnce() throws Exception {
    routes.on("GET /v1/jobs/1", retryAfter(503, 30));
    AirbyteClient client = track(builder().sleeper(Sleeper.SYSTEM).build()); // really waits 30 s, unless woken
    CompletableFuture<JobResponse> job = client.jobs().getJob(1L).executeAsync();
    waitUntil(() -> routes.requests("GET /v1/jobs/1").size() == 1);
    Thread.sleep(100); // into the wait

    job.cancel(true);

    OkHttpClient http = client.transport().httpClient();
    waitUntil(() -> http.dispatcher().runningCallsCount() == 0);
    assertEquals(1, routes.requests("GET /v1/jobs/1").size(), "no second attempt");
  }

  @Test
  void cancellingThroughTheCallersOwnDispatcherStopsAWaitAtOnce() throws Exception {
    routes.on("GET /v1/jobs/1", retryAfter(503, 30));
    OkHttpClient mine = new OkHttpClient();
    AirbyteClient client = track(builder().okHttpClient(mine).sleeper(Sleeper.SYSTEM).build());
    CompletableFuture<Throwable> failure = CompletableFuture.supplyAsync(() ->
        assertThrows(AirbyteException.class, () -> client.jobs().getJob(1L).execute()));
    waitUntil(() -> routes.requests("GET /v1/jobs/1").size() == 1);
    Thread.sleep(100); // into the wait of 30 s

    mine.dispatcher().cancelAll(); // as an application shutting its HTTP client down does

    Throwable e = failure.get(5, TimeUnit.SECONDS);
    assertTrue(e.getMessage().contains("Canceled"), e.getMessage());
    assertEquals(1, routes.requests("GET /v1/jobs/1").size(), "no second attempt");
  }

  @Test
  void aTokenEndpointThatNeverAnswersCannotHoldACallPastItsDeadline() {
    routes.on("POST /v1/applications/token", new MockResponse.Builder().headersDelay(30, TimeUnit.SECONDS)
        .body(TOKEN).build());
    routes.on("GET /v1/jobs/1", json(200, job(1, "running")));
    AirbyteClient client = track(builder().credentials(Credentials.clientCredentials("id", "secret"))
        .callTimeout(Duration.ofMillis(300)).build());

    AirbyteTransportException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> assertThrows(AirbyteTransportException.class, () -> client.jobs().getJob(1L).execute()));
    assertTrue(e.getMessage().contains("timeout"), e.getMessage());
  }

  @Test
  void aTokenSourceThatCallsTheClientForATokenItselfDoesNotDeadlock() {
    AtomicReference<AirbyteClient> self = new AtomicReference<>();
    routes.on("GET /v1/jobs/1", json(200, job(1, "running")));
    AirbyteClient client = track(builder().credentials(Credentials.tokenSource(() -> {
      self.get().jobs().getJob(1L).execute(); // needs the token being fetched
      return new AccessToken("never", null);
    })).build());
    self.set(client);

    AuthenticationException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> assertThrows(AuthenticationException.class, () -> client.jobs().getJob(1L).execute()));
    assertFalse(e.getMessage().contains("never"), e.getMessage());
  }

  @Test
  void aTokenSourceMayExchangeCredentialsThroughTheClientItAuthenticates() throws Exception {
    AtomicReference<AirbyteClient> self = new AtomicReference<>();
    routes.on("POST /v1/applications/token", json(200, TOKEN));
    routes.on("GET /v1/jobs/1", json(200, job(1, "running")));
    AirbyteClient client = track(builder().credentials(Credentials.tokenSource(() -> {
      PublicAccessTokenResponse token = self.get().applications().createAccessToken(
          new ApplicationTokenRequestWithGrant().clientId("id").clientSecret("secret")).execute();
      return new AccessToken(token.getAccessToken(), null);
    })).build());
    self.set(client);

    assertEquals(1L, client.jobs().getJob(1L).execute().getJobId());
    assertEquals("Bearer t-1", routes.requests("GET /v1/jobs/1").get(0).getHeaders().get("Authorization"));
    assertEquals(null, routes.requests("POST /v1/applications/token").get(0).getHeaders().get("Authorization"));
  }

  @Test
  void theInterceptorsOfAGivenOkHttpClientNeverSeeTheTokenRequest() {
    List<String> seen = new CopyOnWriteArrayList<>();
    OkHttpClient mine = new OkHttpClient.Builder().addInterceptor(chain -> {
      seen.add(chain.request().method() + " " + chain.request().url().encodedPath());
      return chain.proceed(chain.request());
    }).build();
    routes.on("POST /v1/applications/token", json(200, TOKEN));
    routes.on("GET /v1/jobs/1", json(200, job(1, "running")));
    AirbyteClient client = track(builder().okHttpClient(mine).credentials(Credentials.clientCredentials("id",
        "the-client-secret")).build());

    client.jobs().getJob(1L).execute();

    assertEquals(List.of("GET /v1/jobs/1"), seen, "the token request carries the secret: not for other eyes");
    assertEquals(1, routes.requests("POST /v1/applications/token").size());
    assertTrue(client.transport().httpClient().connectionPool() == mine.connectionPool(), "the pool is kept");
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > until) throw new AssertionError("not within 3 s");
      Thread.sleep(5);
    }
  }
}
