package io.github.airbytejava.testkit;

import java.util.List;
import java.util.Locale;

/**
 * A check of Quartz cron expressions as Airbyte's public API makes it (AirbyteCatalogHelper.validateCronConfiguration
 * with cron-utils' Quartz definition): six or seven fields (seconds, minutes, hours, day of month, month, day of week,
 * optional year), {@code ?} in exactly one of the two day fields, and a plain number of seconds (and of minutes when
 * a year is given), which is how the server refuses schedules more frequent than it allows.
 */
final class QuartzCron {

  private static final String FORMAT =
      "https://www.quartz-scheduler.org/documentation/quartz-2.3.0/tutorials/crontrigger.html";
  private static final List<String> MONTHS =
      List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
  private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

  private enum Field {
    SECONDS("seconds", 0, 59), MINUTES("minutes", 0, 59), HOURS("hours", 0, 23), DAY_OF_MONTH("day of month", 1, 31),
    MONTH("month", 1, 12), DAY_OF_WEEK("day of week", 1, 7), YEAR("year", 1970, 2099);

    final String label;
    final int min;
    final int max;

    Field(String label, int min, int max) {
      this.label = label;
      this.min = min;
      this.max = max;
    }
  }

  private QuartzCron() {
  }

  /** The expression as the server stores it: a trailing {@code UTC} (as the server answers it) taken off. */
  static String normalized(String expression) {
    return expression.endsWith("UTC") ? expression.replace("UTC", "").trim() : expression;
  }

  /** Null when the server accepts the (normalized) expression, else the message of its 400 answer. */
  static String problem(String expression) {
    String syntax = syntaxProblem(expression);
    if (syntax != null) {
      return "The cron expression " + expression + " is not valid. Error: " + syntax
          + ". Please check the cron expression format at " + FORMAT;
    }
    String[] fields = expression.trim().split("\\s+");
    if (!isNumber(fields[0]) || (fields.length == 7 && !isNumber(fields[1]))) {
      return "The cron expression " + expression + " is not valid or is less than the one hour minimum. "
          + "The seconds and minutes values cannot be `*`.";
    }
    return null;
  }

  private static String syntaxProblem(String expression) {
    String trimmed = expression.trim();
    if (trimmed.isEmpty()) {
      return "Empty expression";
    }
    String[] fields = trimmed.split("\\s+");
    if (fields.length < 6 || fields.length > 7) {
      return "Cron expression contains " + fields.length + " parts but we expect one of [6, 7]";
    }
    Field[] kinds = Field.values();
    for (int i = 0; i < fields.length; i++) {
      String problem = fieldProblem(kinds[i], fields[i].toUpperCase(Locale.ROOT));
      if (problem != null) {
        return problem;
      }
    }
    boolean domAny = fields[3].equals("?");
    boolean dowAny = fields[5].equals("?");
    if (domAny == dowAny) {
      return "Both, a day-of-week AND a day-of-month parameter, are not supported; exactly one of them must be '?'";
    }
    return null;
  }

  private static String fieldProblem(Field field, String text) {
    if (text.equals("?")) {
      return field == Field.DAY_OF_MONTH || field == Field.DAY_OF_WEEK ? null
          : "'?' is allowed only for day of month and day of week, not for " + field.label;
    }
    for (String item : text.split(",", -1)) {
      String problem = itemProblem(field, item);
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  private static String itemProblem(Field field, String item) {
    if (item.isEmpty()) {
      return "Empty value in " + field.label;
    }
    if (field == Field.DAY_OF_MONTH && (item.equals("L") || item.equals("LW"))) {
      return null;
    }
    if (field == Field.DAY_OF_MONTH && item.startsWith("L-")) {
      return valueProblem(Field.DAY_OF_MONTH, item.substring(2), 1, 30);
    }
    if (field == Field.DAY_OF_MONTH && item.endsWith("W")) {
      return valueProblem(field, item.substring(0, item.length() - 1), field.min, field.max);
    }
    if (field == Field.DAY_OF_WEEK && item.equals("L")) {
      return null;
    }
    if (field == Field.DAY_OF_WEEK && item.endsWith("L")) {
      return valueProblem(field, item.substring(0, item.length() - 1), field.min, field.max);
    }
    if (field == Field.DAY_OF_WEEK && item.contains("#")) {
      String[] parts = item.split("#", -1);
      if (parts.length != 2) {
        return "Invalid value '" + item + "' for day of week";
      }
      String day = valueProblem(field, parts[0], field.min, field.max);
      return day != null ? day : valueProblem(field, parts[1], 1, 5);
    }
    String range = item;
    int slash = item.indexOf('/');
    if (slash >= 0) {
      range = item.substring(0, slash);
      String step = item.substring(slash + 1);
      if (!isNumber(step) || Integer.parseInt(step) < 1 || Integer.parseInt(step) > field.max) {
        return "Invalid increment '" + step + "' in " + field.label + ": must be 1 to " + field.max;
      }
    }
    if (range.equals("*")) {
      return null;
    }
    int dash = range.indexOf('-');
    if (dash > 0) {
      String from = valueProblem(field, range.substring(0, dash), field.min, field.max);
      return from != null ? from : valueProblem(field, range.substring(dash + 1), field.min, field.max);
    }
    return valueProblem(field, range, field.min, field.max);
  }

  private static String valueProblem(Field field, String value, int min, int max) {
    int n;
    if (isNumber(value)) {
      n = Integer.parseInt(value);
    } else if (field == Field.MONTH && MONTHS.contains(value)) {
      return null;
    } else if (field == Field.DAY_OF_WEEK && DAYS.contains(value)) {
      return null;
    } else {
      return "Invalid value '" + value + "' for " + field.label;
    }
    if (n < min || n > max) {
      return "Value " + n + " not in range [" + min + ", " + max + "] for " + field.label;
    }
    return null;
  }

  private static boolean isNumber(String s) {
    if (s.isEmpty() || s.length() > 9) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
