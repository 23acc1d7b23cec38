package io.github.airbytejava.benchmarks;

import io.github.airbytejava.connectors.ConfigurationProblem;
import io.github.airbytejava.connectors.Connector;
import io.github.airbytejava.connectors.Connectors;
import io.github.airbytejava.connectors.SourceConfiguration;
import io.github.airbytejava.connectors.sources.SourcePostgres;
import io.github.airbytejava.generated.invoker.JSON;
import io.github.airbytejava.generated.model.SourceResponse;
import io.github.airbytejava.generated.model.SourcesResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * airbyte-connectors: reading a 100-source page with a typed configuration view of each source, against the same
 * page without them (no HTTP: the ratio is then the views' whole cost, not diluted by the transport), and validating
 * one Postgres configuration (SSL mode, replication method and SSH tunnel variants).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class ConnectorsBenchmark {
  private String page;
  private Connector postgres;
  private Map<String, Object> configuration;

  @Setup
  public void setUp() {
    page = Fixtures.sourcesPage(0, 100, 100, "http://127.0.0.1/v1/sources?limit=100&offset=100");
    postgres = Connectors.source("postgres");
    configuration = SourcePostgres.builder()
        .host("db.internal").port(5432).database("app").username("airbyte").password("secret")
        .schemas(List.of("public", "sales"))
        .sslMode(SourcePostgres.SslMode.verifyCa().caCertificate("-----BEGIN CERTIFICATE-----").build())
        .replicationMethod(SourcePostgres.ReplicationMethod.cdc().replicationSlot("slot").publication("pub")
            .initialWaitingSeconds(300).build())
        .tunnelMethod(SourcePostgres.TunnelMethod.sshKeyAuth().tunnelHost("bastion").tunnelPort(22)
            .tunnelUser("me").sshKey("-----BEGIN RSA PRIVATE KEY-----").build())
        .build().toMap();
    if (!postgres.problems(configuration).isEmpty()) {
      throw new IllegalStateException("the benchmark's configuration is invalid: " + postgres.problems(configuration));
    }
  }

  @Benchmark
  public SourcesResponse page100() {
    return JSON.getGson().fromJson(page, SourcesResponse.class);
  }

  @Benchmark
  public List<SourceConfiguration> page100TypedViews() {
    SourcesResponse response = JSON.getGson().fromJson(page, SourcesResponse.class);
    List<SourceConfiguration> views = new ArrayList<>(response.getData().size());
    for (SourceResponse source : response.getData()) {
      views.add(SourceConfiguration.of(source));
    }
    return views;
  }

  @Benchmark
  public List<ConfigurationProblem> validatePostgres() {
    return postgres.problems(configuration);
  }
}
