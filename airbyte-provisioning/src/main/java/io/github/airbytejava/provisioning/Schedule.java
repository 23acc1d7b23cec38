package io.github.airbytejava.provisioning;

import java.util.Objects;

/**
 * When a connection syncs: {@link #manual()}, {@link #cron(String)} (Quartz, with seconds, in UTC) or
 * {@link #basic(String)} (an interval such as {@code Every 24 HOURS}, which only the web app can set: it is
 * compared and exported, and planning a change to it is a problem).
 */
public final class Schedule {
  /** The kinds of schedule. */
  public enum Kind { MANUAL, CRON, BASIC }

  private static final Schedule MANUAL = new Schedule(Kind.MANUAL, null);

  private final Kind kind;
  private final String value;

  private Schedule(Kind kind, String value) {
    this.kind = kind;
    this.value = value;
  }

  /** Syncs only when a job is started. */
  public static Schedule manual() {
    return MANUAL;
  }

  /**
   * A Quartz cron expression with a seconds field ({@code 0 0 6 * * ?}: 06:00 every day), evaluated in UTC. A
   * trailing {@code UTC}, as Airbyte writes it back, is allowed and dropped. Checked when planning.
   */
  public static Schedule cron(String expression) {
    Objects.requireNonNull(expression, "expression");
    return new Schedule(Kind.CRON, CronExpressions.normalize(expression));
  }

  /** A fixed interval as Airbyte reports it ({@code Every 24 HOURS}). */
  public static Schedule basic(String timing) {
    Objects.requireNonNull(timing, "timing");
    return new Schedule(Kind.BASIC, timing.trim());
  }

  public Kind kind() {
    return kind;
  }

  /** The cron expression (without {@code UTC}) or the basic timing; null for manual. */
  public String value() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Schedule s && s.kind == kind && Objects.equals(s.value, value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, value);
  }

  @Override
  public String toString() {
    return switch (kind) {
      case MANUAL -> "manual";
      case CRON -> "cron \"" + value + "\"";
      case BASIC -> "basic \"" + value + "\"";
    };
  }
}
