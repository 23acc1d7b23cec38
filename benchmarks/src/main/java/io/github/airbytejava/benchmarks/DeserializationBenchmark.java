package io.github.airbytejava.benchmarks;

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

/** Parsing a 100-item list response into the generated models, without any HTTP. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class DeserializationBenchmark {
  private String page;

  @Setup
  public void setUp() {
    page = Fixtures.sourcesPage(0, 100, 100, "http://127.0.0.1/v1/sources?limit=100&offset=100");
  }

  @Benchmark
  public SourcesResponse parse100Sources() {
    return JSON.getGson().fromJson(page, SourcesResponse.class);
  }
}
