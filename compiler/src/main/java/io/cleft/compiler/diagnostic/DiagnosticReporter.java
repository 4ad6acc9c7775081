package io.cleft.compiler.diagnostic;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints diagnostics to the error stream as they come, and counts them for the summary. Of the
 * diagnostics with one code in one file, only the first {@link #SHOWN_PER_CODE} are printed,
 * then one line with how many more there are: a CSV with a bad value on each of 64,000 rows is
 * one mistake, and printing it 64,000 times (each with its source line) buries everything else.
 */
public final class DiagnosticReporter {
  /** How many diagnostics of one code in one file are printed; documented in docs/LANGUAGE.md. */
  public static final int SHOWN_PER_CODE = 10;

  private final PrintWriter err;
  private final Map<Severity, Integer> counts = new EnumMap<>(Severity.class);

  /** A reporter that prints to {@code err}. */
  public DiagnosticReporter(PrintWriter err) {
    this.err = err;
  }

  /** Prints and counts {@code diagnostics}, the repetitions of one kind as a count. */
  public void report(Collection<Diagnostic> diagnostics) {
    Map<Kind, Integer> seen = new LinkedHashMap<>();
    for (Diagnostic diagnostic : diagnostics) {
      int count = seen.merge(new Kind(diagnostic), 1, Integer::sum);
      if (count <= SHOWN_PER_CODE) {
        err.print(DiagnosticPrinter.render(diagnostic));
      }
      counts.merge(diagnostic.severity(), 1, Integer::sum);
    }
    seen.forEach((kind, count) -> {
      if (count > SHOWN_PER_CODE) {
        err.println(kind.file() + ": ... and " + String.format(Locale.ROOT, "%,d", count - SHOWN_PER_CODE) + " more "
            + kind.severity().label() + "s [" + kind.code().id() + "] (only the first " + SHOWN_PER_CODE
            + " of a kind are shown)");
      }
    });
    err.flush();
  }

  /** Diagnostics that count as repetitions of one another. */
  private record Kind(String file, DiagnosticCode code, Severity severity) {
    Kind(Diagnostic diagnostic) {
      this(diagnostic.file(), diagnostic.code(), diagnostic.severity());
    }
  }

  /** Whether any error was reported. */
  public boolean hasErrors() {
    return counts.containsKey(Severity.ERROR);
  }

  /**
   * "2 errors, 1 warning in 3 files", in the order of {@link Severity}; zero counts are left out.
   * Empty if nothing was reported.
   */
  public String summary(int files) {
    if (counts.isEmpty()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    counts.forEach((severity, count) -> parts.add(plural(count, severity.label())));
    return String.join(", ", parts) + " in " + plural(files, "file");
  }

  /** "1 row", "2 rows": {@code count} and {@code noun}, with an s unless the count is one. */
  public static String plural(int count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
