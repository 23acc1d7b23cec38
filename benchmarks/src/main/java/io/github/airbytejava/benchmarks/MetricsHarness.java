package io.github.airbytejava.benchmarks;

import io.github.airbytejava.AirbyteClient;
import io.github.airbytejava.AirbyteListener;
import io.github.airbytejava.Credentials;
import io.github.airbytejava.spring.MicrometerAirbyteListener;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import okhttp3.OkHttpClient;

/**
 * The Spring Boot starter's Micrometer bridge against no listener, over loopback, interleaved:
 * {@code MetricsHarness BASE_URL ROUNDS} lists 100 sources through two clients on one OkHttp connection pool, one with
 * {@link MicrometerAirbyteListener} on a {@link SimpleMeterRegistry} and one without a listener, in the order metered,
 * plain, plain, metered, after as many rounds of warm-up; then times the listener alone (start and end events, no
 * I/O). Prints {@code RESULT {"meteredNanos": median, "plainNanos": median, "listenerNanos": median, ...}}.
 */
public final class MetricsHarness {
  private MetricsHarness() {}

  public static void main(String[] args) throws Exception {
    String baseUrl = args[0];
    int rounds = Integer.parseInt(args[1]);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    MicrometerAirbyteListener listener = new MicrometerAirbyteListener(registry);
    // One connection pool for both: they take turns on the same loopback connection, so that neither is measured on a
    // connection (and a server thread) of its own, which alone moved the ratio by a few per cent from run to run.
    OkHttpClient shared = new OkHttpClient();
    try (AirbyteClient plain = client(baseUrl).okHttpClient(shared).build();
        AirbyteClient metered = client(baseUrl).okHttpClient(shared).listener(listener).build()) {
      long[] withMetrics = new long[2 * rounds];
      long[] without = new long[2 * rounds];
      for (int pass = 0; pass < 2; pass++) { // the first pass warms up
        for (int i = 0; i < rounds; i++) {
          long t0 = System.nanoTime();
          metered.sources().listSources().limit(100).execute();
          long t1 = System.nanoTime();
          plain.sources().listSources().limit(100).execute();
          long t2 = System.nanoTime();
          plain.sources().listSources().limit(100).execute();
          long t3 = System.nanoTime();
          metered.sources().listSources().limit(100).execute();
          long t4 = System.nanoTime();
          withMetrics[2 * i] = t1 - t0;
          without[2 * i] = t2 - t1;
          without[2 * i + 1] = t3 - t2;
          withMetrics[2 * i + 1] = t4 - t3;
        }
      }
      long recorded = registry.get("airbyte.client.requests").timer().count();
      System.out.printf("RESULT {\"meteredNanos\":%d,\"plainNanos\":%d,\"listenerNanos\":%d,\"calls\":%d,"
          + "\"recorded\":%d}%n", SurfaceHarness.median(withMetrics), SurfaceHarness.median(without),
          listenerAlone(listener), 4 * rounds, recorded);
    }
  }

  private static AirbyteClient.Builder client(String baseUrl) {
    return AirbyteClient.builder().baseUrl(baseUrl).credentials(Credentials.bearerToken(LoopbackServer.STATIC_TOKEN));
  }

  /** The listener's own work per call (the events a call makes), median of 50 batches of 20,000. */
  private static long listenerAlone(AirbyteListener listener) {
    Instant now = Instant.now();
    AirbyteListener.RequestStart start = new AirbyteListener.RequestStart("listSources", "GET", "/v1/sources", now);
    AirbyteListener.RequestEnd end = new AirbyteListener.RequestEnd("listSources", "GET", "/v1/sources", now,
        Duration.ofNanos(250_000), 200, null);
    long[] batches = new long[100];
    int batch = 20_000;
    for (int b = 0; b < batches.length; b++) { // the first half warms up
      long t0 = System.nanoTime();
      for (int i = 0; i < batch; i++) {
        listener.onRequestStart(start);
        listener.onRequestEnd(end);
      }
      batches[b] = (System.nanoTime() - t0) / batch;
    }
    return SurfaceHarness.median(Arrays.copyOfRange(batches, 50, 100));
  }
}
