package io.cleft.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cleft.compiler.Pipeline;
import io.cleft.compiler.diagnostic.Diagnostic;
import io.cleft.compiler.source.SourceFile;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Dimensions that expressions compute stay within the unit exponents cleft allows, -64 to 64;
 * beyond is SYN048 at the operation, never an exponent that wraps around (a length to the
 * 64^6 = 2^36 was once dimensionless).
 */
class DimensionLimitsTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "(x / 1 [um^2])^32 * g * v_post                    |",
        "x^32 / 1 [um^64] * g * v_post                     |",
        "x^33 / 1 [um^64] * g * v_post                     | 3:13 SYN048",
        "x^16 * x^16 * x^16 * g * v_post                   | 3:13 SYN048",
        "((((((l^64)^64)^64)^64)^64)^64) * g * v_post      | 3:18 SYN048",
      })
  void aComputedDimensionBeyondTheLimitIsReportedWhereItIsComputed(String current, String expected) {
    String text = "synapse D {\n  parameters { g = 1 uS  x = 2 um^2  l = 1 m }\n  current = " + current + "\n}\n";
    List<String> errors =
        Pipeline.compile(new SourceFile("D.syn", text)).diagnostics().stream()
            .filter(Diagnostic::isError)
            .map(d -> d.span().orElseThrow().line() + ":" + d.span().orElseThrow().column() + " " + d.code().id())
            .toList();
    assertEquals(expected == null ? List.of() : List.of(expected), errors, text);
  }
}
