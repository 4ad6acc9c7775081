package io.cleft.compiler.diagnostic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cleft.compiler.source.SourceFile;
import io.cleft.compiler.source.SourceSpan;
import org.junit.jupiter.api.Test;

/** Excerpts show invisible characters escaped, and the caret stays under the right character. */
class DiagnosticPrinterTest {
  private static String render(String text, int line, int column, int endColumn, String message) {
    SourceFile file = new SourceFile("t.syn", text);
    return DiagnosticPrinter.render(
        Diagnostic.at(Severity.ERROR, DiagnosticCode.SYNTAX, new SourceSpan(file, line, column, line, endColumn), message));
  }

  @Test
  void ofALongLineAWindowAroundTheSpanIsShown() {
    String line = "x".repeat(1000) + "BAD" + "y".repeat(1000);
    String window = "x".repeat(40) + "BAD" + "y".repeat(DiagnosticPrinter.MAX_EXCERPT - 43);
    assertEquals(
        "t.syn:1:1001: error: m [SYN001]\n"
            + "    1 | ..." + window + "...\n"
            + "      |    " + " ".repeat(40) + "^~~\n",
        render(line, 1, 1001, 1004, "m"));
  }

  @Test
  void theWindowOfALongLineEndsWithTheLine() {
    String line = "x".repeat(300) + "BAD";
    assertEquals(
        "t.syn:1:301: error: m [SYN001]\n"
            + "    1 | ..." + "x".repeat(DiagnosticPrinter.MAX_EXCERPT - 3) + "BAD\n"
            + "      |    " + " ".repeat(DiagnosticPrinter.MAX_EXCERPT - 3) + "^~~\n",
        render(line, 1, 301, 304, "m"));
  }

  @Test
  void aSpanBeyondTheWindowIsMarkedUpToItsEnd() {
    String line = "x".repeat(100) + "y".repeat(500);
    assertEquals(
        "t.syn:1:1: error: m [SYN001]\n"
            + "    1 | " + "x".repeat(100) + "y".repeat(DiagnosticPrinter.MAX_EXCERPT - 100) + "...\n"
            + "      | ^" + "~".repeat(DiagnosticPrinter.MAX_EXCERPT - 1) + "\n",
        render(line, 1, 1, 601, "m"));
  }

  @Test
  void aNoBreakSpaceIsShownEscapedAndTheCaretCoversItsEscape() {
    assertEquals(
        "t.syn:1:6: error: m [SYN001]\n"
            + "    1 | gS = <U+00A0>1e-4 uS\n"
            + "      |      ^~~~~~~~\n",
        render("gS = \u00a01e-4 uS", 1, 6, 7, "m"));
  }

  @Test
  void theCaretAfterAnEscapedCharacterMovesByTheWidthOfTheEscape() {
    assertEquals(
        "t.syn:1:4: error: m [SYN001]\n"
            + "    1 | a<U+200B> bc\n"
            + "      |           ^~\n",
        render("a\u200b bc", 1, 4, 6, "m"));
  }

  @Test
  void tabsAreCopiedIntoTheCaretLineSoTheCaretStaysAligned() {
    assertEquals(
        "t.syn:2:8: error: m [SYN001]\n"
            + "    2 | \t\tgS = <U+0000>\n"
            + "      | \t\t     ^~~~~~~~\n",
        render("x\n\t\tgS = \u0000\n", 2, 8, 9, "m"));
  }

  @Test
  void aCharacterOutsideTheBmpIsOneColumnAndOneCaretPosition() {
    assertEquals(
        "t.syn:1:3: error: m [SYN001]\n"
            + "    1 | \uD83D\uDE00 kk\n"
            + "      |   ^~\n",
        render("\uD83D\uDE00 kk", 1, 3, 5, "m"));
  }

  @Test
  void invisibleCharactersInTheMessageAreEscapedToo() {
    assertEquals(
        "t.syn:1:1: error: bad 'a<U+2028>b<U+001B>[2J' [SYN001]\n"
            + "    1 | x\n"
            + "      | ^\n",
        render("x", 1, 1, 2, "bad 'a\u2028b\u001b[2J'"));
  }

  @Test
  void aQuotedCharacterIsEscapedAndNamedOnlyIfInvisible() {
    assertEquals("'\\u00a0' (no-break space)", VisibleText.quote(0xA0));
    assertEquals("'\\u2028' (line separator)", VisibleText.quote(0x2028));
    assertEquals("'\\u0000' (null)", VisibleText.quote(0));
    assertEquals("'\\ufeff' (zero width no-break space)", VisibleText.quote(0xFEFF));
    assertEquals("'\\U000e0041' (tag latin capital letter a)", VisibleText.quote(0xE0041));
    assertEquals("';'", VisibleText.quote(';'));
    assertEquals("'\u00e9'", VisibleText.quote(0xE9));
  }
}
