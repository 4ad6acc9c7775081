package io.cleft.compiler.source;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The lines of a text, and the line and column of any character in it: the one definition of
 * what a line and a column are, which parser positions and printed excerpts both use.
 *
 * <ul>
 *   <li>A line ends at {@code \n}, {@code \r\n} or a lone {@code \r}, as in
 *       {@link String#lines()}; ANTLR counts only {@code \n}, so its line numbers are not used.
 *       U+0085, U+2028 and U+2029 do not end a line: the grammar does not treat them as line
 *       breaks either (a {@code //} comment runs over them), so they are characters like any other.
 *   <li>A column counts Unicode code points from 1: a tab is one column, and so is a character
 *       outside the Basic Multilingual Plane (two UTF-16 units). This is how ANTLR's code point
 *       streams index the text.
 * </ul>
 */
public final class LineMap {
  private final String text;
  /** The UTF-16 index of the first character of each line. */
  private final int[] lineStarts;
  /** The UTF-16 index one past the last character of each line, before its terminator. */
  private final int[] lineEnds;
  /** The code point offset of the first character of each line. */
  private final int[] lineStartCodePoints;
  private final int codePointCount;
  private final boolean endsWithTerminator;

  private LineMap(String text, int[] lineStarts, int[] lineEnds, int[] lineStartCodePoints, int codePointCount) {
    this.text = text;
    this.lineStarts = lineStarts;
    this.lineEnds = lineEnds;
    this.lineStartCodePoints = lineStartCodePoints;
    this.codePointCount = codePointCount;
    this.endsWithTerminator = text.endsWith("\n") || text.endsWith("\r");
  }

  /**
   * The last map built by {@link #of}: a diagnostic printer asks for one line of the same text
   * again and again (a CSV file with a bad number on every row), and must not split the whole
   * text each time. One entry is enough; texts are compared by identity, so it is never stale.
   */
  private static final AtomicReference<LineMap> LAST = new AtomicReference<>();

  /** The lines of {@code text}; the map built for the same text object last time, if it was. */
  public static LineMap of(String text) {
    LineMap last = LAST.get();
    if (last != null && last.text == text) {
      return last;
    }
    LineMap built = build(text);
    LAST.set(built);
    return built;
  }

  private static LineMap build(String text) {
    int[] starts = new int[16];
    int[] ends = new int[16];
    int[] startCodePoints = new int[16];
    int lines = 0;
    int lineStart = 0;
    int codePoints = 0;
    int lineStartCodePoint = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        int terminator = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 2 : 1;
        if (lines == starts.length) {
          starts = Arrays.copyOf(starts, lines * 2);
          ends = Arrays.copyOf(ends, lines * 2);
          startCodePoints = Arrays.copyOf(startCodePoints, lines * 2);
        }
        starts[lines] = lineStart;
        ends[lines] = i;
        startCodePoints[lines] = lineStartCodePoint;
        lines++;
        i += terminator;
        codePoints += terminator;
        lineStart = i;
        lineStartCodePoint = codePoints;
      } else {
        i += Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)) ? 2 : 1;
        codePoints++;
      }
    }
    // The text after the last terminator is a line too, unless it is empty (a file that ends
    // with a line break has no empty last line, as in String.lines()).
    if (lineStart < text.length() || lines == 0) {
      starts = Arrays.copyOf(starts, lines + 1);
      ends = Arrays.copyOf(ends, lines + 1);
      startCodePoints = Arrays.copyOf(startCodePoints, lines + 1);
      starts[lines] = lineStart;
      ends[lines] = text.length();
      startCodePoints[lines] = lineStartCodePoint;
      lines++;
    }
    return new LineMap(
        text, Arrays.copyOf(starts, lines), Arrays.copyOf(ends, lines), Arrays.copyOf(startCodePoints, lines),
        codePoints);
  }

  /** How many lines the text has; an empty text has one, empty line. */
  public int lineCount() {
    return lineStarts.length;
  }

  /** The 1-based line {@code line} without its terminator, or "" past the end. */
  public String line(int line) {
    return line >= 1 && line <= lineCount() ? text.substring(lineStarts[line - 1], lineEnds[line - 1]) : "";
  }

  /**
   * The 1-based line of the character at code point offset {@code offset} (0-based, as ANTLR's
   * token indexes). The end of a text that ends with a terminator is on the line after the last,
   * as where a parser sees the end of the file.
   */
  public int lineOf(int offset) {
    if (endsWithTerminator && offset >= codePointCount) {
      return lineCount() + 1;
    }
    int found = Arrays.binarySearch(lineStartCodePoints, offset);
    return found >= 0 ? found + 1 : -found - 1;
  }

  /** The 1-based column of the character at code point offset {@code offset}; see {@link #lineOf}. */
  public int columnOf(int offset) {
    int line = lineOf(offset);
    int lineStart = line > lineCount() ? codePointCount : lineStartCodePoints[line - 1];
    return offset - lineStart + 1;
  }
}
