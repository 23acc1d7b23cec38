package io.github.airbytejava.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bad {@code airbyte.*} property into Spring Boot's "APPLICATION FAILED TO START" report, without a trace. */
final class AirbytePropertyFailureAnalyzer extends AbstractFailureAnalyzer<AirbytePropertyException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, AirbytePropertyException cause) {
    return new FailureAnalysis("The Airbyte client cannot be configured: " + cause.getMessage(),
        "Correct " + cause.property() + " in the application's configuration (see the airbyte.* properties in the "
            + "airbyte-spring-boot-starter README).", cause);
  }
}
