package io.github.airbytejava.spring;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer meters for the auto-configured client ({@link MicrometerAirbyteListener}) when Micrometer is present
 * and the application has a {@link MeterRegistry}; {@code airbyte.metrics.enabled=false} turns them off. After
 * Spring Boot's own metrics auto-configuration, which makes the registry.
 */
@AutoConfiguration(before = AirbyteAutoConfiguration.class, afterName = {
    "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnProperty(name = "airbyte.metrics.enabled", havingValue = "true", matchIfMissing = true)
public class AirbyteMetricsAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  MicrometerAirbyteListener airbyteMetricsListener(MeterRegistry registry) {
    return new MicrometerAirbyteListener(registry);
  }
}
