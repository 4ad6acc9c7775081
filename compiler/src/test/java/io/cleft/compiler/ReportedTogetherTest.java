package io.cleft.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cleft.compiler.source.SourceFile;
import io.cleft.compiler.source.SourceSpan;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One run reports name, unit and linearity errors together, and nothing that only follows from
 * an error already reported.
 */
class ReportedTogetherTest {
  private static final String DECLARATIONS = """
      synapse Together {
        parameters {
          gS  = 1e-4 uS
          tau = 5 ms
          p   = 1 foo
        }
        states {
          s = 0.2
          r = 0.1
          q = 0.5
          w = 0.1
        }
        update {
      """;

  /** The diagnostics of the update block {@code update} (from line 14) as "line:col CODE". */
  private static String diagnostics(String update) {
    String text = DECLARATIONS + update + "  }\n  current = gS * (s + r + q + w) * (v_post - 0 [mV])\n}\n";
    return Pipeline.compile(new SourceFile("t.syn", text)).diagnostics().stream()
        .map(d -> {
          SourceSpan span = d.span().orElseThrow();
          return span.line() + ":" + span.column() + " " + d.code().id();
        })
        .collect(Collectors.joining("\n"));
  }

  @Test
  void nameUnitAndLinearityErrorsComeInOneRun() {
    String update = """
            a = k_minsu * s
            b = v_pre + tau
            s' = (1 - s) * s / tau  using exponential_euler
            r' = -r / tau  using exponential_euler
            q' = -q * q / tau  using exponential_euler
            w' = -w / tau  using exponential_euler
        """;
    assertEquals(
        String.join("\n",
            "5:13 SYN040", // unknown unit 'foo'
            "14:9 SYN020", // unknown name 'k_minsu'
            "15:9 SYN041", // voltage plus time
            "16:10 SYN070", // (1 - s) * s
            "18:10 SYN070"), // -q * q
        diagnostics(update));
  }

  @Test
  void anEquationAnErrorTouchesIsNotProvedLinearSoItGetsNoFollowUpError() {
    String update = """
            b = v_pre + tau
            s' = b * s * s  using exponential_euler
            r' = k_minsu * r * r  using exponential_euler
            q' = p * q * q  using exponential_euler
            w' = (v_pre + tau) * w * w / 1 [mV]  using exponential_euler
        """;
    // b has a unit error, k_minsu is unknown, p's unit is unknown, and w's equation has a
    // unit error of its own: none of the four products of a state with itself is reported.
    assertEquals(
        String.join("\n", "5:13 SYN040", "14:9 SYN041", "16:10 SYN020", "18:11 SYN041"),
        diagnostics(update));
  }

  @Test
  void anUnknownNameCausesNoUnitErrorOnItsExpression() {
    // (v_pree + tau) would be voltage plus time, exp(v_pree) a dimensioned argument, and the
    // next value of s a voltage: none of it is reported, as v_pree has no known dimension.
    String update = """
            s = (v_pree + tau) * exp(v_pree)
            r' = -r / tau  using exponential_euler
            q' = -q / tau  using exponential_euler
            w' = -w / tau  using exponential_euler
        """;
    assertEquals(String.join("\n", "5:13 SYN040", "14:10 SYN020", "14:30 SYN020"), diagnostics(update));
  }

  @Test
  void theRightHandSideOfARejectedStatementIsStillUnitChecked() {
    String update = """
            gS = v_pre + tau
            s = v_pre + 1
            s = v_post + tau
            r' = v_pre + tau
            foo' = v_pre + tau  using euler
            q' = -q / tau  using exponential_euler
            w' = exp(v_pre, tau) + expp(v_post + tau)  using euler
        """;
    assertEquals(
        String.join("\n",
            "5:13 SYN040",
            "14:5 SYN023", "14:10 SYN041", // assignment to a parameter
            "15:9 SYN041",
            "16:5 SYN026", "16:9 SYN041", // a state's second update
            "17:5 SYN034", "17:10 SYN041", // an equation without a method
            "18:5 SYN035", "18:12 SYN041", // the derivative of a name that is no state
            "20:10 SYN031", "20:28 SYN030", "20:33 SYN041"), // arguments of rejected calls
        diagnostics(update));
  }
}
