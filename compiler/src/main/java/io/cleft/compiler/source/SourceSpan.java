package io.cleft.compiler.source;

import java.util.Objects;

/**
 * A range of characters in a model file: 1-based line and column of the first character, and
 * the line and column one past the last character (so a one-character span at 3:7 ends at 3:8).
 * Lines and columns are as {@link LineMap} defines them: a column counts code points.
 */
public record SourceSpan(SourceFile file, int line, int column, int endLine, int endColumn) {
  public SourceSpan {
    Objects.requireNonNull(file, "file");
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
    }
    if (endLine < line || (endLine == line && endColumn < column)) {
      throw new IllegalArgumentException(
          "span ends before it starts: " + line + ":" + column + "-" + endLine + ":" + endColumn);
    }
  }

  /** The smallest span that covers both {@code this} and {@code other}. */
  public SourceSpan to(SourceSpan other) {
    boolean otherEndsLater =
        other.endLine > endLine || (other.endLine == endLine && other.endColumn > endColumn);
    return new SourceSpan(
        file,
        line,
        column,
        otherEndsLater ? other.endLine : endLine,
        otherEndsLater ? other.endColumn : endColumn);
  }

  /**
   * The source text of the span on its first line, up to the end of that line if the span goes
   * on: what the user wrote there. Columns count code points (see {@link LineMap}).
   */
  public String textOnFirstLine() {
    String text = file.line(line);
    int lineLength = text.codePointCount(0, text.length());
    int last = endLine == line ? endColumn - 1 : lineLength;
    int from = Math.min(column - 1, lineLength);
    int to = Math.max(from, Math.min(last, lineLength));
    return text.substring(text.offsetByCodePoints(0, from), text.offsetByCodePoints(0, to));
  }

  @Override
  public String toString() {
    return file.displayName() + ":" + line + ":" + column;
  }
}
