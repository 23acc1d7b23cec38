package io.github.airbytejava.provisioning;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Where a connection writes: the source's namespace, the destination's, or a custom format. */
public enum NamespaceDefinition {
  SOURCE, DESTINATION, CUSTOM_FORMAT;

  /** As the API writes it: {@code custom_format}. */
  public String wireValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Set<String> wireValues() {
    return Arrays.stream(values()).map(NamespaceDefinition::wireValue).collect(Collectors.toUnmodifiableSet());
  }
}
