package io.cleft.compiler.diagnostic;

import io.cleft.compiler.source.SourceSpan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects the diagnostics of one compilation. Passes report here and go on, so that one run
 * shows every problem; the pipeline checks {@link #hasErrors()} between phases, never a pass.
 */
public final class DiagnosticCollector {
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final Set<Diagnostic> seen = new HashSet<>();

  public void error(DiagnosticCode code, SourceSpan span, String message) {
    add(Diagnostic.at(Severity.ERROR, code, span, message));
  }

  public void warning(DiagnosticCode code, SourceSpan span, String message) {
    add(Diagnostic.at(Severity.WARNING, code, span, message));
  }

  public void note(DiagnosticCode code, SourceSpan span, String message) {
    add(Diagnostic.at(Severity.NOTE, code, span, message));
  }

  /**
   * Adds {@code diagnostic}, unless the same one (kind, code, place and message) is here already:
   * several equations can come from one piece of source (a kinetic scheme's reaction is in two
   * states' equations), and one mistake there is reported once.
   */
  public void add(Diagnostic diagnostic) {
    if (seen.add(diagnostic)) {
      diagnostics.add(diagnostic);
    }
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  /** Every diagnostic so far, sorted by position so the output reads top to bottom. */
  public List<Diagnostic> all() {
    List<Diagnostic> sorted = new ArrayList<>(diagnostics);
    sorted.sort(DiagnosticCollector::byPosition);
    return Collections.unmodifiableList(sorted);
  }

  private static int byPosition(Diagnostic a, Diagnostic b) {
    int byFile = a.file().compareTo(b.file());
    if (byFile != 0) {
      return byFile;
    }
    int aLine = a.span().map(SourceSpan::line).orElse(0);
    int bLine = b.span().map(SourceSpan::line).orElse(0);
    if (aLine != bLine) {
      return Integer.compare(aLine, bLine);
    }
    return Integer.compare(
        a.span().map(SourceSpan::column).orElse(0), b.span().map(SourceSpan::column).orElse(0));
  }
}
