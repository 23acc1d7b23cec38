package io.github.airbytejava.spring;

import io.github.airbytejava.AirbyteClient;
import io.github.airbytejava.AirbyteListener;
import io.github.airbytejava.Credentials;
import io.github.airbytejava.RetryPolicy;
import io.github.airbytejava.SecretFields;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** Builds the client from the properties, naming the property at fault when one is wrong. */
final class ClientFactory {
  private ClientFactory() {
  }

  static AirbyteClient build(AirbyteProperties properties, List<AirbyteListener> listeners,
      SecretFields secretFields, List<AirbyteClientBuilderCustomizer> customizers) {
    AirbyteClient.Builder builder = AirbyteClient.builder();
    String baseUrl = text(properties.getBaseUrl());
    String host = text(properties.getSelfManagedHost());
    if (baseUrl != null && host != null) {
      throw new AirbytePropertyException("airbyte.self-managed-host",
          "set either airbyte.base-url or airbyte.self-managed-host, not both", null);
    }
    if (baseUrl != null) {
      apply("airbyte.base-url", b -> b.baseUrl(baseUrl), builder);
    } else if (host != null) {
      apply("airbyte.self-managed-host", b -> b.selfManaged(host), builder);
    }
    builder.credentials(credentials(properties));
    timeout("airbyte.connect-timeout", properties.getConnectTimeout(), builder::connectTimeout);
    timeout("airbyte.read-timeout", properties.getReadTimeout(), builder::readTimeout);
    timeout("airbyte.write-timeout", properties.getWriteTimeout(), builder::writeTimeout);
    timeout("airbyte.call-timeout", properties.getCallTimeout(), builder::callTimeout);
    if (properties.getUserAgent() != null) {
      apply("airbyte.user-agent", b -> b.userAgent(properties.getUserAgent()), builder);
    }
    if (properties.getLogLevel() != null) {
      builder.logLevel(properties.getLogLevel());
    }
    builder.retries(retries(properties.getRetries()));
    String configApiUrl = text(properties.getInternalConfigApi().getUrl());
    if (configApiUrl != null) {
      builder.internalConfigApiUrl(configApiUrl);
    } else if (properties.getInternalConfigApi().isEnabled()) {
      builder.enableInternalConfigApi();
    }
    if (listeners.size() == 1) {
      builder.listener(listeners.get(0));
    } else if (!listeners.isEmpty()) {
      builder.listener(new CompositeListener(listeners));
    }
    if (secretFields != null) {
      builder.secretFields(secretFields);
    }
    customizers.forEach(customizer -> customizer.customize(builder));
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      // Only the URLs are checked at build time; a customizer may have replaced them.
      String property = String.valueOf(e.getMessage()).contains("Config API")
          || String.valueOf(e.getMessage()).startsWith("internalConfigApiUrl")
          ? configApiUrl != null ? "airbyte.internal-config-api.url" : "airbyte.internal-config-api.enabled"
          : host != null ? "airbyte.self-managed-host" : "airbyte.base-url";
      throw new AirbytePropertyException(property, e.getMessage(), e);
    }
  }

  private static Credentials credentials(AirbyteProperties properties) {
    String id = text(properties.getClientId());
    String secret = text(properties.getClientSecret());
    String token = text(properties.getAccessToken());
    if (id != null && secret == null) {
      throw new AirbytePropertyException("airbyte.client-secret", "missing; airbyte.client-id is set", null);
    }
    if (secret != null && id == null) {
      throw new AirbytePropertyException("airbyte.client-id", "missing; airbyte.client-secret is set", null);
    }
    if (id != null && token != null) {
      throw new AirbytePropertyException("airbyte.access-token",
          "set either airbyte.client-id and airbyte.client-secret, or airbyte.access-token, not both", null);
    }
    if (id != null) {
      return Credentials.clientCredentials(id, secret);
    }
    return token != null ? Credentials.bearerToken(token) : Credentials.none();
  }

  private static RetryPolicy retries(AirbyteProperties.Retries retries) {
    if (!retries.isEnabled()) {
      return RetryPolicy.none();
    }
    RetryPolicy.Builder policy = RetryPolicy.defaults().toBuilder();
    if (retries.getMaxAttempts() != null) {
      apply("airbyte.retries.max-attempts", p -> p.maxAttempts(retries.getMaxAttempts()), policy);
    }
    if (retries.getInitialDelay() != null) {
      apply("airbyte.retries.initial-delay", p -> p.initialDelay(retries.getInitialDelay()), policy);
    }
    if (retries.getMaxDelay() != null) {
      apply("airbyte.retries.max-delay", p -> p.maxDelay(retries.getMaxDelay()), policy);
    }
    if (retries.getMaxElapsed() != null) {
      apply("airbyte.retries.max-elapsed", p -> p.maxElapsed(retries.getMaxElapsed()), policy);
    }
    try {
      return policy.build();
    } catch (IllegalArgumentException e) {
      throw new AirbytePropertyException("airbyte.retries", e.getMessage(), e);
    }
  }

  private static void timeout(String property, Duration value, Consumer<Duration> setter) {
    if (value != null) {
      apply(property, setter::accept, value);
    }
  }

  /** Runs {@code setter}; the builders' messages name their own method, so the property is put in front. */
  private static <T> void apply(String property, Consumer<T> setter, T target) {
    try {
      setter.accept(target);
    } catch (IllegalArgumentException e) {
      throw new AirbytePropertyException(property, e.getMessage(), e);
    }
  }

  private static String text(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
