package io.github.airbytejava.provisioning;

import java.util.Map;
import java.util.Objects;

/**
 * Gives the value of a {@link Secret} by its name ({@code PG_PASSWORD} for {@code ${PG_PASSWORD}}). Called only
 * when a value must be sent: creating a resource, or a secret the caller says has changed.
 */
@FunctionalInterface
public interface SecretResolver {
  /** The value, or null when this resolver does not know the name. */
  String resolve(String name);

  /** The process environment: {@code ${PG_PASSWORD}} is {@code System.getenv("PG_PASSWORD")}. The default. */
  static SecretResolver environment() {
    return System::getenv;
  }

  /** A fixed map, for tests and for secrets fetched from a vault beforehand. */
  static SecretResolver of(Map<String, String> values) {
    Map<String, String> copy = Map.copyOf(values);
    return copy::get;
  }

  /** This resolver, then {@code next} for the names this one does not know. */
  default SecretResolver orElse(SecretResolver next) {
    Objects.requireNonNull(next, "next");
    return name -> {
      String value = resolve(name);
      return value != null ? value : next.resolve(name);
    };
  }
}
