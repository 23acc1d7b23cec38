package io.github.airbytejava.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.airbytejava.AirbyteClient;
import io.github.airbytejava.connectors.sources.SourceFaker;
import io.github.airbytejava.testkit.FakeAirbyte;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/** The service as it runs, on a real port, against the fake Airbyte that one property starts. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "airbyte.fake.enabled=true", "airbyte.log-level=basic", "spring.main.banner-mode=off"})
class SourcesServiceTest {
  @Autowired
  FakeAirbyte fake;
  @Autowired
  AirbyteClient airbyte;
  @Value("${local.server.port}")
  int port;

  @Test
  void startsAgainstTheFakeWithoutARequestThenListsSourcesWithHealthMetricsAndTheServicesOwnLogging()
      throws Exception {
    assertThat(fake.requestCount()).as("requests made while the service started").isZero();
    assertThat(airbyte.baseUrl()).isEqualTo(fake.baseUrl());
    airbyte.sources().createSource(SourceFaker.builder().count(10).build()
        .createRequest(fake.defaultWorkspaceId(), "Sample data")).execute();

    // The client's own log lines reach the service's logging (Logback here): the testkit forces no binding on it.
    Logger http = (Logger) LoggerFactory.getLogger("io.github.airbytejava.http");
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    http.addAppender(lines);
    http.setLevel(Level.DEBUG);
    http.setAdditive(false);
    try {
      assertThat(get("/sources")).isEqualTo("[{\"name\":\"Sample data\",\"type\":\"faker\"}]");
    } finally {
      http.detachAppender(lines);
      http.setAdditive(true);
      http.setLevel(null);
    }
    assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage)
        .anySatisfy(line -> assertThat(line).startsWith("--> GET " + fake.baseUrl() + "/sources"));

    assertThat(get("/actuator/health"))
        .contains("\"airbyte\":{\"details\":{\"baseUrl\":\"" + fake.baseUrl() + "\"},\"status\":\"UP\"}");
    assertThat(get("/actuator/metrics/airbyte.client.requests")).contains("\"name\":\"airbyte.client.requests\"")
        .contains("\"tag\":\"operation\"").contains("listSources").contains("createSource");
  }

  private String get(String path) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }
}
