package io.cleft.compiler.source;

import java.util.Objects;

/**
 * A range of characters in a model file: 1-based line and column of the first character, and
 * the line and column one past the last character (so a one-character span at 3:7 ends at 3:8).
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

  @Override
  public String toString() {
    return file.displayName() + ":" + line + ":" + column;
  }
}
