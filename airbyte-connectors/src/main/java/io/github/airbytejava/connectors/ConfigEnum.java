package io.github.airbytejava.connectors;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A value of a connector field that takes one of a fixed set of strings. The generated subclasses have a constant for
 * each value the facts list, and {@code of(String)} keeps any other value (one a newer connector accepts) with its
 * string, so reading and writing it back loses nothing.
 */
public abstract class ConfigEnum {
  private final String value;
  private final boolean known;

  protected ConfigEnum(String value, boolean known) {
    this.value = Objects.requireNonNull(value, "value");
    this.known = known;
  }

  /** The value as Airbyte writes it. */
  public final String value() {
    return value;
  }

  /** False for a value the facts do not list. */
  public final boolean isKnown() {
    return known;
  }

  /** The constant for {@code value} among {@code known}, else a new unknown value made by {@code unknown}. */
  protected static <E extends ConfigEnum> E of(List<E> known, String value, Function<String, E> unknown) {
    Objects.requireNonNull(value, "value");
    for (E e : known) {
      if (e.value().equals(value)) {
        return e;
      }
    }
    return unknown.apply(value);
  }

  @Override
  public final boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && ((ConfigEnum) o).value.equals(value);
  }

  @Override
  public final int hashCode() {
    return value.hashCode();
  }

  /** The value as Airbyte writes it. */
  @Override
  public final String toString() {
    return value;
  }
}
