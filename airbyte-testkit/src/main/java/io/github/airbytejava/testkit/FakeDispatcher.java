package io.github.airbytejava.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;

/**
 * Turns each request MockWebServer reads into an answer: records it, applies a queued fault, checks it against the
 * spec, lets {@link Api} answer, checks the answer. Runs on MockWebServer's connection threads.
 */
final class FakeDispatcher extends Dispatcher {

  private static final String TOKEN_PATH = "/applications/token";
  /** HTTP's date (RFC 9110, IMF-fixdate), as servers send it in {@code Date}. */
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

  private final Api api;
  private final Faults faults;
  private final Conformance conformance;
  private final String basePath;
  private final Consumer<String> mismatchListener;
  private final Clock clock;

  private final List<ReceivedRequest> requests = Collections.synchronizedList(new ArrayList<>());
  private final List<String> mismatches = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger tokenRequests = new AtomicInteger();
  private volatile UnaryOperator<String> tamper;
  private volatile long latencyMillis;

  /**
   * Set by {@link #peek()} on the connection thread that will dispatch next, when MockWebServer was told to leave the
   * body unread for a {@link Fault#disconnectBeforeBody()}; {@link #dispatch} on that thread then drops the connection.
   */
  private final ThreadLocal<Boolean> bodySkipped = new ThreadLocal<>();

  FakeDispatcher(Api api, Faults faults, Conformance conformance, String basePath, Consumer<String> mismatchListener,
      Clock clock) {
    this.api = api;
    this.clock = clock;
    this.faults = faults;
    this.conformance = conformance;
    this.basePath = basePath;
    this.mismatchListener = mismatchListener;
  }

  @Override
  public MockResponse peek() {
    bodySkipped.remove();
    if (faults.beforeBodyFirst()) {
      bodySkipped.set(Boolean.TRUE);
      return new MockResponse.Builder().doNotReadRequestBody().build();
    }
    return super.peek();
  }

  @Override
  public MockResponse dispatch(RecordedRequest recorded) {
    boolean skipped = Boolean.TRUE.equals(bodySkipped.get());
    bodySkipped.remove();
    HttpUrl url = recorded.getUrl();
    String method = recorded.getMethod() == null ? "" : recorded.getMethod().toUpperCase(Locale.ROOT);
    String path = url.encodedPath();
    String apiPath = path.startsWith(basePath + "/") || path.equals(basePath) ? path.substring(basePath.length()) : null;
    ReceivedRequest request = new ReceivedRequest(method, path, url.encodedQuery(), headers(recorded),
        recorded.getBody() == null ? "" : recorded.getBody().string(StandardCharsets.UTF_8));
    requests.add(request);
    if (TOKEN_PATH.equals(apiPath)) {
      tokenRequests.incrementAndGet();
    }
    if (skipped) {
      faults.takeBeforeBody();
      return drop();
    }
    if (path.startsWith(ConfigApi.ROOT + "/") && (basePath.isEmpty() || !path.startsWith(basePath + "/"))) {
      return configApi(method, path, url, recorded, request);
    }
    if (apiPath == null) {
      // Not under the base path: a client that joined URLs wrongly, e.g. /applications/token without /v1.
      mismatch("request " + request.target() + ": not under the base path " + basePath);
      return toMockResponse(Reply.problem(404, "resource-not-found",
          "No operation at " + path + ": the API is under " + basePath + ".", null));
    }
    if (apiPath.isEmpty()) {
      apiPath = "/";
    }
    Fault fault = faults.take(method, apiPath);

    List<String> requestMismatches = conformance == null ? List.of()
        : conformance.checkRequest(request, url, apiPath);
    requestMismatches.forEach(this::mismatch);

    if (fault != null && fault.kind == Fault.Kind.DISCONNECT) {
      return drop();
    }
    if (fault != null && fault.kind == Fault.Kind.STATUS) {
      return faultResponse(fault);
    }

    Reply reply;
    try {
      reply = api.handle(new Call(method, apiPath, url, recorded.getHeaders().get("Authorization"),
          recorded.getHeaders().get("Content-Type"), request.body()));
    } catch (RuntimeException e) {
      // A bug of the fake: say so in the answer and in the mismatches rather than dropping the connection.
      mismatch("request " + request.target() + ": the fake Airbyte failed: " + e);
      return toMockResponse(Reply.problem(500, "unexpected-problem", "The fake Airbyte failed: " + e, null));
    }
    UnaryOperator<String> rewrite = tamper;
    if (rewrite != null && Reply.JSON.equals(reply.contentType())) {
      reply = reply.withBody(rewrite.apply(reply.body()));
    }
    if (conformance != null && Conformance.knownOperation(requestMismatches)) {
      conformance.checkResponse(request, apiPath, reply).forEach(this::mismatch);
    }

    if (fault != null && fault.kind == Fault.Kind.DISCONNECT_AFTER_PROCESSING) {
      return drop();
    }
    MockResponse response = toMockResponse(reply);
    if (fault != null && fault.kind == Fault.Kind.SLOW) {
      response = response.newBuilder().headersDelay(fault.delay.toMillis(), TimeUnit.MILLISECONDS).build();
    } else if (latencyMillis > 0) {
      // Delayed while the answer is written, on the connection's own thread: concurrent requests wait side by side.
      response = response.newBuilder().headersDelay(latencyMillis, TimeUnit.MILLISECONDS).build();
    }
    return response;
  }

  /**
   * The internal Config API: apart from the public spec's operations (no conformance check, no stubs); faults apply,
   * matched on the full path ({@code /api/v1/jobs/get}).
   */
  private MockResponse configApi(String method, String path, HttpUrl url, RecordedRequest recorded,
      ReceivedRequest request) {
    Fault fault = faults.take(method, path);
    if (fault != null && fault.kind == Fault.Kind.DISCONNECT) {
      return drop();
    }
    if (fault != null && fault.kind == Fault.Kind.STATUS) {
      return faultResponse(fault);
    }
    Reply reply = api.handleConfigApi(path.substring(ConfigApi.ROOT.length()), new Call(method, path, url,
        recorded.getHeaders().get("Authorization"), recorded.getHeaders().get("Content-Type"), request.body()));
    if (fault != null && fault.kind == Fault.Kind.DISCONNECT_AFTER_PROCESSING) {
      return drop();
    }
    MockResponse response = toMockResponse(reply);
    if (fault != null && fault.kind == Fault.Kind.SLOW) {
      response = response.newBuilder().headersDelay(fault.delay.toMillis(), TimeUnit.MILLISECONDS).build();
    }
    return response;
  }

  private static Map<String, List<String>> headers(RecordedRequest recorded) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String name : recorded.getHeaders().names()) {
      out.put(name.toLowerCase(Locale.ROOT), List.copyOf(recorded.getHeaders().values(name)));
    }
    return out;
  }

  private static MockResponse drop() {
    return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
  }

  private MockResponse faultResponse(Fault fault) {
    Reply reply;
    if (fault.body != null) {
      reply = new Reply(fault.status, fault.contentType, fault.body, Map.of());
    } else {
      String slug = switch (fault.status) {
        case 429 -> "rate-limited";
        case 500 -> "unexpected-problem";
        case 502, 503, 504 -> "service-unavailable";
        default -> "injected-fault";
      };
      reply = Reply.problem(fault.status, slug, "Injected by the fake Airbyte: " + fault + ".", null);
    }
    MockResponse.Builder builder = toMockResponse(reply).newBuilder();
    if (fault.retryAfterSeconds >= 0) {
      builder.setHeader("Retry-After", Long.toString(fault.retryAfterSeconds));
    }
    return builder.build();
  }

  /** Every answer has a {@code Date} by the fake's clock, as a real server's does (clients check their skew by it). */
  private MockResponse toMockResponse(Reply reply) {
    MockResponse.Builder builder = new MockResponse.Builder().code(reply.status())
        .setHeader("Date", HTTP_DATE.format(clock.instant()));
    if (reply.contentType() != null) {
      builder.setHeader("Content-Type", reply.contentType());
    }
    reply.headers().forEach(builder::setHeader);
    if (!reply.body().isEmpty()) {
      builder.body(reply.body());
    }
    return builder.build();
  }

  private void mismatch(String line) {
    mismatches.add(line);
    if (mismatchListener != null) {
      mismatchListener.accept(line);
    }
  }

  void tamper(UnaryOperator<String> rewrite) {
    this.tamper = rewrite;
  }

  void latency(long millis) {
    this.latencyMillis = millis;
  }

  List<ReceivedRequest> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  int tokenRequestCount() {
    return tokenRequests.get();
  }

  List<String> mismatches() {
    synchronized (mismatches) {
      return List.copyOf(mismatches);
    }
  }

  void clearMismatches() {
    mismatches.clear();
  }

  /** Forgets the requests seen so far (the counters start again from 0). */
  void clearRequests() {
    synchronized (requests) {
      requests.clear();
      tokenRequests.set(0);
    }
  }
}
