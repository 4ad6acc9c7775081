package io.cleft.compiler.cli;

import io.cleft.compiler.diagnostic.Diagnostic;
import io.cleft.compiler.diagnostic.DiagnosticPrinter;
import java.io.PrintWriter;
import java.util.Collection;

/** Prints diagnostics to the error stream as they come, and counts them for the summary. */
final class DiagnosticReporter {
  private final PrintWriter err;
  private int errors;
  private int warnings;

  DiagnosticReporter(PrintWriter err) {
    this.err = err;
  }

  void report(Collection<Diagnostic> diagnostics) {
    for (Diagnostic diagnostic : diagnostics) {
      err.print(DiagnosticPrinter.render(diagnostic));
      if (diagnostic.isError()) {
        errors++;
      } else {
        warnings++;
      }
    }
    err.flush();
  }

  int errors() {
    return errors;
  }

  int warnings() {
    return warnings;
  }

  boolean hasErrors() {
    return errors > 0;
  }

  /** "2 errors, 1 warning in 3 files"; zero counts are left out. Empty if nothing was reported. */
  String summary(int files) {
    if (errors == 0 && warnings == 0) {
      return "";
    }
    StringBuilder summary = new StringBuilder();
    if (errors > 0) {
      summary.append(plural(errors, "error"));
    }
    if (warnings > 0) {
      summary.append(errors > 0 ? ", " : "").append(plural(warnings, "warning"));
    }
    return summary.append(" in ").append(plural(files, "file")).toString();
  }

  static String plural(int count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
