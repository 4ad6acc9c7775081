package io.cleft.compiler.diagnostic;

import java.util.Collection;
import java.util.Optional;

/** Did-you-mean suggestions for misspelt names, by optimal-string-alignment distance. */
public final class Spelling {
  private Spelling() {}

  /**
   * The candidate closest to {@code name}, if one is close enough to be a likely typo. Case is
   * ignored to decide what is close, but breaks ties: {@code mv} suggests {@code mV}, not
   * {@code MV}.
   */
  public static Optional<String> closest(String name, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    int bestExactDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(name.toLowerCase(), candidate.toLowerCase());
      if (distance > Math.max(1, Math.min(name.length(), candidate.length()) / 3)) {
        continue;
      }
      int exactDistance = distance(name, candidate);
      if (distance < bestDistance || distance == bestDistance && exactDistance < bestExactDistance) {
        best = candidate;
        bestDistance = distance;
        bestExactDistance = exactDistance;
      }
    }
    return Optional.ofNullable(best);
  }

  /** " (did you mean 'x'?)" or "". */
  public static String suggestion(String name, Collection<String> candidates) {
    return closest(name, candidates).map(c -> " (did you mean '" + c + "'?)").orElse("");
  }

  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
