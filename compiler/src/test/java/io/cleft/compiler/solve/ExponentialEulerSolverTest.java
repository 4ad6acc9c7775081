package io.cleft.compiler.solve;

import static io.cleft.compiler.TestModels.compile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleft.compiler.interp.Interpreter;
import java.util.Arrays;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code using exponential_euler} on a right-hand side linear in the state, {@code s' = a - b*s}
 * with a and b constant over the step, gives the exact solution
 * {@code s(dt) = a/b + (s - a/b) * exp(-b*dt)} whichever way the modeller writes it.
 */
class ExponentialEulerSolverTest {
  private static final String MODEL = """
      synapse Linear {
        parameters {
          s_inf = 0.8
          tau   = 3 ms
          a     = 0.4 1/ms
          b     = 0.5 1/ms
          tau1  = 2 ms
          tau2  = 7 ms
        }
        states {
          s = 0.1
        }
        update {
          s' = RHS  using exponential_euler
        }
        current = 1 [nA] * s
      }
      """;

  // Parameter order as declared: s_inf, tau, a, b, tau1, tau2.
  private static final double[][] PARAMETERS = {
    {0.8, 3, 0.4, 0.5, 2, 7},
    {0.05, 0.2, 2.5, 0.1, 0.5, 40},
    {1, 25, 0.01, 3, 10, 0.3},
  };

  private static final double[] STEPS = {0.001, 0.025, 0.1, 1, 5};
  private static final double[] STATES = {0.1, 0.5, 0.95};

  private static Interpreter solve(String rhs) {
    return new Interpreter(compile(MODEL.replace("RHS", rhs)));
  }

  /** s' = a - b*s, stepped exactly by dt. */
  private static double exact(double s, double dt, double a, double b) {
    double steady = a / b;
    return steady + (s - steady) * Math.exp(-b * dt);
  }

  private static void assertMatchesExactSolution(String rhs, ExactCoefficients coefficients) {
    Interpreter interpreter = solve(rhs);
    for (double[] p : PARAMETERS) {
      double a = coefficients.a(p);
      double b = coefficients.b(p);
      for (double s : STATES) {
        for (double dt : STEPS) {
          double expected = exact(s, dt, a, b);
          double actual = interpreter.update(p, new double[] {s}, dt, 0, 0)[0];
          assertEquals(expected, actual, 1e-12 * Math.abs(expected),
              rhs + " with s=" + s + ", dt=" + dt + ", parameters " + Arrays.toString(p));
        }
      }
    }
  }

  /** a and b of s' = a - b*s, from the parameters. */
  private record ExactCoefficients(ToDoubleFunction<double[]> aOf, ToDoubleFunction<double[]> bOf) {
    double a(double[] p) {
      return aOf.applyAsDouble(p);
    }

    double b(double[] p) {
      return bOf.applyAsDouble(p);
    }
  }

  @Test
  void relaxationTowardsASteadyStateIsExact() {
    assertMatchesExactSolution("(s_inf - s) / tau", new ExactCoefficients(p -> p[0] / p[1], p -> 1 / p[1]));
  }

  @Test
  void pureDecayIsExact() {
    assertMatchesExactSolution("-s / tau", new ExactCoefficients(p -> 0, p -> 1 / p[1]));
  }

  @Test
  void aSourceMinusALinearSinkIsExact() {
    assertMatchesExactSolution("a - b*s", new ExactCoefficients(p -> p[2], p -> p[3]));
  }

  @Test
  void aSumOfTwoRelaxationsWithDifferentTimeConstantsIsExact() {
    // (a - s)/tau1 + (b - s)/tau2 = (a/tau1 + b/tau2) - (1/tau1 + 1/tau2)*s, a and b dimensionless here.
    String model = MODEL
        .replace("a     = 0.4 1/ms", "a     = 0.4")
        .replace("b     = 0.5 1/ms", "b     = 0.5")
        .replace("RHS", "(a - s)/tau1 + (b - s)/tau2");
    Interpreter interpreter = new Interpreter(compile(model));
    for (double[] p : PARAMETERS) {
      double a = p[2] / p[4] + p[3] / p[5];
      double b = 1 / p[4] + 1 / p[5];
      for (double s : STATES) {
        for (double dt : STEPS) {
          double expected = exact(s, dt, a, b);
          double actual = interpreter.update(p, new double[] {s}, dt, 0, 0)[0];
          assertEquals(expected, actual, 1e-12 * Math.abs(expected), "s=" + s + ", dt=" + dt);
        }
      }
    }
  }

  @ParameterizedTest(name = "s = {0}")
  @ValueSource(doubles = {0, 0.1, 0.5, 1})
  void aZeroTimeConstantJumpsToTheSteadyStateInsteadOfNaN(double s) {
    double[] parameters = {0.8, 0, 0.4, 0.5, 2, 7};
    double next = solve("(s_inf - s) / tau").update(parameters, new double[] {s}, 0.025, 0, 0)[0];
    assertFalse(Double.isNaN(next));
    assertEquals(0.8, next, 0.0);
  }

  @Test
  void aZeroTimeConstantMakesPureDecayReachZero() {
    double[] parameters = {0.8, 0, 0.4, 0.5, 2, 7};
    assertEquals(0.0, solve("-s / tau").update(parameters, new double[] {0.7}, 0.025, 0, 0)[0], 0.0);
  }

  @Test
  void aRightHandSideWithoutTheStateIsIntegratedExactly() {
    // s' = a: the exact step is s + a*dt, which is also the Euler step.
    double next = solve("a").update(PARAMETERS[0], new double[] {0.1}, 0.5, 0, 0)[0];
    assertTrue(next == 0.1 + 0.5 * 0.4, Double.toString(next));
  }
}
