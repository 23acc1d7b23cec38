package io.github.airbytejava.connectors;

/** Whether a request built from a configuration checks it against the connector's schema first. */
public enum Validation {
  /** Check, and throw {@link InvalidConfigurationException} listing every problem: the default. */
  ON,
  /** Send as is, for a connector whose live schema differs from the facts this module was built with. */
  OFF
}
