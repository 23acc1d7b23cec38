package io.github.airbytejava.benchmarks;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.ToNumberPolicy;
import io.github.airbytejava.generated.invoker.JSON;
import io.github.airbytejava.generated.model.SourcesResponse;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsing a 100-item list response, without any HTTP: into the generated models with the generated Gson (what the
 * client does), and, as a floor, with a plain Gson into small hand-written classes. The generated models read each
 * object into a JSON tree, validate it, then bind it; the difference is that cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class DeserializationBenchmark {
  private String page;
  private Gson plain;

  @Setup
  public void setUp() {
    page = Fixtures.sourcesPage(0, 100, 100, "http://127.0.0.1/v1/sources?limit=100&offset=100");
    // The number policy the generated JSON uses, so that both keep 5432 as a Long.
    plain = new GsonBuilder().setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE).create();
  }

  @Benchmark
  public SourcesResponse parse100Sources() {
    return JSON.getGson().fromJson(page, SourcesResponse.class);
  }

  @Benchmark
  public PlainModels.Page parse100SourcesPlainGson() {
    return plain.fromJson(page, PlainModels.Page.class);
  }
}
