package io.github.airbytejava.connectors.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Finds the names close to a misspelt one, for "did you mean" hints: a field {@code hots} for {@code host}, a slug
 * {@code postgress} for {@code postgres}. Not API.
 */
public final class Names {
  private Names() {
  }

  /**
   * The candidates nearest to {@code name}, best first (at most {@code limit}), within an edit distance that grows
   * with the name's length (1 up to 5 characters, 2 up to 8, then 3), so that short names are not matched to
   * anything; empty when none is that close. Case is ignored.
   */
  public static List<String> nearest(String name, Collection<String> candidates, int limit) {
    String wanted = name.toLowerCase(Locale.ROOT);
    int allowed = wanted.length() <= 5 ? 1 : wanted.length() <= 8 ? 2 : 3;
    int best = Integer.MAX_VALUE;
    List<String> found = new ArrayList<>();
    for (String candidate : candidates) {
      if (candidate.equals(name)) {
        continue;
      }
      int d = distance(wanted, candidate.toLowerCase(Locale.ROOT), allowed);
      if (d > allowed || d > best) {
        continue;
      }
      if (d < best) {
        best = d;
        found.clear();
      }
      found.add(candidate);
    }
    return found.size() > limit ? List.copyOf(found.subList(0, limit)) : List.copyOf(found);
  }

  /** {@code a, b or c}. */
  public static String either(List<String> names) {
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
  }

  /**
   * Edit distance counting a swap of two neighbours as one edit (so {@code hots} is one from {@code host}); stops
   * early, returning {@code max + 1}, once the distance exceeds {@code max}.
   */
  static int distance(String a, String b, int max) {
    if (Math.abs(a.length() - b.length()) > max) {
      return max + 1;
    }
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int rowMin = Integer.MAX_VALUE;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
        rowMin = Math.min(rowMin, v);
      }
      if (rowMin > max) {
        return max + 1;
      }
    }
    return d[a.length()][b.length()];
  }
}
