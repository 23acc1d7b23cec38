package io.github.airbytejava;

/**
 * Which values of a connector configuration are secret, for the client's logging. Until the client knows a
 * connector's schema, every value of a {@code configuration} object is masked in logged bodies; an implementation
 * that knows the schemas (the optional {@code airbyte-connectors} module provides one) lets the other values be
 * read. Set with {@link AirbyteClient.Builder#secretFields(SecretFields)}.
 *
 * <p>Called for every value (leaf) inside a logged {@code configuration}, from the calling thread: implementations
 * are thread-safe and quick, and should answer true when in doubt. Keys that look secret anywhere in a body
 * ({@code password}, {@code client_secret}, {@code ssh_key}, ...) are masked whatever this answers.
 */
@FunctionalInterface
public interface SecretFields {

  /**
   * Whether the value at {@code path} of a connector's configuration is secret.
   *
   * @param actorType {@code "source"} or {@code "destination"}, or null when neither the body nor the URL says
   * @param connector the connector definition's id (UUID text), or the {@code sourceType}/{@code destinationType}
   *     name found in or beside the configuration; null when the body names none (the client then masks every
   *     value without asking)
   * @param path the keys from the configuration object down to the value, array indexes left out: the value of
   *     {@code configuration.tunnel_method.ssh_key} has the path {@code [tunnel_method, ssh_key]}
   */
  boolean isSecret(String actorType, String connector, java.util.List<String> path);

  /**
   * Whether a key's name looks secret ({@code password}, {@code client_secret}, {@code api_key}, {@code token}, ...):
   * the rule the client's logs apply to every key of every body, whatever a schema says. For code outside this
   * module that must hide values where no schema describes them (a custom connector's configuration).
   */
  static boolean looksSecret(String key) {
    return io.github.airbytejava.internal.Redactor.isSecretKey(java.util.Objects.requireNonNull(key, "key"));
  }

  /** Every configuration value is secret: the default. */
  SecretFields ALL = (actorType, connector, path) -> true;
}
