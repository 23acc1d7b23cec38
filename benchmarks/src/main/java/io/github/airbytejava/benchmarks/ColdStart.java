package io.github.airbytejava.benchmarks;

import com.google.gson.Gson;
import io.github.airbytejava.AirbyteClient;
import io.github.airbytejava.Credentials;
import io.github.airbytejava.generated.invoker.JSON;
import io.github.airbytejava.generated.model.SourcesResponse;
import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * One cold start, as a whole process: build a client and make its first call (list 100 sources with a static
 * bearer token), then exit. {@code ColdStart MODE BASE_URL}, where MODE is
 * <ul>
 *   <li>{@code client}: {@code AirbyteClient.builder()...build()}, then
 *       {@code client.sources().listSources().limit(100).execute()};
 *   <li>{@code floor}: {@code new OkHttpClient()} and {@code new Gson()}, the same request, parsed into small
 *       hand-written classes;
 *   <li>{@code client-steps} and {@code floor-steps}: the same, timing each step separately and paying the costs one
 *       at a time (OkHttp first, then the generated JSON set-up, then the model classes), to tell where the time goes.
 * </ul>
 * The measured modes touch nothing else (not even JMX, whose classes would cost time and memory): the parent
 * measures the process from the outside. Prints {@code RESULT {...}} with times in ms since {@code main} began.
 */
public final class ColdStart {
  /** {@code -Dcoldstart.trace=true}: mark the end of each step on stdout, to split {@code -verbose:class} output. */
  private static final boolean TRACE = Boolean.getBoolean("coldstart.trace");

  private ColdStart() {}

  public static void main(String[] args) throws Exception {
    long mainAt = System.nanoTime();
    String mode = args[0];
    String baseUrl = args[1];
    Map<String, Double> steps = new LinkedHashMap<>();
    int items;
    switch (mode) {
      case "client": {
        AirbyteClient client = AirbyteClient.builder()
            .baseUrl(baseUrl)
            .credentials(Credentials.bearerToken(LoopbackServer.STATIC_TOKEN))
            .build();
        steps.put("built", ms(mainAt));
        items = client.sources().listSources().limit(100).execute().getData().size();
        steps.put("firstCall", ms(mainAt));
        client.close();
        break;
      }
      case "floor": {
        OkHttpClient http = new OkHttpClient();
        Gson gson = new Gson();
        steps.put("built", ms(mainAt));
        items = floorCall(http, gson, baseUrl);
        steps.put("firstCall", ms(mainAt));
        close(http);
        break;
      }
      case "client-steps": {
        long at = System.nanoTime();
        new OkHttpClient(); // OkHttp, okio and Kotlin classes, the platform's TLS trust manager
        at = step(steps, "new OkHttpClient() (OkHttp, okio, Kotlin, TLS trust store)", at);
        JSON.getGson();
        at = step(steps, "JSON class init (Gson, one adapter factory for the models)", at);
        JSON.getGson().getAdapter(SourcesResponse.class);
        at = step(steps, "first Gson adapter (loads the models the listing needs)", at);
        AirbyteClient client = AirbyteClient.builder()
            .baseUrl(baseUrl)
            .credentials(Credentials.bearerToken(LoopbackServer.STATIC_TOKEN))
            .build();
        at = step(steps, "AirbyteClient.builder()...build()", at);
        client.sources();
        at = step(steps, "client.sources(): OkHttp clients, interceptors, ApiClient", at);
        items = client.sources().listSources().limit(100).execute().getData().size();
        at = step(steps, "first listSources (connect, request, parse)", at);
        client.sources().listSources().limit(100).execute();
        step(steps, "second listSources, for comparison", at);
        client.close();
        break;
      }
      case "floor-steps": {
        long at = System.nanoTime();
        OkHttpClient http = new OkHttpClient();
        at = step(steps, "new OkHttpClient() (OkHttp, okio, Kotlin, TLS trust store)", at);
        Gson gson = new Gson();
        at = step(steps, "new Gson()", at);
        items = floorCall(http, gson, baseUrl);
        at = step(steps, "first call (connect, request, parse)", at);
        floorCall(http, gson, baseUrl);
        step(steps, "second call, for comparison", at);
        close(http);
        break;
      }
      default:
        throw new IllegalArgumentException("mode: client, floor, client-steps or floor-steps");
    }
    if (items != 100) throw new IllegalStateException("expected 100 sources, got " + items);
    StringBuilder json = new StringBuilder("{");
    if (mode.endsWith("-steps")) {
      // Only now, after everything measured: JVM start to main, from the JVM's uptime.
      long uptimeMs = ManagementFactory.getRuntimeMXBean().getUptime();
      json.append("\"jvmStartToMain\":").append(String.format("%.1f", uptimeMs - ms(mainAt)));
    }
    steps.forEach((name, value) -> json.append(json.length() > 1 ? "," : "")
        .append('"').append(name).append("\":").append(String.format("%.1f", value)));
    System.out.println("RESULT " + json.append('}'));
  }

  private static int floorCall(OkHttpClient http, Gson gson, String baseUrl) throws IOException {
    Request request = new Request.Builder()
        .url(HttpUrl.get(baseUrl + "/sources?limit=100&offset=0"))
        .header("Authorization", "Bearer " + LoopbackServer.STATIC_TOKEN)
        .header("Accept", "application/json")
        .build();
    try (Response response = http.newCall(request).execute(); Reader body = response.body().charStream()) {
      if (!response.isSuccessful()) throw new IOException("HTTP " + response.code());
      return gson.fromJson(body, PlainModels.Page.class).data.size();
    }
  }

  private static void close(OkHttpClient http) {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  private static double ms(long since) {
    return (System.nanoTime() - since) / 1e6;
  }

  private static long step(Map<String, Double> steps, String name, long since) {
    long now = System.nanoTime();
    if (TRACE) System.out.println("STEP done: " + name); // between the -verbose:class lines of each step
    steps.put(name, (now - since) / 1e6);
    return now;
  }
}
