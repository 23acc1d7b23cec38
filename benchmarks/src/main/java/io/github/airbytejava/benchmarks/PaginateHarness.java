package io.github.airbytejava.benchmarks;

import io.github.airbytejava.AirbyteClient;
import io.github.airbytejava.Credentials;
import io.github.airbytejava.generated.invoker.JSON;
import io.github.airbytejava.generated.model.SourceResponse;
import io.github.airbytejava.generated.model.SourcesResponse;
import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Streams every source of a loopback server, in a JVM started with a small heap ({@code benchmarks/run} uses
 * {@code -Xmx64m}); the server runs in the parent JVM and counts the requests.
 *
 * <p>{@code PaginateHarness BASE_URL client|floor}: the client is {@code client.paginate().sources()}; the floor is a
 * hand-written loop (one OkHttpClient, the generated Gson and models, 100 per page, stopping after a short page, as
 * the client does). Prints one line: {@code RESULT {...}}.
 */
public final class PaginateHarness {
  private PaginateHarness() {}

  public static void main(String[] args) throws Exception {
    String baseUrl = args[0];
    String mode = args[1];
    AtomicLong items = new AtomicLong();
    AtomicLong outOfOrder = new AtomicLong();
    Consumer<SourceResponse> check = source -> {
      // The server names source n "postgres-n": each must come once, in order.
      if (!("postgres-" + items.getAndIncrement()).equals(source.getName())) outOfOrder.incrementAndGet();
    };
    long start = System.nanoTime();
    if (mode.equals("client")) {
      try (AirbyteClient client = AirbyteClient.builder()
          .baseUrl(baseUrl)
          .credentials(Credentials.bearerToken(LoopbackServer.STATIC_TOKEN))
          .build()) {
        client.paginate().sources().forEach(check);
      }
    } else {
      floor(baseUrl, check);
    }
    long elapsedNanos = System.nanoTime() - start;
    long peakHeap = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) peakHeap += pool.getPeakUsage().getUsed();
    }
    System.out.printf("RESULT {\"items\":%d,\"outOfOrder\":%d,\"seconds\":%.3f,\"peakHeapBytes\":%d,"
        + "\"maxHeapBytes\":%d}%n", items.get(), outOfOrder.get(), elapsedNanos / 1e9, peakHeap,
        Runtime.getRuntime().maxMemory());
  }

  private static void floor(String baseUrl, Consumer<SourceResponse> each) throws IOException {
    OkHttpClient http = new OkHttpClient();
    HttpUrl url = HttpUrl.get(baseUrl + "/sources");
    int offset = 0;
    while (true) {
      Request request = new Request.Builder()
          .url(url.newBuilder().addQueryParameter("limit", "100").addQueryParameter("offset", Integer.toString(offset))
              .build())
          .header("Authorization", "Bearer " + LoopbackServer.STATIC_TOKEN)
          .header("Accept", "application/json")
          .build();
      SourcesResponse page;
      try (Response response = http.newCall(request).execute(); Reader body = response.body().charStream()) {
        if (!response.isSuccessful()) throw new IOException("HTTP " + response.code());
        page = JSON.getGson().fromJson(body, SourcesResponse.class);
      }
      int count = page.getData() == null ? 0 : page.getData().size();
      if (count > 0) page.getData().forEach(each);
      offset += count;
      if (count < 100) break;
    }
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
