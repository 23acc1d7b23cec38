package io.github.airbytejava.faultsuite;

import io.github.airbytejava.AirbyteClient;
import io.github.airbytejava.Credentials;
import io.github.airbytejava.RetryPolicy;
import io.github.airbytejava.testkit.NoDelayServerSocketFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A MockWebServer on 127.0.0.1 that answers by route ("METHOD /path", query ignored) and counts what it received;
 * a GET at an offset other than 0 (a list's next page) gets an empty page, counted apart.
 * The token endpoint answers a valid token unless told otherwise; unknown routes get a 404 problem. Each route's
 * {@link Responder} is told which attempt this is, so a fault can strike once and then let the call through.
 */
final class Loopback implements AutoCloseable {
  static final String BASE_PATH = "/v1";
  static final String TOKEN_PATH = BASE_PATH + "/applications/token";

  /** Short, so that a call against a silent server ends in about half a second per attempt. */
  static final Duration TIMEOUT = Duration.ofMillis(500);
  static final int MAX_ATTEMPTS = 3;
  /** Backoff ceilings 20 ms, then 40 ms: retries cost nothing noticeable, Retry-After dominates. */
  static final RetryPolicy RETRIES = RetryPolicy.builder()
      .maxAttempts(MAX_ATTEMPTS)
      .initialDelay(Duration.ofMillis(20))
      .maxDelay(Duration.ofSeconds(2))
      .maxElapsed(Duration.ofSeconds(10))
      .build();
  /** The most the backoff of {@link #RETRIES} sleeps in one call, with every retry used. */
  static final Duration MAX_BACKOFF = Duration.ofMillis(20 + 40);

  /** Answers one request of a route; {@code attempt} counts that route's requests from 1. */
  @FunctionalInterface
  interface Responder {
    MockResponse respond(int attempt);
  }

  private final MockWebServer server = new MockWebServer();
  private final Map<String, Responder> routes = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
  private final List<String> received = new CopyOnWriteArrayList<>();

  Loopback() {
    on("POST", TOKEN_PATH, attempt -> Responses.json(200,
        "{\"access_token\":\"fault-suite-token-" + attempt + "\",\"token_type\":\"Bearer\",\"expires_in\":900}"));
    server.setServerSocketFactory(new NoDelayServerSocketFactory());
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String route = request.getMethod() + " " + request.getUrl().encodedPath();
        String offset = request.getUrl().queryParameter("offset");
        if (request.getMethod().equals("GET") && offset != null && !offset.equals("0")) {
          // The page after a list's first: empty, and not counted as the route's. The paginator asks for it because
          // the first page's next says there is more, as Airbyte's does; the faults strike the first page.
          received.add(route + " (next page)");
          return Responses.json(200, Fixtures.emptyPage());
        }
        received.add(route);
        int attempt = counts.computeIfAbsent(route, r -> new AtomicInteger()).incrementAndGet();
        Responder responder = routes.get(route);
        return responder == null ? Responses.problem(404, "resource-not-found", "No route " + route) 
            : responder.respond(attempt);
      }
    });
    try {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Loopback on(String method, String path, Responder responder) {
    routes.put(method + " " + path, responder);
    return this;
  }

  /** The API base URL, {@code http://127.0.0.1:PORT/v1}. */
  String baseUrl() {
    String url = server.url(BASE_PATH).toString();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** How many requests {@code METHOD path} received. */
  int count(String method, String path) {
    AtomicInteger count = counts.get(method + " " + path);
    return count == null ? 0 : count.get();
  }

  /**
   * {@link #count}, once it has reached {@code expected} or a second has passed. The client can give up on a request
   * (a read timeout) before this server's thread has read it; on a busy machine the count lags the client by a few
   * milliseconds. Waiting for more never hides a request too many: those arrive before the call ends.
   */
  int settledCount(String method, String path, int expected) {
    long deadline = System.nanoTime() + 1_000_000_000L;
    while (count(method, path) < expected && System.nanoTime() < deadline) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return count(method, path);
  }

  int tokenRequests() {
    return count("POST", TOKEN_PATH);
  }

  /** Every request but the token requests. */
  int apiRequests() {
    return (int) received.stream().filter(route -> !route.equals("POST " + TOKEN_PATH)).count();
  }

  List<String> received() {
    return List.copyOf(received);
  }

  /** Client credentials exchanged at this server, 500 ms timeouts, {@link #RETRIES}. */
  AirbyteClient.Builder client() {
    return AirbyteClient.builder()
        .baseUrl(baseUrl())
        .credentials(Credentials.clientCredentials("fault-suite-client", "fault-suite-secret"))
        .connectTimeout(TIMEOUT)
        .readTimeout(TIMEOUT)
        .writeTimeout(TIMEOUT)
        .retries(RETRIES);
  }

  @Override
  public void close() {
    server.close();
  }
}
