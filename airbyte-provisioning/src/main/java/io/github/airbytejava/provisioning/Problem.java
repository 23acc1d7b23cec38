package io.github.airbytejava.provisioning;

/**
 * One thing wrong with a desired state, and where it was written: {@code file} and {@code line} (from 1) for
 * states read from files, null and 0 for states built in Java. {@code where} names the resource and field
 * ({@code connection "pg-to-bq" schedule}).
 */
public record Problem(String file, int line, String where, String message) {

  @Override
  public String toString() {
    String at = file == null ? "" : line > 0 ? file + ":" + line + ": " : file + ": ";
    return at + (where == null || where.isEmpty() ? "" : where + ": ") + message;
  }
}
