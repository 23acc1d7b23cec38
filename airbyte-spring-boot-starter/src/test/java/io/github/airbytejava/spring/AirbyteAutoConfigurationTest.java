package io.github.airbytejava.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.airbytejava.AirbyteClient;
import io.github.airbytejava.AirbyteListener;
import io.github.airbytejava.RetryPolicy;
import io.github.airbytejava.SecretFields;
import io.github.airbytejava.configapi.DetailsUnavailableException;
import io.github.airbytejava.connectors.Connectors;
import io.github.airbytejava.testkit.FakeAirbyte;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Each condition of the auto-configuration, in a context of its own (no server, no application). */
class AirbyteAutoConfigurationTest {
  private static final String SECRET = "s3cr3t-value-0123456789";

  private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
      AutoConfigurations.of(AirbyteMetricsAutoConfiguration.class, AirbyteAutoConfiguration.class,
          AirbyteHealthAutoConfiguration.class));

  @Configuration(proxyBeanMethods = false)
  static class Registry {
    @Bean
    MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnClient {
    @Bean
    AirbyteClient myAirbyteClient() {
      return AirbyteClient.builder().baseUrl("https://airbyte.example.com/api/public/v1").build();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnListener {
    final List<AirbyteListener.RequestEnd> ends = new CopyOnWriteArrayList<>();

    @Bean
    AirbyteListener recordingListener() {
      return new AirbyteListener() {
        @Override
        public void onRequestEnd(RequestEnd end) {
          ends.add(end);
        }
      };
    }
  }

  @Test
  void withoutPropertiesTheClientIsAirbyteCloudsWithTheBuildersDefaults() {
    runner.run(context -> {
      AirbyteClient client = context.getBean(AirbyteClient.class);
      assertThat(client.baseUrl()).isEqualTo("https://api.airbyte.com/v1");
      assertThat(client.readTimeout()).isEqualTo(Duration.ofMinutes(3));
      assertThat(client.retryPolicy()).isEqualTo(RetryPolicy.defaults());
    });
  }

  @Test
  void propertiesConfigureTheClient() {
    runner.withPropertyValues("airbyte.base-url=https://airbyte.example.com/api/public/v1",
        "airbyte.client-id=id", "airbyte.client-secret=" + SECRET, "airbyte.connect-timeout=2s",
        "airbyte.read-timeout=40s", "airbyte.write-timeout=7s", "airbyte.call-timeout=5m",
        "airbyte.user-agent=billing-service/1.2", "airbyte.log-level=basic", "airbyte.retries.max-attempts=2",
        "airbyte.retries.initial-delay=100ms").run(context -> {
          AirbyteClient client = context.getBean(AirbyteClient.class);
          assertThat(client.baseUrl()).isEqualTo("https://airbyte.example.com/api/public/v1");
          assertThat(client.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
          assertThat(client.readTimeout()).isEqualTo(Duration.ofSeconds(40));
          assertThat(client.writeTimeout()).isEqualTo(Duration.ofSeconds(7));
          assertThat(client.callTimeout()).isEqualTo(Duration.ofMinutes(5));
          assertThat(client.userAgent()).isEqualTo("billing-service/1.2");
          assertThat(client.retryPolicy().maxAttempts()).isEqualTo(2);
          assertThat(client.retryPolicy().initialDelay()).isEqualTo(Duration.ofMillis(100));
          assertThat(client.toString()).doesNotContain(SECRET);
          assertThat(context.getBean(AirbyteProperties.class).toString()).doesNotContain(SECRET);
        });
  }

  @Test
  void aSelfManagedHostMeansItsPublicApi() {
    runner.withPropertyValues("airbyte.self-managed-host=http://airbyte.internal:8000", "airbyte.retries.enabled=false")
        .run(context -> {
          AirbyteClient client = context.getBean(AirbyteClient.class);
          assertThat(client.baseUrl()).isEqualTo("http://airbyte.internal:8000/api/public/v1");
          assertThat(client.retryPolicy()).isEqualTo(RetryPolicy.none());
        });
  }

  @Test
  void theApplicationsOwnClientWins() {
    runner.withUserConfiguration(OwnClient.class).withPropertyValues("airbyte.base-url=https://other.example.com/v1")
        .run(context -> {
          assertThat(context).hasSingleBean(AirbyteClient.class);
          assertThat(context.getBean(AirbyteClient.class).baseUrl())
              .isEqualTo("https://airbyte.example.com/api/public/v1");
          assertThat(context).hasBean("myAirbyteClient").hasSingleBean(AirbyteHealthIndicator.class);
        });
  }

  @Test
  void aSecretWithoutItsIdFailsStartupNamingThePropertyNotTheValue() {
    runner.withPropertyValues("airbyte.client-secret=" + SECRET).run(context -> {
      assertThat(context).hasFailed();
      Throwable failure = context.getStartupFailure();
      AirbytePropertyException cause = rootCause(failure, AirbytePropertyException.class);
      assertThat(cause.property()).isEqualTo("airbyte.client-id");
      assertThat(cause.getMessage()).isEqualTo("airbyte.client-id: missing; airbyte.client-secret is set");
      assertNoSecretIn(failure);
    });
  }

  @Test
  void contradictingOrBadPropertiesFailStartupNamingTheProperty() {
    expectFailure("airbyte.access-token", "airbyte.access-token: set either airbyte.client-id and "
        + "airbyte.client-secret, or airbyte.access-token, not both",
        "airbyte.client-id=id", "airbyte.client-secret=" + SECRET, "airbyte.access-token=" + SECRET);
    expectFailure("airbyte.client-secret", "airbyte.client-secret: missing; airbyte.client-id is set",
        "airbyte.client-id=id");
    expectFailure("airbyte.self-managed-host", "airbyte.self-managed-host: set either airbyte.base-url or "
        + "airbyte.self-managed-host, not both",
        "airbyte.base-url=https://a.example.com/v1", "airbyte.self-managed-host=http://b.example.com:8000");
    expectFailure("airbyte.base-url", "airbyte.base-url: baseUrl is not an absolute http or https URL: \"ftp:x\"",
        "airbyte.base-url=ftp:x", "airbyte.access-token=" + SECRET);
    expectFailure("airbyte.read-timeout", "airbyte.read-timeout: ", "airbyte.read-timeout=-1s");
    expectFailure("airbyte.retries.max-attempts", "airbyte.retries.max-attempts: ", "airbyte.retries.max-attempts=0");
    expectFailure("airbyte.fake.enabled", "airbyte.fake.enabled: true, but airbyte-testkit is not on the class path",
        new FilteredClassLoader(FakeAirbyte.class), "airbyte.fake.enabled=true");
  }

  private void expectFailure(String property, String messageStart, String... properties) {
    expectFailure(property, messageStart, null, properties);
  }

  private void expectFailure(String property, String messageStart, ClassLoader loader, String... properties) {
    ApplicationContextRunner failing = loader == null ? runner : runner.withClassLoader(loader);
    failing.withPropertyValues(properties).run(context -> {
      assertThat(context).hasFailed();
      AirbytePropertyException cause = rootCause(context.getStartupFailure(), AirbytePropertyException.class);
      assertThat(cause.property()).isEqualTo(property);
      assertThat(cause.getMessage()).startsWith(messageStart);
      assertNoSecretIn(context.getStartupFailure());
    });
  }

  @Test
  void theFailureReportNamesThePropertyAndHowToFixIt() {
    var analysis = new AirbytePropertyFailureAnalyzer().analyze(new IllegalStateException("wrapped",
        new AirbytePropertyException("airbyte.client-id", "missing; airbyte.client-secret is set", null)));
    assertThat(analysis.getDescription())
        .isEqualTo("The Airbyte client cannot be configured: airbyte.client-id: missing; airbyte.client-secret is set");
    assertThat(analysis.getAction()).startsWith("Correct airbyte.client-id in the application's configuration");
  }

  @Test
  void withARegistryEachCallIsTimedByOperationAndStatusWithoutIds() {
    try (FakeAirbyte fake = FakeAirbyte.start()) {
      fakeRunner(fake).withUserConfiguration(Registry.class).run(context -> {
        assertThat(context).hasSingleBean(MicrometerAirbyteListener.class);
        AirbyteClient client = context.getBean(AirbyteClient.class);
        client.sources().listSources().execute();
        client.workspaces().getWorkspace(fake.defaultWorkspaceId()).execute();

        MeterRegistry registry = context.getBean(MeterRegistry.class);
        Timer list = registry.get("airbyte.client.requests").tag("operation", "listSources").tag("status", "200")
            .tag("outcome", "SUCCESS").tag("method", "GET").timer();
        assertThat(list.count()).isEqualTo(1);
        assertThat(registry.get("airbyte.client.token.refreshes").tag("outcome", "SUCCESS").timer().count())
            .isEqualTo(1);
        // No tag holds an id, a name or a path: a meter per resource would grow without bound.
        registry.getMeters().forEach(meter -> meter.getId().getTags().forEach(tag -> assertThat(tag.getValue())
            .doesNotContain(fake.defaultWorkspaceId().toString()).doesNotContain("/")));
      });
    }
  }

  @Test
  void theApplicationsListenersHearAlongsideTheMetrics() {
    try (FakeAirbyte fake = FakeAirbyte.start()) {
      fakeRunner(fake).withUserConfiguration(Registry.class, OwnListener.class).run(context -> {
        context.getBean(AirbyteClient.class).sources().listSources().execute();
        assertThat(context.getBean(OwnListener.class).ends).hasSize(1);
        assertThat(context.getBean(MeterRegistry.class).get("airbyte.client.requests").timer().count()).isEqualTo(1);
      });
    }
  }

  @Test
  void noMetricsWithoutMicrometerWithoutARegistryOrWhenTurnedOff() {
    runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
        .run(context -> assertThat(context).hasSingleBean(AirbyteClient.class)
            .doesNotHaveBean(MicrometerAirbyteListener.class));
    runner.run(context -> assertThat(context).doesNotHaveBean(MicrometerAirbyteListener.class));
    runner.withUserConfiguration(Registry.class).withPropertyValues("airbyte.metrics.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(MicrometerAirbyteListener.class));
  }

  @Test
  void healthIsUpWhenAirbyteAnswersAndIsAskedOnlyWhenAProbeAsks() {
    try (FakeAirbyte fake = FakeAirbyte.start()) {
      fakeRunner(fake).run(context -> {
        assertThat(context).hasBean("airbyteHealthIndicator");
        assertThat(fake.requestCount()).isZero();
        HealthIndicator indicator = context.getBean("airbyteHealthIndicator", HealthIndicator.class);

        Health health = indicator.health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("baseUrl", fake.baseUrl());
        indicator.health();
        assertThat(fake.requests()).extracting(r -> r.path()).containsExactly("/v1/health");
      });
    }
  }

  @Test
  void healthIsDownWithTheClientsMessageWhenAirbyteFails() {
    try (FakeAirbyte fake = FakeAirbyte.start()) {
      fakeRunner(fake).withPropertyValues("airbyte.health.cache-ttl=0s").run(context -> {
        fake.faults().next(io.github.airbytejava.testkit.Fault.status(503).on("GET", "/health"));
        Health health = context.getBean(AirbyteHealthIndicator.class).health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat((String) health.getDetails().get("error")).contains("503");
        // Not retried, and no longer cached once the TTL is over: the next probe asks again and is answered.
        assertThat(fake.requestCount()).isEqualTo(1);
        assertThat(context.getBean(AirbyteHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
      });
    }
  }

  @Test
  void noHealthIndicatorWithoutActuatorOrWhenTurnedOff() {
    runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
        .run(context -> assertThat(context).hasSingleBean(AirbyteClient.class)
            .doesNotHaveBean("airbyteHealthIndicator"));
    runner.withPropertyValues("airbyte.health.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean("airbyteHealthIndicator"));
  }

  @Test
  void theConnectorsSchemasTellTheLogsWhatTheyMayShowWhenThatModuleIsPresent() {
    runner.run(context -> {
      SecretFields secretFields = context.getBean(SecretFields.class);
      assertThat(secretFields.isSecret("source", "postgres", List.of("password"))).isTrue();
      assertThat(secretFields.isSecret("source", "postgres", List.of("host"))).isFalse();
    });
    runner.withClassLoader(new FilteredClassLoader(Connectors.class))
        .run(context -> assertThat(context).hasSingleBean(AirbyteClient.class).doesNotHaveBean(SecretFields.class));
  }

  @Test
  void oneFakePropertyStartsTheFakeAndPointsTheClientAtItWithoutARequestAtStartup() {
    runner.withUserConfiguration(Registry.class).withPropertyValues("airbyte.fake.enabled=true").run(context -> {
      FakeAirbyte fake = context.getBean(FakeAirbyte.class);
      AirbyteClient client = context.getBean(AirbyteClient.class);
      assertThat(client.baseUrl()).isEqualTo(fake.baseUrl());
      assertThat(fake.requestCount()).as("requests made by starting the context").isZero();

      assertThat(client.sources().listSources().execute().getData()).isNotNull();
      assertThat(fake.tokenRequestCount()).isEqualTo(1);
    });
  }

  @Test
  void theInternalConfigApiIsOffUnlessAPropertyTurnsItOnAndThenTheFakeServesIt() {
    runner.withPropertyValues("airbyte.fake.enabled=true").run(context -> {
      AirbyteClient client = context.getBean(AirbyteClient.class);
      assertThat(client.internalConfigApi().enabled()).isFalse();
      assertThatThrownBy(() -> client.internalConfigApi().jobDetails(404L))
          .isInstanceOfSatisfying(DetailsUnavailableException.class,
              e -> assertThat(e.reason()).isEqualTo(DetailsUnavailableException.Reason.DISABLED));
    });
    runner.withPropertyValues("airbyte.fake.enabled=true", "airbyte.internal-config-api.enabled=true").run(context -> {
      FakeAirbyte fake = context.getBean(FakeAirbyte.class);
      AirbyteClient client = context.getBean(AirbyteClient.class);
      assertThat(client.internalConfigApi().rootUrl()).isEqualTo(fake.configApiUrl());
      assertThatThrownBy(() -> client.internalConfigApi().jobDetails(404L))
          .isInstanceOfSatisfying(DetailsUnavailableException.class,
              e -> assertThat(e.reason()).isEqualTo(DetailsUnavailableException.Reason.NOT_FOUND));
    });
    runner.withPropertyValues("airbyte.self-managed-host=http://airbyte.internal:8000",
        "airbyte.internal-config-api.enabled=true").run(context -> assertThat(context.getBean(AirbyteClient.class)
            .internalConfigApi().rootUrl()).isEqualTo("http://airbyte.internal:8000/api/v1"));
    runner.withPropertyValues("airbyte.base-url=https://airbyte.example.com/v1",
        "airbyte.internal-config-api.url=https://airbyte.example.com/internal/api/v1").run(context ->
            assertThat(context.getBean(AirbyteClient.class).internalConfigApi().rootUrl())
                .isEqualTo("https://airbyte.example.com/internal/api/v1"));
    expectFailure("airbyte.internal-config-api.enabled", "airbyte.internal-config-api.enabled: The internal Config "
        + "API's URL cannot be derived", "airbyte.base-url=https://airbyte.example.com/v1",
        "airbyte.internal-config-api.enabled=true");
    expectFailure("airbyte.internal-config-api.url", "airbyte.internal-config-api.url: internalConfigApiUrl is not",
        "airbyte.internal-config-api.url=ftp:x");
  }

  @Test
  void theClientAndTheFakeAreClosedWithTheContext() {
    AirbyteClient[] client = new AirbyteClient[1];
    FakeAirbyte[] fake = new FakeAirbyte[1];
    runner.withPropertyValues("airbyte.fake.enabled=true").run(context -> {
      client[0] = context.getBean(AirbyteClient.class);
      fake[0] = context.getBean(FakeAirbyte.class);
      client[0].sources().listSources().execute();
    });
    assertThatThrownBy(() -> client[0].sources()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  private ApplicationContextRunner fakeRunner(FakeAirbyte fake) {
    return runner.withPropertyValues("airbyte.base-url=" + fake.baseUrl(), "airbyte.client-id=" + fake.clientId(),
        "airbyte.client-secret=" + fake.clientSecret());
  }

  private static <T extends Throwable> T rootCause(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " in " + failure);
  }

  private static void assertNoSecretIn(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).doesNotContain(SECRET);
    }
  }
}
