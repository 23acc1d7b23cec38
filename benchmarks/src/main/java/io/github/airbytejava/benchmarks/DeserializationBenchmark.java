package io.github.airbytejava.benchmarks;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.ToNumberPolicy;
import io.github.airbytejava.generated.invoker.JSON;
import io.github.airbytejava.generated.model.JobsResponse;
import io.github.airbytejava.generated.model.SourceCreateRequest;
import io.github.airbytejava.generated.model.SourcesResponse;
import java.util.UUID;
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
 * The generated models' JSON, without any HTTP, against a floor of plain Gson and small hand-written classes (the
 * same Gson number policy, so both keep 5432 as a Long): parsing a 100-source page and a 100-job page, and writing a
 * source create request with a 20-field connector configuration.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class DeserializationBenchmark {
  private static final UUID DEFINITION = UUID.fromString("decd338e-5647-4c0b-adf4-da0e75f5a750");
  private static final UUID WORKSPACE = UUID.fromString("9e6f7a9c-3b7e-4b43-a7c8-2e4b1a8f0d11");

  private String sourcesPage;
  private String jobsPage;
  private Gson plain;
  private SourceCreateRequest create;
  private PlainModels.SourceCreate plainCreate;

  @Setup
  public void setUp() {
    sourcesPage = Fixtures.sourcesPage(0, 100, 100, "http://127.0.0.1/v1/sources?limit=100&offset=100");
    jobsPage = Fixtures.jobsPage(100);
    plain = new GsonBuilder().setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE).create();
    create = new SourceCreateRequest().name("postgres-analytics").definitionId(DEFINITION).workspaceId(WORKSPACE)
        .configuration(Fixtures.configuration20());
    plainCreate = new PlainModels.SourceCreate();
    plainCreate.name = create.getName();
    plainCreate.definitionId = DEFINITION;
    plainCreate.workspaceId = WORKSPACE;
    plainCreate.configuration = Fixtures.configuration20();
    if (!JSON.getGson().toJson(create).equals(plain.toJson(plainCreate))) {
      throw new IllegalStateException("the two serializations differ: " + JSON.getGson().toJson(create));
    }
  }

  @Benchmark
  public SourcesResponse parse100Sources() {
    return JSON.getGson().fromJson(sourcesPage, SourcesResponse.class);
  }

  @Benchmark
  public PlainModels.Page parse100SourcesPlainGson() {
    return plain.fromJson(sourcesPage, PlainModels.Page.class);
  }

  @Benchmark
  public JobsResponse parse100Jobs() {
    return JSON.getGson().fromJson(jobsPage, JobsResponse.class);
  }

  @Benchmark
  public PlainModels.JobsPage parse100JobsPlainGson() {
    return plain.fromJson(jobsPage, PlainModels.JobsPage.class);
  }

  @Benchmark
  public String serializeSourceCreate() {
    return JSON.getGson().toJson(create);
  }

  @Benchmark
  public String serializeSourceCreatePlainGson() {
    return plain.toJson(plainCreate);
  }
}
