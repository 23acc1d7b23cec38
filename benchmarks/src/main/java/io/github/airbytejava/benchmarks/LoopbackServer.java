package io.github.airbytejava.benchmarks;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.airbytejava.testkit.NoDelayServerSocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * The minimal Airbyte API the benchmarks call, on 127.0.0.1: a MockWebServer with TCP_NODELAY sockets.
 *
 * <ul>
 *   <li>{@code GET /v1/sources?limit&offset}: a page of {@code totalSources} sources, built when asked for (no source
 *       is held in memory); {@code next} is set on every non-empty page, even a short one, and {@code ""} on an
 *       empty page, as Airbyte does. The first 100-item page is built once and reused, so that the server's own work
 *       stays small next to the client's in the latency benchmarks.
 *   <li>{@code GET /v1/sources/{id}}: one source, for the authentication benchmark (a small body, so the cost of
 *       authentication is not drowned by parsing).
 *   <li>{@code POST /v1/applications/token}: JSON {@code client_id}, {@code client_secret}; answers an opaque token
 *       with {@code expires_in} = {@code tokenLifetimeSeconds}. Opaque rather than JWT-shaped, so that the token's
 *       life is exactly {@code expires_in} and the expected number of refreshes can be computed.
 *   <li>Every other request needs {@code Authorization: Bearer} with {@link #STATIC_TOKEN} or an issued token that
 *       has not expired; otherwise 401 with a problem body.
 * </ul>
 *
 * <p>MockWebServer keeps every request it receives for {@code takeRequest()}; a daemon thread drains them, so that
 * millions of requests do not fill the heap.
 */
final class LoopbackServer implements AutoCloseable {
  static final String STATIC_TOKEN = "benchmark-static-token";
  static final String CLIENT_ID = "benchmark-client";
  static final String CLIENT_SECRET = "benchmark-secret";
  private static final String JSON = "application/json";

  private final MockWebServer server = new MockWebServer();
  private final long totalSources;
  private final long tokenLifetimeNanos;
  private final int tokenLifetimeSeconds;
  private final Map<String, Long> tokenExpiry = new ConcurrentHashMap<>();
  private final AtomicLong tokenSerial = new AtomicLong();
  private final MockResponse firstPage;
  private final String oneSource;

  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong listRequests = new AtomicLong();
  private final AtomicLong tokenRequests = new AtomicLong();
  private final AtomicLong unauthorized = new AtomicLong();
  /** System.nanoTime() of each token issued. */
  final List<Long> tokenIssuedAt = new CopyOnWriteArrayList<>();

  private LoopbackServer(long totalSources, int tokenLifetimeSeconds) throws IOException {
    this.totalSources = totalSources;
    this.tokenLifetimeSeconds = tokenLifetimeSeconds;
    this.tokenLifetimeNanos = tokenLifetimeSeconds * 1_000_000_000L;
    server.setServerSocketFactory(new NoDelayServerSocketFactory());
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return answer(request);
      }
    });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    firstPage = json(200, page(0, 100));
    String one = Fixtures.sourcesPage(7, 1, 1, "");
    oneSource = one.substring(one.indexOf('[') + 1, one.lastIndexOf(']'));
    Thread drain = new Thread(() -> {
      try {
        while (true) server.takeRequest();
      } catch (InterruptedException | RuntimeException stop) {
        // the server was closed
      }
    }, "loopback-drain");
    drain.setDaemon(true);
    drain.start();
  }

  /** A server with {@code totalSources} sources and tokens that live {@code tokenLifetimeSeconds}. */
  static LoopbackServer start(long totalSources, int tokenLifetimeSeconds) throws IOException {
    return new LoopbackServer(totalSources, tokenLifetimeSeconds);
  }

  /** The API base URL, {@code http://127.0.0.1:PORT/v1}. */
  String baseUrl() {
    // Not server.url(), which names the host "localhost": that would make every client resolve a name.
    return "http://127.0.0.1:" + server.getPort() + "/v1";
  }

  long requests() {
    return requests.get();
  }

  long listRequests() {
    return listRequests.get();
  }

  long tokenRequests() {
    return tokenRequests.get();
  }

  long unauthorized() {
    return unauthorized.get();
  }

  private MockResponse answer(RecordedRequest request) {
    requests.incrementAndGet();
    HttpUrl url = request.getUrl();
    String path = url.encodedPath();
    if (path.equals("/v1/applications/token") && "POST".equals(request.getMethod())) {
      return token(request);
    }
    if (!authorized(request.getHeaders().get("Authorization"))) {
      unauthorized.incrementAndGet();
      return json(401, "{\"status\":401,\"type\":\"https://reference.airbyte.com/reference/errors\","
          + "\"title\":\"unauthorized\",\"detail\":\"The access token is missing, unknown or expired.\"}");
    }
    if (path.equals("/v1/sources") && "GET".equals(request.getMethod())) {
      listRequests.incrementAndGet();
      int limit = intParam(url, "limit", 20);
      int offset = intParam(url, "offset", 0);
      if (limit < 1 || limit > 100 || offset < 0) {
        return json(400, "{\"status\":400,\"title\":\"bad-request\",\"detail\":\"limit must be 1 to 100\"}");
      }
      return offset == 0 && limit == 100 && totalSources >= 100 ? firstPage : json(200, page(offset, limit));
    }
    if (path.startsWith("/v1/sources/") && "GET".equals(request.getMethod())) {
      return json(200, oneSource);
    }
    if (path.equals("/v1/workspaces") && "GET".equals(request.getMethod())) { // the CLI's cold start (CliColdStart)
      return json(200, "{\"data\":[{\"workspaceId\":\"" + new UUID(0, 1) + "\",\"name\":\"bench\"}],\"next\":\"\"}");
    }
    return json(404, "{\"status\":404,\"title\":\"not-found\",\"detail\":\"" + path + "\"}");
  }

  private String page(long offset, int limit) {
    int count = (int) Math.max(0, Math.min(limit, totalSources - offset));
    String next = HttpUrl.get(baseUrl() + "/sources").newBuilder()
        .addQueryParameter("limit", Integer.toString(limit))
        .addQueryParameter("offset", Long.toString(offset + limit))
        .build().toString();
    return Fixtures.sourcesPage((int) offset, count, limit, next);
  }

  private boolean authorized(String header) {
    if (header == null || !header.startsWith("Bearer ")) return false;
    String token = header.substring("Bearer ".length());
    if (token.equals(STATIC_TOKEN)) return true;
    Long expiry = tokenExpiry.get(token);
    return expiry != null && System.nanoTime() - expiry < 0;
  }

  private MockResponse token(RecordedRequest request) {
    tokenRequests.incrementAndGet();
    JsonObject body;
    try {
      JsonElement parsed = JsonParser.parseString(request.getBody() == null ? "" : request.getBody().utf8());
      body = parsed.isJsonObject() ? parsed.getAsJsonObject() : new JsonObject();
    } catch (RuntimeException e) {
      body = new JsonObject();
    }
    if (!CLIENT_ID.equals(text(body, "client_id")) || !CLIENT_SECRET.equals(text(body, "client_secret"))) {
      return json(401, "{\"status\":401,\"title\":\"unauthorized\",\"detail\":\"wrong client id or secret\"}");
    }
    long now = System.nanoTime();
    String token = "bench-" + tokenSerial.incrementAndGet() + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    tokenExpiry.put(token, now + tokenLifetimeNanos);
    tokenIssuedAt.add(now);
    return json(200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":"
        + tokenLifetimeSeconds + "}");
  }

  private static String text(JsonObject object, String name) {
    JsonElement value = object.get(name);
    return value == null || !value.isJsonPrimitive() ? null : value.getAsString();
  }

  private static int intParam(HttpUrl url, String name, int otherwise) {
    String value = url.queryParameter(name);
    try {
      return value == null ? otherwise : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", JSON).body(body).build();
  }

  @Override
  public void close() {
    server.close();
  }

  /** Serves until killed: {@code LoopbackServer [totalSources] [tokenLifetimeSeconds]}; prints the base URL. */
  public static void main(String[] args) throws Exception {
    long total = args.length > 0 ? Long.parseLong(args[0]) : 100_000;
    int lifetime = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    LoopbackServer server = start(total, lifetime);
    System.out.println(server.baseUrl());
    Thread.currentThread().join();
  }
}
