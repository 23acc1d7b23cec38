package io.github.airbytejava.internal;

import java.util.Locale;

/** Reads Airbyte's lower-case enum values into this client's enums, tolerating values it does not know yet. */
public final class LenientEnums {
  private LenientEnums() {}

  /** The constant named {@code value} upper-cased, or {@code fallback} for null or a name {@code type} lacks. */
  public static <E extends Enum<E>> E of(Class<E> type, String value, E fallback) {
    if (value == null) return fallback;
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      return fallback;
    }
  }
}
