package io.cleft.compiler.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cleft.compiler.Pipeline;
import io.cleft.compiler.diagnostic.Diagnostic;
import io.cleft.compiler.source.SourceFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The hints for common slips appear where the slip is likely, and not where the same token is
 * wrong for another reason (the bad models in {@code src/test/resources/bad/} show each hint).
 */
class CommonSlipsTest {
  private static String diagnose(String parameters, String current) {
    String model = "synapse M {\n  parameters {\n" + parameters + "\n  }\n  current = " + current + "\n}\n";
    return Pipeline.compile(new SourceFile("m.syn", model)).diagnostics().stream()
        .map(Diagnostic::headline)
        .collect(Collectors.joining("\n"));
  }

  @Test
  void anEqualsSignWhereAnOperandIsMissingIsNotTakenForAComparison() {
    assertEquals(
        "m.syn:5:13: error: unexpected '=', expected an expression [SYN001]",
        diagnose("    gS = 1e-4 uS", "= gS * v_post"));
  }

  @Test
  void anEqualsSignAfterAnOperandInAConditionIsTakenForAComparison() {
    assertEquals(
        "m.syn:5:19: error: unexpected '=', expected 'then' (write '==' to compare) [SYN001]",
        diagnose("    gS = 1e-4 uS", "if gS = 0 [uS] then 0 [nA] else gS * v_post"));
  }

  @Test
  void aPrimeWhereTheValueShouldBeIsNotTakenForASingleQuotedString() {
    assertEquals(
        "m.syn:3:10: error: unexpected ''', expected '+', '-' or a number [SYN001]",
        diagnose("    gS = 'x' uS", "gS * v_post"));
  }

  @Test
  void aWordAfterADeclarationIsNotTakenForAMissingEquals() {
    assertEquals(
        "m.syn:3:18: error: unexpected 'k' after a declaration; a declaration is"
            + " 'name = value unit in [lower, upper] \"documentation\"' [SYN001]",
        diagnose("    gS = 1e-4 uS k 1", "gS * v_post"));
  }

  @Test
  void aModelOnOneLineStillGetsTheMissingEquals() {
    String model = "synapse M { parameters { gS 1e-4 uS } current = gS * v_post }";
    assertEquals(
        "m.syn:1:29: error: unexpected '1e-4', expected '=' after 'gS' [SYN001]",
        Pipeline.compile(new SourceFile("m.syn", model)).diagnostics().get(0).headline());
  }
}
