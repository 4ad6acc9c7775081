package io.cleft.compiler.solve;

import static io.cleft.compiler.TestModels.compile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleft.compiler.interp.Interpreter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The observed order of each method, on problems with known solutions, through the
 * interpreter on the lowered program: integrate to T = 1 ms with dt = 1/8 ms halved five times,
 * fit the slope of log(error) against log(dt) by least squares, and require 1 for
 * {@code euler} and {@code implicit_euler}, 2 for {@code rk2}, 4 for {@code rk4}, and 1 for
 * {@code exponential_euler} and {@code exact} where a forcing in t varies over the step (they
 * hold it at the step's start); where nothing varies, exact and exponential_euler are exact to
 * rounding (below). In that range of dt the smallest error of
 * rk4 is some 1e-12, far above the rounding of 256 steps (1e-14), so rounding cannot bend the
 * fit.
 *
 * <p>The problems make a wrong method lose order: the coupled pair needs both states stepped
 * together in every stage, the nonlinear one a local that reads the state re-evaluated at every
 * stage, the forced one {@code t} at the stage's time.
 */
class ConvergenceOrderTest {
  private static final double END = 1;
  private static final double FIRST_STEP = 0.125;
  private static final int HALVINGS = 5;

  /** A model (METHOD in place of the method), its start, and its exact solution at time t. */
  private record Problem(String name, String model, double[] parameters, double start, double[] initial,
      DoubleFunction<double[]> exact) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final Problem DECAY = new Problem(
      "x' = -k x",
      """
      synapse Decay {
        parameters {
          k = 1.5 1/ms
        }
        states {
          x = 1
        }
        update {
          x' = -k * x  using METHOD
        }
        current = 1 [nA] * x
      }
      """,
      new double[] {1.5}, 0, new double[] {1}, t -> new double[] {Math.exp(-1.5 * t)});

  private static final Problem ROTATION = new Problem(
      "x' = -w y, y' = w x",
      """
      synapse Rotation {
        parameters {
          w = 2 1/ms
        }
        states {
          x = 1
          y = 0
        }
        update {
          x' = -w * y  using METHOD
          y' = w * x  using METHOD
        }
        current = 1 [nA] * x
      }
      """,
      new double[] {2}, 0, new double[] {1, 0}, t -> new double[] {Math.cos(2 * t), Math.sin(2 * t)});

  private static final Problem QUADRATIC = new Problem(
      "x' = -x^2 / tau, through a local",
      """
      synapse Quadratic {
        parameters {
          tau = 1 ms
        }
        states {
          x = 1
        }
        update {
          rate = x / tau
          x' = -rate * x  using METHOD
        }
        current = 1 [nA] * x
      }
      """,
      new double[] {1}, 0, new double[] {1}, t -> new double[] {1 / (1 + t)});

  private static final Problem FORCED = new Problem(
      "x' = exp(t / tau) / tau",
      """
      synapse Forced {
        parameters {
          tau = 0.5 ms
        }
        states {
          x = 0
        }
        update {
          x' = exp(t / tau) / tau  using METHOD
        }
        current = 1 [nA] * x
      }
      """,
      new double[] {0.5}, 0.3, new double[] {0},
      t -> new double[] {Math.exp((0.3 + t) / 0.5) - Math.exp(0.3 / 0.5)});

  /**
   * A decay driven by a ramp in time: linear in x, with a forcing exponential_euler holds at the
   * step's start, so its order is 1 (exact where nothing varies, as on DECAY).
   */
  private static final Problem RAMP = new Problem(
      "x' = r t - k x",
      """
      synapse Ramp {
        parameters {
          k = 1.5 1/ms
          r = 2 1/ms^2
        }
        states {
          x = 1
        }
        update {
          x' = r * t - k * x  using METHOD
        }
        current = 1 [nA] * x
      }
      """,
      new double[] {1.5, 2}, 0, new double[] {1},
      t -> {
        double k = 1.5;
        double r = 2;
        double decay = Math.exp(-k * t);
        return new double[] {decay + r * (t / k - 1 / (k * k) + decay / (k * k))};
      });

  /** The Bateman chain a -> b -> c at rates 1, 2 and 3.5 /ms: a deeper chain, by the matrix exponential under exact. */
  private static final Problem CHAIN = new Problem(
      "a -> b -> c",
      """
      synapse Chain {
        parameters {
          k1 = 1 1/ms
          k2 = 2 1/ms
          k3 = 3.5 1/ms
        }
        states {
          a = 1
          b = 0
          c = 0
        }
        update {
          a' = -k1 * a  using METHOD
          b' = k1 * a - k2 * b  using METHOD
          c' = k2 * b - k3 * c  using METHOD
        }
        current = 1 [nA] * c
      }
      """,
      new double[] {1, 2, 3.5}, 0, new double[] {1, 0, 0},
      t -> {
        double k1 = 1;
        double k2 = 2;
        double k3 = 3.5;
        double a = Math.exp(-k1 * t);
        double b = k1 / (k2 - k1) * (Math.exp(-k1 * t) - Math.exp(-k2 * t));
        double c = k1 * k2 * (Math.exp(-k1 * t) / ((k2 - k1) * (k3 - k1)) + Math.exp(-k2 * t) / ((k1 - k2) * (k3 - k2))
            + Math.exp(-k3 * t) / ((k1 - k3) * (k2 - k3)));
        return new double[] {a, b, c};
      });

  /**
   * exact has no order to observe: its error is rounding at every dt, growing only with the
   * number of steps. Asserted: at most 4 u per step and state (u = 2^-53), from dt = 1/8 to
   * 1/256 ms, on a decay (the closed form), a rotation (a cycle) and a chain two links deep (the
   * matrix exponential both); and exponential_euler, which is exact where its coefficients do not
   * vary, on the decay.
   */
  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("exactCases")
  void exactIsExactToRoundingAtEveryStep(String method, Problem problem) {
    Interpreter interpreter = new Interpreter(compile(problem.model().replace("METHOD", method)));
    for (int i = 0; i <= HALVINGS; i++) {
      double dt = FIRST_STEP / (1 << i);
      int steps = (int) Math.round(END / dt);
      double[] states = problem.initial().clone();
      for (int n = 0; n < steps; n++) {
        states = interpreter.update(problem.parameters(), states, problem.start() + n * dt, dt, 0, 0);
      }
      double[] exact = problem.exact().apply(END);
      for (int k = 0; k < states.length; k++) {
        double bound = 4 * steps * Math.ulp(1.0) / 2 * Math.max(1, Math.abs(exact[k]));
        assertEquals(exact[k], states[k], bound, method + " on " + problem + " at dt " + dt + ", state " + k);
      }
    }
  }

  static List<Arguments> exactCases() {
    return List.of(
        Arguments.of("exact", DECAY), Arguments.of("exact", ROTATION), Arguments.of("exact", CHAIN),
        Arguments.of("exponential_euler", DECAY));
  }

  static List<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (Problem problem : List.of(DECAY, ROTATION, QUADRATIC, FORCED, CHAIN)) {
      cases.add(Arguments.of("euler", 1.0, 0.1, problem));
      cases.add(Arguments.of("rk2", 2.0, 0.15, problem));
      cases.add(Arguments.of("rk4", 4.0, 0.3, problem));
      cases.add(Arguments.of("implicit_euler", 1.0, 0.1, problem));
    }
    cases.add(Arguments.of("exponential_euler", 1.0, 0.1, RAMP));
    cases.add(Arguments.of("exact", 1.0, 0.1, RAMP));
    return cases;
  }

  @ParameterizedTest(name = "{0} on {3}")
  @MethodSource("cases")
  void observedOrderIsTheMethodsOrder(String method, double order, double margin, Problem problem) {
    Interpreter interpreter = new Interpreter(compile(problem.model().replace("METHOD", method)));
    double[] logStep = new double[HALVINGS + 1];
    double[] logError = new double[HALVINGS + 1];
    for (int i = 0; i <= HALVINGS; i++) {
      double dt = FIRST_STEP / (1 << i);
      logStep[i] = Math.log(dt);
      logError[i] = Math.log(error(interpreter, problem, dt));
    }
    double observed = slope(logStep, logError);
    System.out.printf(
        Locale.ROOT, "%s on %s: observed order %.3f, errors %.1e to %.1e%n", method, problem, observed,
        Math.exp(logError[0]), Math.exp(logError[HALVINGS]));
    assertEquals(order, observed, margin, method + " on " + problem);
  }

  /** The largest absolute error over the states at time END, stepping by dt from the start. */
  private static double error(Interpreter interpreter, Problem problem, double dt) {
    int steps = (int) Math.round(END / dt);
    double[] states = problem.initial().clone();
    for (int n = 0; n < steps; n++) {
      states = interpreter.update(problem.parameters(), states, problem.start() + n * dt, dt, 0, 0);
    }
    double[] exact = problem.exact().apply(END);
    double worst = 0;
    for (int i = 0; i < states.length; i++) {
      worst = Math.max(worst, Math.abs(states[i] - exact[i]));
    }
    assertTrue(worst > 0 && Double.isFinite(worst), "error " + worst + " at dt " + dt);
    return worst;
  }

  /** The least-squares slope of y against x. */
  private static double slope(double[] x, double[] y) {
    double meanX = 0;
    double meanY = 0;
    for (int i = 0; i < x.length; i++) {
      meanX += x[i] / x.length;
      meanY += y[i] / y.length;
    }
    double covariance = 0;
    double variance = 0;
    for (int i = 0; i < x.length; i++) {
      covariance += (x[i] - meanX) * (y[i] - meanY);
      variance += (x[i] - meanX) * (x[i] - meanX);
    }
    return covariance / variance;
  }
}
