package io.github.airbytejava.provisioning;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks Quartz cron expressions (the syntax Airbyte accepts) before they are sent: seconds, minutes, hours, day of
 * month, month, day of week and an optional year, with {@code * , - /}, {@code ?} in exactly one of the two day
 * fields, {@code L}, {@code W}, {@code LW} and {@code #}, and ranges that wrap around ({@code 22-2}) in every field but
 * the year. Our own small checker: Quartz itself is a scheduler,
 * far too large to pull in for a syntax check.
 */
final class CronExpressions {
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final String[] MONTHS =
      {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
  private static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

  private CronExpressions() {}

  /** Single spaces, without the {@code UTC} Airbyte appends when it answers. */
  static String normalize(String expression) {
    String e = SPACES.matcher(expression.trim()).replaceAll(" ");
    if (e.toUpperCase(Locale.ROOT).endsWith(" UTC")) e = e.substring(0, e.length() - 4);
    return e;
  }

  /** What is wrong with a (normalized) expression, or null when Quartz accepts it. */
  static String problem(String expression) {
    if (expression.isEmpty()) return "the cron expression is empty";
    String[] f = expression.toUpperCase(Locale.ROOT).split(" ");
    if (f.length < 6 || f.length > 7) {
      return "a Quartz cron expression has 6 or 7 fields (seconds minutes hours day-of-month month day-of-week"
          + " [year]), not " + f.length + ": \"" + expression + "\"" + (f.length == 5
          ? " (a Unix cron has no seconds field: put \"0 \" in front)" : "");
    }
    String p;
    if ((p = field(f[0], "seconds", 0, 59, null, false)) != null) return p;
    if ((p = field(f[1], "minutes", 0, 59, null, false)) != null) return p;
    if ((p = field(f[2], "hours", 0, 23, null, false)) != null) return p;
    if ((p = dayOfMonth(f[3])) != null) return p;
    if ((p = field(f[4], "month", 1, 12, MONTHS, false)) != null) return p;
    if ((p = dayOfWeek(f[5])) != null) return p;
    if (f.length == 7 && (p = field(f[6], "year", 1970, 2099, null, false)) != null) return p;
    boolean domAny = f[3].equals("?");
    boolean dowAny = f[5].equals("?");
    if (domAny == dowAny) {
      return domAny ? "'?' may stand in only one of day-of-month and day-of-week"
          : "one of day-of-month and day-of-week must be '?' (Quartz cannot use both): \"" + expression + "\"";
    }
    return null;
  }

  private static String dayOfMonth(String f) {
    if (f.equals("?") || f.equals("L") || f.equals("LW")) return null;
    if (f.matches("L-\\d{1,2}")) return range(Integer.parseInt(f.substring(2)), 0, 30, "day-of-month offset", f);
    if (f.matches("\\d{1,2}W")) return range(Integer.parseInt(f.substring(0, f.length() - 1)), 1, 31, "day-of-month", f);
    return field(f, "day-of-month", 1, 31, null, false);
  }

  private static String dayOfWeek(String f) {
    if (f.equals("?") || f.equals("L")) return null;
    if (f.matches("[^#]+#\\d+")) {
      String[] parts = f.split("#");
      String p = field(parts[0], "day-of-week", 1, 7, DAYS, true);
      return p != null ? p : range(Integer.parseInt(parts[1]), 1, 5, "day-of-week occurrence (#)", f);
    }
    if (f.endsWith("L") && f.length() > 1) return field(f.substring(0, f.length() - 1), "day-of-week", 1, 7, DAYS, true);
    return field(f, "day-of-week", 1, 7, DAYS, false);
  }

  /** A list of items: {@code *}, a value, a range {@code a-b}, each optionally {@code /step}. */
  private static String field(String f, String name, int min, int max, String[] names, boolean single) {
    if (f.isEmpty()) return "the " + name + " field is empty";
    String[] items = f.split(",", -1);
    if (single && items.length > 1) return "the " + name + " field '" + f + "' must be one value here";
    for (String item : items) {
      String base = item;
      int slash = item.indexOf('/');
      if (slash >= 0) {
        String step = item.substring(slash + 1);
        base = item.substring(0, slash);
        if (!step.matches("\\d+")) return "the step in " + name + " '" + item + "' must be a number";
        String p = range(Integer.parseInt(step), 1, max, name + " step", item);
        if (p != null) return p;
        if (base.isEmpty()) return "the " + name + " field '" + item + "' needs a start before '/'";
      }
      if (base.equals("*") && !single) continue;
      String[] bounds = base.split("-", -1);
      if (bounds.length > 2) return "the " + name + " field has a bad range '" + item + "'";
      int lo = -1;
      for (String bound : bounds) {
        int v = value(bound, names);
        if (v < 0) {
          return "the " + name + " field has '" + bound + "', not a " + name + (names == null ? "" : " (" + min
              + "-" + max + " or " + names[0] + "-" + names[names.length - 1] + ")") + ": '" + f + "'";
        }
        String p = range(v, min, max, name, item);
        if (p != null) return p;
        // Quartz wraps a range that runs backwards (hours 22-2 are 22, 23, 0, 1, 2), except in the year field.
        if (lo >= 0 && v < lo && name.equals("year")) return "the " + name + " range '" + item + "' runs backwards";
        lo = v;
      }
    }
    return null;
  }

  private static int value(String s, String[] names) {
    if (s.matches("\\d{1,4}")) return Integer.parseInt(s);
    if (names != null) {
      for (int i = 0; i < names.length; i++) if (names[i].equals(s)) return i + 1;
    }
    return -1;
  }

  private static String range(int v, int min, int max, String name, String item) {
    return v < min || v > max ? name + " must be from " + min + " to " + max + ": '" + item + "'" : null;
  }
}
