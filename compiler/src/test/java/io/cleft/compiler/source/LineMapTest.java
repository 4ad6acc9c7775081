package io.cleft.compiler.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Lines end at \n, \r\n or \r, and nowhere else; columns count code points. */
class LineMapTest {
  /** "line:column" of code point offset {@code offset}. */
  private static String position(LineMap lines, int offset) {
    return lines.lineOf(offset) + ":" + lines.columnOf(offset);
  }

  @Test
  void aLoneCarriageReturnEndsALine() {
    LineMap lines = LineMap.of("ab\rcd\re");

    assertEquals(3, lines.lineCount());
    assertEquals("cd", lines.line(2));
    assertEquals("2:2", position(lines, 4));
    assertEquals("3:1", position(lines, 6));
  }

  @Test
  void crLfIsOneLineBreakAndMixedEndingsAllCount() {
    LineMap lines = LineMap.of("a\r\nb\nc\rd");

    assertEquals(4, lines.lineCount());
    assertEquals("a|b|c|d", String.join("|", lines.line(1), lines.line(2), lines.line(3), lines.line(4)));
    assertEquals("2:1", position(lines, 3));
    assertEquals("3:1", position(lines, 5));
    assertEquals("4:1", position(lines, 7));
  }

  @Test
  void unicodeLineSeparatorsAndNextLineAreNotLineBreaks() {
    LineMap lines = LineMap.of("a\u2028b\u0085c\u2029d\n");

    assertEquals(1, lines.lineCount());
    assertEquals("1:7", position(lines, 6));
  }

  @Test
  void aColumnCountsCodePointsSoACharacterOutsideTheBmpIsOneColumn() {
    // U+1F600 is two UTF-16 units and one code point, as ANTLR's code point stream counts it.
    LineMap lines = LineMap.of("x\n\uD83D\uDE00 = y\n");

    assertEquals("2:1", position(lines, 2));
    assertEquals("2:2", position(lines, 3));
    assertEquals("2:5", position(lines, 6));
    assertEquals("\uD83D\uDE00 = y", lines.line(2));
  }

  @Test
  void theEndOfATextEndingWithALineBreakIsOnTheLineAfterTheLast() {
    LineMap lines = LineMap.of("ab\n");

    assertEquals(1, lines.lineCount());
    assertEquals("2:1", position(lines, 3));
    assertEquals("", lines.line(2));
  }

  @Test
  void theEndOfATextWithoutAFinalLineBreakIsOnItsLastLine() {
    LineMap lines = LineMap.of("ab\ncd");

    assertEquals("2:3", position(lines, 5));
  }

  @Test
  void anEmptyTextHasOneEmptyLine() {
    LineMap lines = LineMap.of("");

    assertEquals(1, lines.lineCount());
    assertEquals("1:1", position(lines, 0));
  }

  @Test
  void aSpanReadsItsTextByCodePoints() {
    SourceFile file = new SourceFile("t.syn", "\uD83D\uDE00 k_minus\r");

    assertEquals("k_minus", new SourceSpan(file, 1, 3, 1, 10).textOnFirstLine());
  }

  @Test
  void printingEveryLineOfALargeTextTakesLinearTime() {
    // 200,000 lines: splitting the text for each line, as once, would take minutes.
    SourceFile file = new SourceFile("big.csv", "1,abc\n".repeat(200_000));
    long start = System.nanoTime();
    for (int line = 1; line <= 200_000; line++) {
      assertEquals("1,abc", file.line(line));
    }
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    assertTrue(seconds < 20, seconds + " s");
  }
}
