package io.github.airbytejava.provisioning;

import java.util.HashMap;
import java.util.Map;

/** Where a resource and its fields were written, for problem reports; empty for states built in Java. */
final class Origin {
  static final Origin NONE = new Origin(null, 0);

  final String file;
  final int line;
  private final Map<String, Integer> fieldLines = new HashMap<>();

  Origin(String file, int line) {
    this.file = file;
    this.line = line;
  }

  void field(String field, int fieldLine) {
    fieldLines.put(field, fieldLine);
  }

  /** The line of a field (its first path segment counts, {@code configuration.host} falls back to configuration). */
  int line(String field) {
    String f = field;
    while (f != null) {
      Integer l = fieldLines.get(f);
      if (l != null) return l;
      int dot = Math.max(f.lastIndexOf('.'), f.lastIndexOf('['));
      f = dot > 0 ? f.substring(0, dot) : null;
    }
    return line;
  }

  Problem problem(String where, String field, String message) {
    return new Problem(file, field == null ? line : line(field), where, message);
  }
}
