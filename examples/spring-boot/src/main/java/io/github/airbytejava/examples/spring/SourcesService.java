package io.github.airbytejava.examples.spring;

import io.github.airbytejava.AirbyteClient;
import io.github.airbytejava.AirbyteException;
import io.github.airbytejava.generated.model.SourceResponse;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A service that uses Airbyte: the client comes configured from {@code airbyte.*} properties (see
 * application.properties), its calls are timed in Micrometer ({@code /actuator/metrics/airbyte.client.requests}) and
 * Airbyte's health is part of {@code /actuator/health}. Nothing here builds, closes or instruments the client.
 */
@SpringBootApplication
@RestController
public class SourcesService {
  private static final Logger LOG = LoggerFactory.getLogger(SourcesService.class);
  private final AirbyteClient airbyte;

  public SourcesService(AirbyteClient airbyte) {
    this.airbyte = airbyte;
  }

  /** The sources of every workspace the credentials can see: name and type. */
  @GetMapping("/sources")
  public List<SourceSummary> sources() {
    return airbyte.paginate().sources().map(SourceSummary::of).toList();
  }

  /**
   * Airbyte down, refusing the credentials or answering nonsense is a bad gateway for this service's callers, not a
   * 500 with a stack trace: the client's message says what failed (operation, status, Airbyte's own detail) and
   * carries no secret, so it is safe to log and to return.
   */
  @ExceptionHandler(AirbyteException.class)
  ProblemDetail airbyteFailed(AirbyteException e) {
    LOG.warn("Airbyte call failed: {}", e.getMessage());
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, e.getMessage());
    problem.setTitle("Airbyte call failed");
    return problem;
  }

  public record SourceSummary(String name, String type) {
    static SourceSummary of(SourceResponse source) {
      return new SourceSummary(source.getName(), source.getSourceType());
    }
  }

  public static void main(String[] args) {
    SpringApplication.run(SourcesService.class, args);
  }
}
