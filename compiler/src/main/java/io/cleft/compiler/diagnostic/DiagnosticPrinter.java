package io.cleft.compiler.diagnostic;

import io.cleft.compiler.source.SourceSpan;

/**
 * Renders a diagnostic the way gcc and clang do, so editors and CI can jump to it:
 *
 * <pre>
 * models/x.syn:12:27: error: unknown name 'k_minsu' (did you mean 'k_minus'?) [SYN020]
 *    12 |     tau_s = (1 - s_inf) / k_minsu
 *       |                           ^~~~~~~
 * </pre>
 */
public final class DiagnosticPrinter {
  private DiagnosticPrinter() {}

  public static String render(Diagnostic diagnostic) {
    StringBuilder out = new StringBuilder(diagnostic.headline()).append('\n');
    diagnostic.span().ifPresent(span -> appendExcerpt(out, span));
    return out.toString();
  }

  private static void appendExcerpt(StringBuilder out, SourceSpan span) {
    String line = span.file().line(span.line());
    String number = Integer.toString(span.line());
    String gutter = " ".repeat(Math.max(0, 5 - number.length()));
    out.append(gutter).append(number).append(" | ").append(line).append('\n');
    out.append(" ".repeat(Math.max(5, number.length()))).append(" | ");
    // Copy tabs so the caret lines up however the terminal expands them.
    int caretColumn = Math.min(span.column() - 1, line.length());
    for (int i = 0; i < caretColumn; i++) {
      out.append(line.charAt(i) == '\t' ? '\t' : ' ');
    }
    int lastColumn = span.endLine() == span.line() ? span.endColumn() - 1 : line.length();
    int width = Math.max(1, lastColumn - caretColumn);
    out.append('^').append("~".repeat(width - 1)).append('\n');
  }
}
