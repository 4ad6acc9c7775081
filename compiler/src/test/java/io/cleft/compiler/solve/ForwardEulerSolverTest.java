package io.cleft.compiler.solve;

import static io.cleft.compiler.TestModels.compile;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleft.compiler.interp.Interpreter;
import org.junit.jupiter.api.Test;

/** {@code using euler} turns {@code s' = f} into {@code s + dt*f}, evaluated as written; f may be nonlinear. */
class ForwardEulerSolverTest {
  private static final String MODEL = """
      synapse Euler {
        parameters {
          s_inf = 0.8
          tau   = 3 ms
        }
        states {
          s = 0.1
        }
        update {
          s' = RHS  using euler
        }
        current = 1 [nA] * s
      }
      """;

  private static final double[] PARAMETERS = {0.8, 3};

  @Test
  void aLinearRightHandSideGivesTheEulerStep() {
    Interpreter interpreter = new Interpreter(compile(MODEL.replace("RHS", "(s_inf - s) / tau")));
    for (double s : new double[] {0, 0.1, 0.5, 1}) {
      for (double dt : new double[] {0.025, 0.1, 1}) {
        double next = interpreter.update(PARAMETERS, new double[] {s}, dt, 0, 0)[0];
        double expected = s + dt * ((0.8 - s) / 3);
        assertTrue(next == expected, "s=" + s + ", dt=" + dt + ": " + next + " != " + expected);
      }
    }
  }

  @Test
  void aNonlinearRightHandSideIsAcceptedAndGivesTheEulerStep() {
    Interpreter interpreter = new Interpreter(compile(MODEL.replace("RHS", "(s_inf - s) * s / tau")));
    for (double s : new double[] {0, 0.1, 0.5, 1}) {
      double next = interpreter.update(PARAMETERS, new double[] {s}, 0.1, 0, 0)[0];
      double expected = s + 0.1 * ((0.8 - s) * s / 3);
      assertTrue(next == expected, "s=" + s + ": " + next + " != " + expected);
    }
  }
}
