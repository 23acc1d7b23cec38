package io.github.airbytejava.benchmarks;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.ToNumberPolicy;
import io.github.airbytejava.AirbyteClient;
import io.github.airbytejava.Credentials;
import io.github.airbytejava.generated.invoker.JSON;
import io.github.airbytejava.generated.model.SourcesResponse;
import java.io.IOException;
import java.io.Reader;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
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
 * Listing 100 sources from a loopback server: the client ({@code client.sources().listSources().limit(100).execute()}
 * with a static bearer token) against the floor, a hand-written call on one shared OkHttpClient that parses the same
 * JSON with a plain Gson into hand-written classes ({@link PlainModels}); and, to tell the wrapper's cost from the
 * models', the same hand-written call parsed into the generated models.
 *
 * <p>{@code baseUrl} is the server to call; {@code benchmarks/run} passes one served by its own JVM, so that
 * {@code -prof gc} (which counts the allocations of every thread in the JVM) counts the client's alone. Empty (the
 * default, for running this class by hand) starts a server in this JVM.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class ListSourcesBenchmark {
  @Param("")
  public String baseUrl;

  private LoopbackServer ownServer;
  private OkHttpClient floorHttp;
  private Gson plainGson;
  private Request floorRequest;
  private AirbyteClient client;

  @Setup
  public void setUp() throws IOException {
    String url = baseUrl;
    if (url == null || url.isEmpty()) {
      ownServer = LoopbackServer.start(100, 180);
      url = ownServer.baseUrl();
    }
    floorHttp = new OkHttpClient();
    // The number policy the generated JSON uses, so that both keep 5432 as a Long.
    plainGson = new GsonBuilder().setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE).create();
    floorRequest = new Request.Builder()
        .url(HttpUrl.get(url + "/sources").newBuilder()
            .addQueryParameter("limit", "100").addQueryParameter("offset", "0").build())
        .header("Authorization", "Bearer " + LoopbackServer.STATIC_TOKEN)
        .header("Accept", "application/json")
        .build();
    client = AirbyteClient.builder()
        .baseUrl(url)
        .credentials(Credentials.bearerToken(LoopbackServer.STATIC_TOKEN))
        .build();
  }

  @TearDown
  public void tearDown() {
    floorHttp.dispatcher().executorService().shutdown();
    floorHttp.connectionPool().evictAll();
    client.close();
    if (ownServer != null) ownServer.close();
  }

  /** The floor: OkHttp and a plain Gson into hand-written classes, what a call costs at the least. */
  @Benchmark
  public PlainModels.Page floor() throws IOException {
    try (Response response = floorHttp.newCall(floorRequest).execute(); Reader body = response.body().charStream()) {
      if (!response.isSuccessful()) {
        throw new IOException("HTTP " + response.code());
      }
      return plainGson.fromJson(body, PlainModels.Page.class);
    }
  }

  /** The same call parsed into the generated models: the client's cost above it is the wrapper's alone. */
  @Benchmark
  public SourcesResponse floorGeneratedModels() throws IOException {
    try (Response response = floorHttp.newCall(floorRequest).execute(); Reader body = response.body().charStream()) {
      if (!response.isSuccessful()) {
        throw new IOException("HTTP " + response.code());
      }
      return JSON.getGson().fromJson(body, SourcesResponse.class);
    }
  }

  @Benchmark
  public SourcesResponse client() {
    return client.sources().listSources().limit(100).execute();
  }
}
