package io.github.airbytejava.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.airbytejava.AuthenticationException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Caching, refresh ahead of expiry, single flight. Time only moves when a test moves the clock. */
class TokenRefreshTest extends AuthTestSupport {

  @Test
  void aFreshTokenIsNotFetchedAgain() throws IOException {
    AuthInterceptor interceptor = interceptor(CLIENT_CREDENTIALS);
    OkHttpClient client = apiClient(interceptor);

    for (int second = 0; second < 840; second += 120) {
      clock.set(START.plusSeconds(second));
      assertEquals(200, get(client));
    }
    clock.set(START.plusMillis(839_999));
    assertEquals(200, get(client));

    assertEquals(1, interceptor.tokenRequestCount());
    assertEquals(8, apiRequests.size());
    apiRequests.forEach(r -> assertEquals("Bearer tok-1", r.getHeaders().get("Authorization")));
  }

  @ParameterizedTest(name = "{0} s token: refreshed {1} ms after it was fetched, not before")
  @CsvSource({"60, 48000", "180, 144000", "900, 840000"})
  void refreshesInsideTheMarginAndNotBefore(int expiresIn, long refreshAtMillis) throws IOException {
    tokenEndpoint = request -> token(nextToken(), expiresIn);
    AuthInterceptor interceptor = interceptor(CLIENT_CREDENTIALS);
    OkHttpClient client = apiClient(interceptor);
    get(client);

    clock.set(START.plusMillis(refreshAtMillis - 1));
    get(client);
    assertEquals(1, interceptor.tokenRequestCount(), "too early to refresh");

    clock.set(START.plusMillis(refreshAtMillis));
    get(client);
    assertEquals(2, interceptor.tokenRequestCount(), "refreshed inside the margin");
    assertEquals("Bearer tok-1", lastApiAuthorization(), "the call that triggered the refresh used the valid token");

    get(client);
    assertEquals("Bearer tok-2", lastApiAuthorization());
    assertEquals(2, interceptor.tokenRequestCount());
  }

  @Test
  void aSixtySecondTokenIsNotRefreshedOnEveryCall() throws IOException {
    // The official Java SDK's fixed 60 s margin fetched a new token per call for tokens of 60 s or less.
    tokenEndpoint = request -> token(nextToken(), 60);
    AuthInterceptor interceptor = interceptor(CLIENT_CREDENTIALS);
    OkHttpClient client = apiClient(interceptor);

    for (int second = 0; second < 48; second += 4) {
      clock.set(START.plusSeconds(second));
      get(client);
    }

    assertEquals(1, interceptor.tokenRequestCount());
  }

  @Test
  void jitterMovesTheRefreshEarlierWithinItsBound() throws IOException {
    jitter = 0.5; // 900 s token: 60 s + 0.5 * 25 % of 60 s = 67.5 s early
    AuthInterceptor interceptor = interceptor(CLIENT_CREDENTIALS);
    OkHttpClient client = apiClient(interceptor);
    get(client);

    clock.set(START.plusMillis(832_499));
    get(client);
    assertEquals(1, interceptor.tokenRequestCount());

    clock.set(START.plusMillis(832_500));
    get(client);
    assertEquals(2, interceptor.tokenRequestCount());
  }

  @Test
  void aCallerWithAValidTokenDoesNotWaitForTheRefresh() throws IOException {
    ManualExecutor executor = new ManualExecutor();
    refreshExecutor = executor;
    AuthInterceptor interceptor = interceptor(CLIENT_CREDENTIALS);
    OkHttpClient client = apiClient(interceptor);
    get(client);
    executor.hold = true;

    clock.set(START.plusSeconds(850));
    for (int i = 0; i < 5; i++) {
      assertEquals(200, get(client));
    }
    assertEquals(1, interceptor.tokenRequestCount(), "the refresh is queued, and nobody waited for it");
    assertEquals(1, executor.queued.size(), "one refresh, however many calls saw the margin");
    assertEquals("Bearer tok-1", lastApiAuthorization());

    executor.runAll();
    get(client);
    assertEquals(2, interceptor.tokenRequestCount());
    assertEquals("Bearer tok-2", lastApiAuthorization());
  }

  @Test
  void theBackgroundRefreshThreadServesTheOldTokenMeanwhile() throws Exception {
    refreshExecutor = null; // the real daemon thread
    CountDownLatch releaseSecondToken = new CountDownLatch(1);
    tokenEndpoint = request -> {
      if (tokenRequests.size() == 2) {
        await(releaseSecondToken);
      }
      return token(nextToken(), 900);
    };
    AuthInterceptor interceptor = interceptor(CLIENT_CREDENTIALS);
    OkHttpClient client = apiClient(interceptor);
    get(client);

    clock.set(START.plusSeconds(850));
    get(client); // starts the refresh, which now hangs on the server
    awaitCondition(() -> tokenRequests.size() == 2);
    long before = System.nanoTime();
    for (int i = 0; i < 5; i++) {
      assertEquals(200, get(client));
      assertEquals("Bearer tok-1", lastApiAuthorization());
    }
    assertTrue(System.nanoTime() - before < TimeUnit.SECONDS.toNanos(2), "calls did not wait");

    releaseSecondToken.countDown();
    awaitCondition(() -> {
      get(client);
      return "Bearer tok-2".equals(lastApiAuthorization());
    });
    assertEquals(2, interceptor.tokenRequestCount());
  }

  @Test
  void aFailedEarlyRefreshKeepsServingTheValidTokenAndRetriesAfterABackoff() throws IOException {
    AuthInterceptor interceptor = interceptor(CLIENT_CREDENTIALS);
    OkHttpClient client = apiClient(interceptor);
    get(client);
    tokenEndpoint = request -> json(503, "");

    clock.set(START.plusSeconds(850));
    assertEquals(200, get(client));
    assertEquals("Bearer tok-1", lastApiAuthorization());
    assertEquals(1 + TokenEndpoint.MAX_ATTEMPTS, interceptor.tokenRequestCount());

    clock.set(START.plusMillis(854_999));
    assertEquals(200, get(client));
    assertEquals("Bearer tok-1", lastApiAuthorization());
    assertEquals(1 + TokenEndpoint.MAX_ATTEMPTS, interceptor.tokenRequestCount(), "no retry before the backoff");

    tokenEndpoint = request -> token(nextToken(), 900);
    clock.set(START.plusSeconds(855));
    get(client);
    assertEquals(2 + TokenEndpoint.MAX_ATTEMPTS, interceptor.tokenRequestCount(), "retried after the backoff");
    get(client);
    assertEquals("Bearer tok-2", lastApiAuthorization());
  }

  @Test
  void aFailedRefreshOfAnExpiredTokenThrowsWithUrlAndStatusButNoSecret() throws IOException {
    tokenEndpoint = request -> token(nextToken(), 60);
    AuthInterceptor interceptor = interceptor(CLIENT_CREDENTIALS);
    OkHttpClient client = apiClient(interceptor);
    get(client);
    tokenEndpoint = request -> json(503, "{\"title\":\"Service Unavailable\"}");

    clock.set(START.plusSeconds(61));
    AuthenticationException e = assertThrowsAuthentication(client);

    assertEquals(503, e.getStatusCode());
    assertEquals(server.url("/v1/applications/token").toString(), e.getTokenUrl());
    assertTrue(e.getMessage().contains(e.getTokenUrl()), e.getMessage());
    assertTrue(e.getMessage().contains("HTTP 503"), e.getMessage());
    assertFalse(e.getMessage().contains(CLIENT_SECRET), e.getMessage());
    assertFalse(e.getMessage().contains("tok-1"), e.getMessage());
    assertEquals(1, apiRequests.size(), "the expired token was not sent");
  }

  @Test
  void insideTheMustRefreshWindowCallersWaitForTheNewToken() throws IOException {
    AuthInterceptor interceptor = interceptor(CLIENT_CREDENTIALS);
    OkHttpClient client = apiClient(interceptor);
    get(client);

    clock.set(START.plusSeconds(890)); // 10 s before expiry
    get(client);

    assertEquals(2, interceptor.tokenRequestCount());
    assertEquals("Bearer tok-2", lastApiAuthorization(), "this very call waited for the new token");
  }

  @Test
  void sixtyFourConcurrentCallersCauseOneTokenRequest() throws Exception {
    refreshExecutor = null;
    AtomicInteger entered = new AtomicInteger();
    tokenEndpoint = request -> {
      awaitCondition(() -> entered.get() == 64);
      sleepMillis(100); // let every caller reach the wait
      return token(nextToken(), 900);
    };
    AuthInterceptor interceptor = interceptor(CLIENT_CREDENTIALS);
    OkHttpClient client = countingEntries(apiClient(interceptor), entered);

    List<Integer> statuses = runConcurrently(64, () -> get(client));

    assertEquals(1, interceptor.tokenRequestCount());
    assertEquals(1, tokenRequests.size());
    assertEquals(64, statuses.stream().filter(s -> s == 200).count());
    apiRequests.forEach(r -> assertEquals("Bearer tok-1", r.getHeaders().get("Authorization")));
  }

  @Test
  void sixtyFourConcurrentCallersShareOneError() throws Exception {
    refreshExecutor = null;
    AtomicInteger entered = new AtomicInteger();
    tokenEndpoint = request -> {
      awaitCondition(() -> entered.get() == 64);
      sleepMillis(300);
      return json(401, "{\"message\":\"Unauthorized\"}");
    };
    AuthInterceptor interceptor = interceptor(CLIENT_CREDENTIALS);
    OkHttpClient client = countingEntries(apiClient(interceptor), entered);
    Set<Throwable> distinct = ConcurrentHashMap.newKeySet();

    List<Integer> statuses = runConcurrently(64, () -> {
      try {
        return get(client);
      } catch (AuthenticationException e) {
        distinct.add(e);
        return e.getStatusCode();
      }
    });

    assertEquals(1, interceptor.tokenRequestCount());
    assertEquals(64, statuses.stream().filter(s -> s == 401).count());
    assertEquals(64, distinct.size(), "each caller throws its own instance of the shared failure");
    assertEquals(1, distinct.stream().map(Throwable::getMessage).distinct().count());
    assertTrue(apiRequests.isEmpty());
  }

  @Test
  void afterCloseTokensAreStillFetchedOnTheCallingThread() throws IOException {
    refreshExecutor = null;
    AuthInterceptor interceptor = interceptor(CLIENT_CREDENTIALS);
    OkHttpClient client = apiClient(interceptor);
    get(client);
    interceptor.close();

    clock.set(START.plusSeconds(850));
    get(client);
    assertEquals(1, interceptor.tokenRequestCount(), "no background refresh after close");
    clock.set(START.plusSeconds(895));
    get(client);
    assertEquals(2, interceptor.tokenRequestCount());
    assertEquals("Bearer tok-2", lastApiAuthorization());
  }

  private AuthenticationException assertThrowsAuthentication(OkHttpClient client) {
    return org.junit.jupiter.api.Assertions.assertThrows(AuthenticationException.class, () -> get(client));
  }

  /** Counts calls as they enter the client, before the auth interceptor. */
  private static OkHttpClient countingEntries(OkHttpClient client, AtomicInteger entered) {
    OkHttpClient.Builder builder = client.newBuilder();
    builder.interceptors().add(0, chain -> {
      entered.incrementAndGet();
      return chain.proceed(chain.request());
    });
    return builder.build();
  }

  static <T> List<T> runConcurrently(int threads, Callable<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(pool.submit(() -> {
          start.await();
          return task.call();
        }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(20, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  interface Condition {
    boolean holds() throws Exception;
  }

  static void awaitCondition(Condition condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    try {
      while (!condition.holds()) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("condition not met within 10 s");
        }
        Thread.sleep(5);
      }
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new AssertionError("latch not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void sleepMillis(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
