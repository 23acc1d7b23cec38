package io.github.airbytejava.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.airbytejava.testkit.FakeAirbyte;
import io.github.airbytejava.testkit.Fault;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/** The service when Airbyte refuses: its callers get a bad gateway with Airbyte's reason, its log one line. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "airbyte.fake.enabled=true", "spring.main.banner-mode=off", "spring.application.name=sources-service-failing"})
class SourcesServiceFailureTest {
  @Autowired
  FakeAirbyte fake;
  @Value("${local.server.port}")
  int port;

  @Test
  void anAirbyteThatRefusesIsABadGatewayWithItsReasonAndNoStackTrace() throws Exception {
    fake.faults().next(Fault.status(403).on("GET", "/sources"));
    Logger service = (Logger) LoggerFactory.getLogger(SourcesService.class);
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    service.addAppender(lines);
    service.setAdditive(false);
    HttpResponse<String> response;
    try {
      response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sources")).build(),
          HttpResponse.BodyHandlers.ofString());
    } finally {
      service.detachAppender(lines);
      service.setAdditive(true);
    }

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(response.body()).contains("\"title\":\"Airbyte call failed\"").contains("GET /v1/sources failed: HTTP 403");
    assertThat(lines.list).singleElement().satisfies(line -> {
      assertThat(line.getFormattedMessage()).startsWith("Airbyte call failed: GET /v1/sources failed: HTTP 403");
      assertThat(line.getThrowableProxy()).as("a stack trace").isNull();
    });
  }
}
