package io.github.airbytejava.spring;

import io.github.airbytejava.AirbyteClient;
import io.github.airbytejava.AirbyteListener;
import io.github.airbytejava.Credentials;
import io.github.airbytejava.SecretFields;
import io.github.airbytejava.connectors.Connectors;
import io.github.airbytejava.testkit.FakeAirbyte;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ClassUtils;

/**
 * An {@link AirbyteClient} bean built from the {@code airbyte.*} properties ({@link AirbyteProperties}), unless the
 * application declares its own. It hears every {@link AirbyteListener} bean, uses a {@link SecretFields} bean for its
 * logs (the connectors' schemas when {@code airbyte-connectors} is present), and is closed with the context. Building
 * it makes no request: the first call does.
 *
 * <p>With {@code airbyte.fake.enabled=true} and {@code airbyte-testkit} on the class path, a fake Airbyte is started
 * (a {@link FakeAirbyte} bean, to seed and inspect) and the client points at it with its credentials.
 */
@AutoConfiguration
@ConditionalOnClass(AirbyteClient.class)
@EnableConfigurationProperties(AirbyteProperties.class)
public class AirbyteAutoConfiguration {
  static final String FAKE_CLASS = "io.github.airbytejava.testkit.FakeAirbyte";

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  AirbyteClient airbyteClient(AirbyteProperties properties, ObjectProvider<AirbyteListener> listeners,
      ObjectProvider<SecretFields> secretFields, ObjectProvider<AirbyteClientBuilderCustomizer> customizers,
      ResourceLoader context) {
    // The context's class loader: the one its conditions saw.
    if (properties.getFake().isEnabled() && !ClassUtils.isPresent(FAKE_CLASS, context.getClassLoader())) {
      throw new AirbytePropertyException("airbyte.fake.enabled",
          "true, but airbyte-testkit is not on the class path; add it with test scope", null);
    }
    return ClientFactory.build(properties, listeners.orderedStream().toList(), secretFields.getIfUnique(),
        customizers.orderedStream().toList());
  }

  /** The connectors' schemas tell the client's logs which configuration values they may show. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.github.airbytejava.connectors.Connectors")
  static class ConnectorsConfiguration {
    @Bean
    @ConditionalOnMissingBean
    SecretFields airbyteSecretFields() {
      return Connectors.secretFields();
    }
  }

  /** The fake Airbyte for tests, and the client pointed at it. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = FAKE_CLASS)
  @ConditionalOnProperty(name = "airbyte.fake.enabled", havingValue = "true")
  static class FakeConfiguration {
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    FakeAirbyte airbyteFake() {
      return FakeAirbyte.start();
    }

    /** First, so that the application's own customizers still have the last word. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    AirbyteClientBuilderCustomizer airbyteFakeCustomizer(FakeAirbyte fake, AirbyteProperties properties) {
      boolean configApi = properties.getInternalConfigApi().isEnabled()
          || properties.getInternalConfigApi().getUrl() != null;
      return builder -> {
        builder.baseUrl(fake.baseUrl())
            .credentials(Credentials.clientCredentials(fake.clientId(), fake.clientSecret()));
        // The fake serves the Config API's job details too, at a root no base URL derives.
        if (configApi) builder.internalConfigApiUrl(fake.configApiUrl());
      };
    }
  }
}
