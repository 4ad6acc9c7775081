package io.cleft.compiler.check;

import static io.cleft.compiler.TestModels.compile;
import static io.cleft.compiler.TestModels.defaultParameters;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleft.compiler.interp.Interpreter;
import io.cleft.compiler.ir.IrProgram;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A rate declared in 1/s is converted to cleft's 1/ms exactly: {@code k_minus = 25 1/s} steps
 * bit for bit like {@code k_minus = 0.025 1/ms}.
 */
class RateUnitConversionTest {
  private static final String ODE = """
      synapse Ionotropic {
        parameters {
          gS      = 1e-4  uS
          e_syn   = 0     mV
          K_MINUS
          v_th    = -35   mV
          delta   = 10    mV
        }
        states {
          s = 0.2
        }
        update {
          s_inf = 1 / (1 + safe_exp((v_th - v_pre) / delta))
          tau_s = (1 - s_inf) / k_minus
          s' = (s_inf - s) / tau_s  using exponential_euler
        }
        current = gS * s * (v_post - e_syn)
      }
      """;

  private static final String EXPLICIT = """
      synapse Ionotropic {
        parameters {
          gS      = 1e-4  uS
          e_syn   = 0     mV
          K_MINUS
          v_th    = -35   mV
          delta   = 10    mV
        }
        states {
          s = 0.2
        }
        update {
          s_inf = 1 / (1 + safe_exp((v_th - v_pre) / delta))
          tau_s = (1 - s_inf) / k_minus
          slope = -1 / tau_s
          exp_term = safe_exp(slope * dt)
          s = s * exp_term + s_inf * (1 - exp_term)
        }
        current = gS * s * (v_post - e_syn)
      }
      """;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ode", "explicit"})
  void perSecondAndPerMillisecondGiveBitIdenticalSteps(String form) {
    String model = form.equals("ode") ? ODE : EXPLICIT;
    IrProgram perSecond = compile(model.replace("K_MINUS", "k_minus = 25 1/s"));
    IrProgram perMillisecond = compile(model.replace("K_MINUS", "k_minus = 0.025 1/ms"));
    double[] parametersPerSecond = defaultParameters(perSecond);
    double[] parametersPerMillisecond = defaultParameters(perMillisecond);
    assertEquals(25.0, parametersPerSecond[2], "parameters stay in their declared unit");
    assertEquals(0.025, parametersPerMillisecond[2]);

    Interpreter a = new Interpreter(perSecond);
    Interpreter b = new Interpreter(perMillisecond);
    int compared = 0;
    for (double s : new double[] {0, 0.2, 0.5, 0.999, 1}) {
      for (double vPre : new double[] {-80, -35.5, -10, 0, 40}) {
        for (double dt : new double[] {0.001, 0.025, 0.1, 1, 10}) {
          double next = a.update(parametersPerSecond, new double[] {s}, dt, vPre, -65)[0];
          double expected = b.update(parametersPerMillisecond, new double[] {s}, dt, vPre, -65)[0];
          assertTrue(next == expected, "s=" + s + " vPre=" + vPre + " dt=" + dt + ": " + next + " != " + expected);
          compared++;
        }
      }
    }
    assertEquals(125, compared);
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(delimiter = '|', value = {
    "k_minus = 25 Hz       | k_minus = 0.025 1/ms",
    "k_minus = 1.5 1/min   | k_minus = 0.000025 1/ms",
    "k_minus = 2.5e-5 1/us | k_minus = 0.025 1/ms",
  })
  void otherRateUnitsConvertToTheSameValueAsWrittenInPerMillisecond(String declaration, String perMillisecond) {
    IrProgram converted = compile(ODE.replace("K_MINUS", declaration));
    IrProgram reference = compile(ODE.replace("K_MINUS", perMillisecond));
    double next = new Interpreter(converted).update(defaultParameters(converted), new double[] {0.3}, 0.025, -20, -65)[0];
    double expected = new Interpreter(reference).update(defaultParameters(reference), new double[] {0.3}, 0.025, -20, -65)[0];
    assertTrue(next == expected, next + " != " + expected);
  }
}
