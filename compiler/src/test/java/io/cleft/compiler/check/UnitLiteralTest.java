package io.cleft.compiler.check;

import static io.cleft.compiler.TestModels.compile;
import static io.cleft.compiler.TestModels.defaultParameters;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleft.compiler.interp.Interpreter;
import io.cleft.compiler.ir.IrProgram;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A number with a unit in brackets, {@code 20 [mV]}, is a quantity converted to working units exactly. */
class UnitLiteralTest {
  private static final String MODEL = """
      synapse Ionotropic {
        parameters {
          gS      = 1e-4  uS
          e_syn   = 0     mV
          k_minus = 0.025 1/ms
          v_th    = -35   mV
          delta   = 20    mV
        }
        states {
          s = 0.2
        }
        update {
          s_inf = 1 / (1 + safe_exp((v_th - v_pre) / DELTA))
          s' = (s_inf - s) * k_minus  using exponential_euler
        }
        current = gS * s * (v_post - e_syn)
      }
      """;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"20 [mV]", "0.02 [V]", "20000 [uV]", "(10 [mV] + 10 [mV])"})
  void aLiteralWithAUnitStepsLikeAParameterOfThatValue(String literal) {
    IrProgram withParameter = compile(MODEL.replace("DELTA", "delta"));
    IrProgram withLiteral = compile(MODEL.replace("DELTA", literal));
    Interpreter a = new Interpreter(withParameter);
    Interpreter b = new Interpreter(withLiteral);
    for (double vPre : new double[] {-90, -35, -12.5, 0, 25}) {
      double expected = a.update(defaultParameters(withParameter), new double[] {0.2}, 0.025, vPre, -65)[0];
      double actual = b.update(defaultParameters(withLiteral), new double[] {0.2}, 0.025, vPre, -65)[0];
      assertTrue(expected == actual, literal + " at vPre=" + vPre + ": " + actual + " != " + expected);
    }
  }
}
