package io.github.airbytejava.examples.spring;

import io.github.airbytejava.AirbyteClient;
import io.github.airbytejava.generated.model.SourceResponse;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
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
  private final AirbyteClient airbyte;

  public SourcesService(AirbyteClient airbyte) {
    this.airbyte = airbyte;
  }

  /** The sources of every workspace the credentials can see: name and type. */
  @GetMapping("/sources")
  public List<SourceSummary> sources() {
    return airbyte.paginate().sources().map(SourceSummary::of).toList();
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
