package io.github.airbytejava.provisioning;

import java.util.Locale;

/** Where a connection writes: the source's namespace, the destination's, or a custom format. */
public enum NamespaceDefinition {
  SOURCE, DESTINATION, CUSTOM_FORMAT;

  /** As the API writes it: {@code custom_format}. */
  public String wireValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
