package io.github.airbytejava.testkit;

import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Checks of single values from requests; each failure is a {@link Json.BadRequest}, answered 400. */
final class Check {

  private Check() {
  }

  /** The canonical lower-case form of a UUID. */
  static String uuid(String value, String what) {
    try {
      if (value.length() == 36) {
        return UUID.fromString(value).toString();
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new Json.BadRequest("'" + what + "' must be a UUID, not '" + value + "'.");
  }

  static String oneOf(String value, Set<String> allowed, String what) {
    if (!allowed.contains(value)) {
      throw new Json.BadRequest("'" + what + "' must be one of " + new TreeSet<>(allowed) + ", not '" + value + "'.");
    }
    return value;
  }
}
