package io.github.airbytejava.provisioning;

/**
 * One field of a resource that a plan changes: its path ({@code configuration.port},
 * {@code streams[users].syncMode}) and its values before and after, already rendered for printing with secrets
 * shown as {@code (secret)} (or {@code (secret ${NAME})} for a reference), never as their values. {@code before}
 * is null for a field added, {@code after} for a field removed.
 */
public record FieldChange(String path, String before, String after) {

  /** Whether the field is added (it had no value). */
  public boolean added() {
    return before == null;
  }

  /** Whether the field is removed. */
  public boolean removed() {
    return after == null;
  }

  @Override
  public String toString() {
    return path + ": " + (before == null ? "(none)" : before) + " -> " + (after == null ? "(none)" : after);
  }
}
