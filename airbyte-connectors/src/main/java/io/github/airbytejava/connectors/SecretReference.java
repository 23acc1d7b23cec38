package io.github.airbytejava.connectors;

/**
 * A secret given by name instead of by value, for a typed builder's secret field:
 * {@code SourcePostgres.builder().password(Secret.ref("PG_PASSWORD"))} (airbyte-provisioning's {@code Secret}). The
 * configuration holds the reference's text ({@code ${PG_PASSWORD}}), which whoever sends the configuration resolves;
 * its {@code toString()} never holds the value.
 */
@FunctionalInterface
public interface SecretReference {
  /** The text that stands for the secret in a configuration: {@code ${PG_PASSWORD}}. */
  String reference();
}
