package io.github.airbytejava.internal.auth;

import io.github.airbytejava.Credentials;
import io.github.airbytejava.Sleeper;
import io.github.airbytejava.testkit.ManualClock;
import io.github.airbytejava.testkit.NoDelayServerSocketFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A MockWebServer that plays both the token endpoint (any path ending in {@code /applications/token} or
 * {@code /oauth/token}) and the API, a hand-advanced clock and a recording sleeper. By default the token endpoint
 * hands out {@code tok-1}, {@code tok-2}, ... valid 900 s, and the API answers 200 {@code {}}.
 */
abstract class AuthTestSupport {
  static final String CLIENT_ID = "client-id-1234";
  static final String CLIENT_SECRET = "s3cr3t-client-secret";
  static final Credentials CLIENT_CREDENTIALS = Credentials.clientCredentials(CLIENT_ID, CLIENT_SECRET);
  static final Instant START = Instant.parse("2026-11-28T10:00:00Z");

  final MockWebServer server = new MockWebServer();
  final ManualClock clock = new ManualClock(START);
  final RecordingSleeper sleeper = new RecordingSleeper();
  final List<RecordedRequest> tokenRequests = new CopyOnWriteArrayList<>();
  final List<RecordedRequest> apiRequests = new CopyOnWriteArrayList<>();
  final AtomicInteger tokensIssued = new AtomicInteger();
  volatile Function<RecordedRequest, MockResponse> tokenEndpoint = request -> token(nextToken(), 900);
  volatile Function<RecordedRequest, MockResponse> api = request -> json(200, "{}");
  double jitter = 0;
  /** Runs refreshes on the calling thread, so that tests see their effect at once. */
  Executor refreshExecutor = Runnable::run;
  OkHttpClient baseClient;
  final List<AuthInterceptor> interceptors = new ArrayList<>();

  @BeforeEach
  void startServer() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (path.endsWith("/applications/token") || path.endsWith("/oauth/token")) {
          tokenRequests.add(request);
          return tokenEndpoint.apply(request);
        }
        apiRequests.add(request);
        return api.apply(request);
      }
    });
    server.setServerSocketFactory(new NoDelayServerSocketFactory()); // no 40 ms Nagle stall per call
    server.start();
    baseClient = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();
  }

  @AfterEach
  void stopServer() {
    interceptors.forEach(AuthInterceptor::close);
    server.close();
  }

  String nextToken() {
    return "tok-" + tokensIssued.incrementAndGet();
  }

  HttpUrl baseUrl() {
    return server.url("/v1");
  }

  AuthInterceptor interceptor(Credentials credentials) {
    return interceptor(credentials, baseUrl());
  }

  AuthInterceptor interceptor(Credentials credentials, HttpUrl baseUrl) {
    AuthInterceptor interceptor = AuthInterceptor.create(credentials, baseUrl, baseClient, clock, sleeper,
        () -> jitter, refreshExecutor);
    interceptors.add(interceptor);
    return interceptor;
  }

  OkHttpClient apiClient(AuthInterceptor interceptor) {
    return baseClient.newBuilder().addInterceptor(interceptor).build();
  }

  /** GETs {@code path} under the base URL; returns the status. */
  static int get(OkHttpClient client, HttpUrl url) throws IOException {
    try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
      return response.code();
    }
  }

  int get(OkHttpClient client) throws IOException {
    return get(client, server.url("/v1/workspaces"));
  }

  /** The Authorization header of the latest API request. */
  String lastApiAuthorization() {
    return apiRequests.get(apiRequests.size() - 1).getHeaders().get("Authorization");
  }

  static MockResponse token(String accessToken, Integer expiresIn) {
    String expires = expiresIn == null ? "" : ",\"expires_in\":" + expiresIn;
    return json(200, "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\"" + expires + "}");
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  /** An unsigned JWT with the given claims (epoch seconds); null claims are left out. */
  static String jwt(Long issuedAt, Long expiresAt) {
    StringBuilder claims = new StringBuilder("{\"sub\":\"app\"");
    if (issuedAt != null) {
      claims.append(",\"iat\":").append(issuedAt);
    }
    if (expiresAt != null) {
      claims.append(",\"exp\":").append(expiresAt);
    }
    claims.append('}');
    Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
    return encoder.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + encoder.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
  }

  /** Records every requested sleep and returns at once. */
  static final class RecordingSleeper implements Sleeper {
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
      sleeps.add(duration);
    }
  }

  /** Runs refreshes on the calling thread, or, once {@link #hold} is set, keeps them until the test runs them. */
  static final class ManualExecutor implements Executor {
    final List<Runnable> queued = new CopyOnWriteArrayList<>();
    volatile boolean hold;

    @Override
    public void execute(Runnable task) {
      if (hold) {
        queued.add(task);
      } else {
        task.run();
      }
    }

    void runAll() {
      List<Runnable> tasks = new ArrayList<>(queued);
      queued.clear();
      tasks.forEach(Runnable::run);
    }
  }
}
