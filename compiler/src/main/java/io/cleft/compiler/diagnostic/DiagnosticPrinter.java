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

  /**
   * At most this many characters of a source line are shown: of a longer one (a generated model
   * can hold thousands on one line), a window that starts a little before the span.
   */
  public static final int MAX_EXCERPT = 160;

  private static final int CONTEXT_BEFORE_SPAN = 40;
  private static final String ELLIPSIS = "...";

  /**
   * The source line, its invisible characters shown escaped ({@link VisibleText}), and a caret
   * line whose marks stand under the span's characters however wide their escapes are.
   */
  private static void appendExcerpt(StringBuilder out, SourceSpan span) {
    int[] line = span.file().line(span.line()).codePoints().toArray();
    int first = Math.min(span.column() - 1, line.length);
    int last = span.endLine() == span.line() ? Math.min(span.endColumn() - 1, line.length) : line.length;
    int from = line.length <= MAX_EXCERPT ? 0 : Math.max(0, Math.min(first - CONTEXT_BEFORE_SPAN, line.length - MAX_EXCERPT));
    int to = Math.min(line.length, from + MAX_EXCERPT);
    String number = Integer.toString(span.line());
    String gutter = " ".repeat(Math.max(0, 5 - number.length()));
    out.append(gutter).append(number).append(" | ").append(from > 0 ? ELLIPSIS : "");
    for (int i = from; i < to; i++) {
      out.append(VisibleText.shown(line[i]));
    }
    out.append(to < line.length ? ELLIPSIS : "").append('\n');
    out.append(" ".repeat(Math.max(5, number.length()))).append(" | ").append(from > 0 ? " ".repeat(ELLIPSIS.length()) : "");
    // Copy tabs so the caret lines up however the terminal expands them.
    for (int i = from; i < first; i++) {
      out.append(line[i] == '\t' ? "\t" : " ".repeat(columnsShown(line[i])));
    }
    int width = 0;
    for (int i = first; i < Math.min(last, to); i++) {
      width += columnsShown(line[i]);
    }
    out.append('^').append("~".repeat(Math.max(1, width) - 1)).append('\n');
  }

  /** How many characters {@code codePoint} takes in the printed line (8 for {@code <U+00A0>}). */
  private static int columnsShown(int codePoint) {
    String shown = VisibleText.shown(codePoint);
    return shown.codePointCount(0, shown.length());
  }
}
