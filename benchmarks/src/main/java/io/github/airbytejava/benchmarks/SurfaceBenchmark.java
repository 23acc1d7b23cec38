package io.github.airbytejava.benchmarks;

import io.github.airbytejava.AirbyteClient;
import io.github.airbytejava.Credentials;
import io.github.airbytejava.RequestOptions;
import io.github.airbytejava.RetryPolicy;
import io.github.airbytejava.generated.api.SourcesApi;
import io.github.airbytejava.generated.invoker.ApiOperation;
import io.github.airbytejava.generated.invoker.ApiTransport;
import io.github.airbytejava.generated.model.SourcesResponse;
import java.io.IOException;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the client's surface costs (time per call; {@code -prof gc} counts the allocations):
 *
 * <ul>
 *   <li>{@code requestObject} and {@code direct}: listing 100 sources from a loopback server through the request
 *       object ({@code client.sources().listSources().limit(100).execute()}), and the same request built by hand
 *       and sent through the same client's transport, which is what the request object does in the end. The
 *       difference is the request object's own work: the object, the argument checks, building the URL.
 *   <li>{@code requestObjectNoIo} and {@code directNoIo}: the same two, sent to a transport that does nothing: the
 *       request object's own work alone, in nanoseconds.
 *   <li>{@code withOptions}: deriving a scoped client with a timeout, a retry policy and a header; no call.
 *   <li>{@code scopedCall}: a call through a client derived for it, as a per-call option reads.
 * </ul>
 *
 * <p>The client uses client credentials against the loopback token endpoint: {@code Suite} checks afterwards that
 * the derivations made no token request (the server saw only the first token).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class SurfaceBenchmark {
  /** The operation, as the generated request object tags its request. */
  private static final ApiOperation LIST_SOURCES = new ApiOperation("listSources", "GET", "/sources", true);

  @Param("")
  public String baseUrl;

  private LoopbackServer ownServer;
  private AirbyteClient client;
  private ApiTransport transport;
  private HttpUrl base;
  private RequestOptions options;
  private final ApiTransport nothing = new NoTransport();
  private final SourcesApi nothingSources = new SourcesApi(nothing);

  @Setup
  public void setUp() throws IOException, ReflectiveOperationException {
    String url = baseUrl;
    if (url == null || url.isEmpty()) {
      ownServer = LoopbackServer.start(100, 3600);
      url = ownServer.baseUrl();
    }
    client = AirbyteClient.builder().baseUrl(url)
        .credentials(Credentials.clientCredentials(LoopbackServer.CLIENT_ID, LoopbackServer.CLIENT_SECRET)).build();
    base = HttpUrl.get(url);
    // The transport every API object of the client sends through. Not public API (a second way to call every
    // operation would be one too many); read here only to measure the request object against it.
    transport = transportOf(client);
    options = RequestOptions.builder().timeout(Duration.ofSeconds(30)).retries(RetryPolicy.none())
        .header("X-Request-Id", "benchmark").build();
    client.sources().listSources().limit(1).execute(); // the token, once
  }

  @TearDown
  public void tearDown() {
    client.close();
    if (ownServer != null) ownServer.close();
  }

  @Benchmark
  public SourcesResponse requestObject() {
    return client.sources().listSources().limit(100).execute();
  }

  @Benchmark
  public SourcesResponse direct() {
    return direct(transport, base);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public SourcesResponse requestObjectNoIo() {
    return nothingSources.listSources().limit(100).execute();
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public SourcesResponse directNoIo() {
    return direct(nothing, base);
  }

  /** The request {@code listSources().limit(100)} builds, made by hand and sent through {@code transport}. */
  static SourcesResponse direct(ApiTransport transport, HttpUrl base) {
    Request request = new Request.Builder()
        .url(base.newBuilder().addPathSegment("sources").addQueryParameter("limit", "100").build())
        .tag(ApiOperation.class, LIST_SOURCES)
        .header("Accept", "application/json")
        .build();
    return transport.execute(LIST_SOURCES, request, SourcesResponse.class);
  }

  /**
   * The transport every API object of {@code client} sends through. Not public API (a second way to call every
   * operation would be one too many); read here only to measure the request object against it.
   */
  static ApiTransport transportOf(AirbyteClient client) throws ReflectiveOperationException {
    Field field = SourcesApi.class.getDeclaredField("transport");
    field.setAccessible(true);
    return (ApiTransport) field.get(client.sources());
  }

  /** Sends nothing: what is left to measure is building the request. */
  private static final class NoTransport implements ApiTransport {
    private static final HttpUrl BASE = HttpUrl.get("http://127.0.0.1:1/v1");
    /** Where each request goes, so that building it cannot be optimized away. */
    Request last;

    @Override
    public HttpUrl baseUrl() {
      return BASE;
    }

    @Override
    public <T> T execute(ApiOperation operation, Request request, java.lang.reflect.Type type) {
      last = request;
      return null;
    }

    @Override
    public <T> io.github.airbytejava.generated.invoker.ApiResponse<T> executeRaw(ApiOperation operation,
        Request request, java.lang.reflect.Type type) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <T> java.util.concurrent.CompletableFuture<T> executeAsync(ApiOperation operation, Request request,
        java.lang.reflect.Type type) {
      throw new UnsupportedOperationException();
    }
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public AirbyteClient withOptions() {
    return client.withOptions(options);
  }

  @Benchmark
  public SourcesResponse scopedCall() {
    return client.withOptions(options).sources().listSources().limit(100).execute();
  }
}
