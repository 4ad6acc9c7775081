package io.cleft.compiler.diagnostic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleft.compiler.Pipeline;
import io.cleft.compiler.source.SourceFile;
import io.cleft.compiler.source.SourceSpan;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The robustness reproducers whose diagnostics were in the wrong place or unreadable
 * ({@code src/test/resources/robustness/}), and the line endings around them: each must print
 * exactly this.
 */
class PositionReproducersTest {
  private static String check(SourceFile source) {
    return Pipeline.compile(source).diagnostics().stream()
        .map(DiagnosticPrinter::render)
        .collect(Collectors.joining());
  }

  private static SourceFile reproducer(String name) {
    try (InputStream in = PositionReproducersTest.class.getResourceAsStream("/robustness/" + name)) {
      if (in == null) {
        throw new AssertionError("no test resource robustness/" + name);
      }
      return new SourceFile(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void crOnlyLineEndingsGiveTheRightLineAndASquiggleWithinIt() {
    String name = "bad-diagnostic_cr-only-line-endings.syn";
    assertEquals(
        name + ":10:10: error: the derivative s' must be in rate (1/ms), the state's unit per ms, but it is in mV/ms [SYN045]\n"
            + "   10 |     s' = -k * s * v_pre  using exponential_euler\n"
            + "      |          ^~~~~~~~~~~~~~\n",
        check(reproducer(name)));
  }

  @Test
  void crLfAndMixedLineEndingsGiveTheSamePositionsAsLf() {
    String lf = reproducer("bad-diagnostic_cr-only-line-endings.syn").text().replace('\r', '\n');
    String expected = check(new SourceFile("m.syn", lf));
    assertEquals(expected, check(new SourceFile("m.syn", lf.replace("\n", "\r\n"))));
    String[] lines = lf.split("\n", -1);
    StringBuilder mixed = new StringBuilder();
    String[] endings = {"\n", "\r\n", "\r"};
    for (int i = 0; i < lines.length; i++) {
      mixed.append(lines[i]).append(i < lines.length - 1 ? endings[i % endings.length] : "");
    }
    assertEquals(expected, check(new SourceFile("m.syn", mixed.toString())));
    assertTrue(expected.startsWith("m.syn:10:10: "), expected);
  }

  @Test
  void lineNumbersInMessagesCountCarriageReturnsToo() {
    String model = "synapse M {\r  parameters {\r    gS = 1e-4 uS\r\r  states {\r    s = 0.2\r  }\r"
        + "  current = gS * s * v_post\r}\r";
    assertEquals(
        "m.syn:5:3: error: unexpected keyword 'states', expected '}' or a name"
            + " (is the '}' that closes 'parameters' at line 2 missing?) [SYN001]\n"
            + "    5 |   states {\n"
            + "      |   ^~~~~~\n",
        check(new SourceFile("m.syn", model)));
  }

  @Test
  void theEndOfAFileOfOnlyADocCommentIsReportedAfterTheCommentNotPastTheFile() {
    String name = "bad-diagnostic_eof-after-doc-comment-points-past-the-file.syn";
    assertEquals(
        name + ":3:4: error: unexpected end of file, expected 'synapse' [SYN001]\n"
            + "    3 |  */\n"
            + "      |    ^\n",
        check(reproducer(name)));
  }

  @Test
  void aNoBreakSpaceIsNamedAndShownEscaped() {
    String name = "bad-diagnostic_invisible-character-nbsp.syn";
    assertEquals(
        name + ":3:10: error: unexpected character '\\u00a0' (no-break space) [SYN004]\n"
            + "    3 |     gS = <U+00A0>1e-4 uS\n"
            + "      |          ^~~~~~~~\n",
        check(reproducer(name)));
  }

  @Test
  void aLineSeparatorIsAnInvisibleCharacterNotALineBreak() {
    String model = "synapse M {\n  current = 1 [nA]\u2028 + 2 [nA]\n}\n";
    assertEquals(
        "m.syn:2:19: error: unexpected character '\\u2028' (line separator) [SYN004]\n"
            + "    2 |   current = 1 [nA]<U+2028> + 2 [nA]\n"
            + "      |                   ^~~~~~~~\n",
        check(new SourceFile("m.syn", model)));
  }

  @Test
  void columnsAfterACharacterOutsideTheBmpCountItAsOneAlsoWhereTheMessageQuotesTheSource() {
    String model = "synapse M {\n  parameters {\n    tau = 5 ms\n  }\n  states {\n    s = 0.1\n  }\n  update {\n"
        + "    s' = /* \uD83D\uDE00 */ (1 - s) * s / tau using exponential_euler\n  }\n  current = s * 1 [nA]\n}\n";
    assertEquals(
        "m.syn:9:18: error: exponential_euler needs a right-hand side linear in 's', but the term '(1 - s) * s' is not:"
            + " it multiplies two factors that both depend on 's'; use 'rk4', or 'implicit_euler' if it is stiff, for a nonlinear equation [SYN070]\n"
            + "    9 |     s' = /* \uD83D\uDE00 */ (1 - s) * s / tau using exponential_euler\n"
            + "      |                  ^~~~~~~~~~~\n",
        check(new SourceFile("m.syn", model)));
  }

  @Test
  void aTabBeforeTheErrorKeepsTheCaretAligned() {
    String model = "synapse M {\n\tcurrent =\t1 [nA] *\tkk\n}\n";
    assertEquals(
        "m.syn:2:21: error: unknown name 'kk' [SYN020]\n"
            + "    2 | \tcurrent =\t1 [nA] *\tkk\n"
            + "      | \t         \t        \t^~\n",
        check(new SourceFile("m.syn", model)));
  }

  @Test
  void aModelNestedTooDeeplyToParseIsReportedWhereTheNestingIsNotAtOneOne() {
    // Deep enough to overflow the parser's stack; where exactly depends on the stack size.
    String model = "synapse M {\n  current = " + "(".repeat(100_000) + "1" + ")".repeat(100_000) + "\n}\n";
    List<Diagnostic> diagnostics = Pipeline.compile(new SourceFile("m.syn", model)).diagnostics();
    assertEquals(1, diagnostics.size(), diagnostics::toString);
    SourceSpan span = diagnostics.get(0).span().orElseThrow();
    assertEquals(2, span.line(), diagnostics.get(0)::headline);
    assertTrue(span.column() >= 13, diagnostics.get(0)::headline);
  }
}
