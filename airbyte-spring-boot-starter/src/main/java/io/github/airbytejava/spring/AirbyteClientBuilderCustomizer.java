package io.github.airbytejava.spring;

import io.github.airbytejava.AirbyteClient;

/**
 * Changes the builder of the auto-configured {@link AirbyteClient} after the {@code airbyte.*} properties are applied,
 * for what properties cannot say: an {@code OkHttpClient} with your proxy or CA certificates, a clock, a sleeper.
 * Declare one or more as beans; they run in their {@code @Order}.
 */
@FunctionalInterface
public interface AirbyteClientBuilderCustomizer {
  void customize(AirbyteClient.Builder builder);
}
