package io.github.airbytejava.benchmarks;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.ToNumberPolicy;
import io.github.airbytejava.AirbyteClient;
import io.github.airbytejava.Credentials;
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
 * hand-written loop (one OkHttpClient, a plain Gson into hand-written classes, 100 per page, stopping after a short
 * page, as the client does). Prints one line: {@code RESULT {...}}.
 */
public final class PaginateHarness {
  private PaginateHarness() {}

  public static void main(String[] args) throws Exception {
    String baseUrl = args[0];
    String mode = args[1];
    AtomicLong items = new AtomicLong();
    AtomicLong outOfOrder = new AtomicLong();
    Consumer<String> check = name -> {
      // The server names source n "postgres-n": each must come once, in order.
      if (!("postgres-" + items.getAndIncrement()).equals(name)) outOfOrder.incrementAndGet();
    };
    long start = System.nanoTime();
    if (mode.equals("client")) {
      try (AirbyteClient client = AirbyteClient.builder()
          .baseUrl(baseUrl)
          .credentials(Credentials.bearerToken(LoopbackServer.STATIC_TOKEN))
          .build()) {
        client.paginate().sources().forEach(source -> check.accept(source.getName()));
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

  private static void floor(String baseUrl, Consumer<String> each) throws IOException {
    OkHttpClient http = new OkHttpClient();
    Gson gson = new GsonBuilder().setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE).create();
    HttpUrl url = HttpUrl.get(baseUrl + "/sources");
    int offset = 0;
    while (true) {
      Request request = new Request.Builder()
          .url(url.newBuilder().addQueryParameter("limit", "100").addQueryParameter("offset", Integer.toString(offset))
              .build())
          .header("Authorization", "Bearer " + LoopbackServer.STATIC_TOKEN)
          .header("Accept", "application/json")
          .build();
      PlainModels.Page page;
      try (Response response = http.newCall(request).execute(); Reader body = response.body().charStream()) {
        if (!response.isSuccessful()) throw new IOException("HTTP " + response.code());
        page = gson.fromJson(body, PlainModels.Page.class);
      }
      int count = page.data == null ? 0 : page.data.size();
      for (int i = 0; i < count; i++) each.accept(page.data.get(i).name);
      offset += count;
      if (count < 100) break;
    }
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
