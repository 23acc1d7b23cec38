package io.github.airbytejava.provisioning;

import java.util.Locale;

/** What a connection does when the source's schema changes without breaking it ({@code nonBreakingSchemaUpdatesBehavior}). */
public enum SchemaChangeBehavior {
  IGNORE, DISABLE_CONNECTION, PROPAGATE_COLUMNS, PROPAGATE_FULLY;

  /** As the API writes it: {@code propagate_columns}. */
  public String wireValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
