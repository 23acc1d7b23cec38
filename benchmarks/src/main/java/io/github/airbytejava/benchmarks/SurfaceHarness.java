package io.github.airbytejava.benchmarks;

import io.github.airbytejava.AirbyteClient;
import io.github.airbytejava.Credentials;
import io.github.airbytejava.generated.invoker.ApiTransport;
import java.util.Arrays;
import okhttp3.HttpUrl;

/**
 * The request object against the direct call over loopback, interleaved: {@code SurfaceHarness BASE_URL ROUNDS}
 * makes {@code ROUNDS} rounds of four calls in the order request object, direct, direct, request object, timing each
 * with {@link System#nanoTime()}, after as many rounds of warm-up. On a shared machine the load drifts between two
 * JMH benchmarks run one after the other; side by side, call by call, it moves both alike. Prints one line:
 * {@code RESULT {"requestObjectNanos": median, "directNanos": median}}.
 */
public final class SurfaceHarness {
  private SurfaceHarness() {}

  public static void main(String[] args) throws Exception {
    String baseUrl = args[0];
    int rounds = Integer.parseInt(args[1]);
    try (AirbyteClient client = AirbyteClient.builder().baseUrl(baseUrl)
        .credentials(Credentials.bearerToken(LoopbackServer.STATIC_TOKEN)).build()) {
      ApiTransport transport = SurfaceBenchmark.transportOf(client);
      HttpUrl base = HttpUrl.get(baseUrl);
      long[] object = new long[2 * rounds];
      long[] direct = new long[2 * rounds];
      for (int pass = 0; pass < 2; pass++) { // the first pass warms up
        for (int i = 0; i < rounds; i++) {
          long t0 = System.nanoTime();
          client.sources().listSources().limit(100).execute();
          long t1 = System.nanoTime();
          SurfaceBenchmark.direct(transport, base);
          long t2 = System.nanoTime();
          SurfaceBenchmark.direct(transport, base);
          long t3 = System.nanoTime();
          client.sources().listSources().limit(100).execute();
          long t4 = System.nanoTime();
          object[2 * i] = t1 - t0;
          direct[2 * i] = t2 - t1;
          direct[2 * i + 1] = t3 - t2;
          object[2 * i + 1] = t4 - t3;
        }
      }
      System.out.printf("RESULT {\"requestObjectNanos\":%d,\"directNanos\":%d,\"calls\":%d}%n", median(object),
          median(direct), 4 * rounds);
    }
  }

  static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
