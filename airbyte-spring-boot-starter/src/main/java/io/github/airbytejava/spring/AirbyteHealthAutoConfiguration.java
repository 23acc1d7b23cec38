package io.github.airbytejava.spring;

import io.github.airbytejava.AirbyteClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The {@code airbyte} health indicator ({@link AirbyteHealthIndicator}) when Spring Boot's health support (Actuator)
 * is present, for the one {@link AirbyteClient} bean (the auto-configured one or the application's own).
 * {@code airbyte.health.enabled=false} turns it off.
 */
@AutoConfiguration(after = AirbyteAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
@ConditionalOnSingleCandidate(AirbyteClient.class)
@ConditionalOnProperty(name = "airbyte.health.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(AirbyteProperties.class)
public class AirbyteHealthAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(name = "airbyteHealthIndicator")
  AirbyteHealthIndicator airbyteHealthIndicator(AirbyteClient client, AirbyteProperties properties) {
    AirbyteProperties.Health health = properties.getHealth();
    try {
      return new AirbyteHealthIndicator(client, health.getTimeout(), health.getCacheTtl());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new AirbytePropertyException("airbyte.health.timeout", e.getMessage(), e);
    }
  }
}
