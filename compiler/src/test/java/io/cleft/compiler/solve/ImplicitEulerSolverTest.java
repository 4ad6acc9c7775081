package io.cleft.compiler.solve;

import static io.cleft.compiler.TestModels.compile;
import static io.cleft.compiler.TestModels.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleft.compiler.interp.Interpreter;
import java.math.BigDecimal;
import java.math.MathContext;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/**
 * {@code implicit_euler} through the interpreter on the lowered program: one step solves the
 * implicit equation x1 = x0 + dt f(x1) to rounding (against 60-digit decimal solutions: Cramer's
 * rule for a linear pair, Newton's method for a nonlinear state), it stays bounded and reaches
 * the steady state on stiff rates where {@code euler} diverges, and where Newton's iterations
 * cannot converge within their cap the states become NaN.
 */
class ImplicitEulerSolverTest {
  private static final MathContext DIGITS = new MathContext(60);

  /** A coupled linear pair with a rate matrix: k = fk*a flows from r to d, b = fb*c back. */
  private static final String PAIR =
      """
      synapse Pair {
        parameters {
          a = 1 1/ms
          b = 0 1/ms
          c = 1 1/ms
          k = 1 1/ms
          p = 0 1/ms
          q = 0 1/ms
        }
        states {
          r = 0
          d = 0
        }
        update {
          r' = -a * r + b * d + p  using METHOD
          d' = k * r - c * d + q  using METHOD
        }
        current = 1 [nA] * d
      }
      """;

  /** Saturating binding, nonlinear in s, through a local that reads s (so Newton copies it). */
  private static final String SATURATING =
      """
      synapse Saturating {
        parameters {
          k_on = 2 1/ms
          k_off = 0.2 1/ms
        }
        states {
          s = 0.1
        }
        update {
          free = 1 - s
          s' = k_on * free^2 - k_off * s^2  using METHOD
        }
        current = 1 [nA] * s
      }
      """;

  /** x' = -k x^3: from x = 1 with k dt large, Newton shrinks x by only a third an iteration. */
  private static final String CUBIC =
      """
      synapse Cubic {
        parameters {
          k = 1 1/ms
        }
        states {
          x = 1
          y = 1
        }
        update {
          x' = -k * x^3  using implicit_euler
          y' = k * (x - y)  using implicit_euler
        }
        current = 1 [nA] * x
      }
      """;

  private static final Interpreter PAIR_IMPLICIT = new Interpreter(compile(PAIR.replace("METHOD", "implicit_euler")));
  private static final Interpreter SATURATING_IMPLICIT =
      new Interpreter(compile(SATURATING.replace("METHOD", "implicit_euler")));
  private static final Interpreter CUBIC_IMPLICIT = new Interpreter(compile(CUBIC));

  @Property(tries = 300)
  void oneStepOfALinearPairSolvesTheImplicitEquation(
      @ForAll @DoubleRange(min = 0.01, max = 5) double a,
      @ForAll @DoubleRange(min = 0, max = 1) double fb,
      @ForAll @DoubleRange(min = 0.01, max = 5) double c,
      @ForAll @DoubleRange(min = 0, max = 1) double fk,
      @ForAll @DoubleRange(min = -2, max = 2) double p,
      @ForAll @DoubleRange(min = -2, max = 2) double q,
      @ForAll @DoubleRange(min = -1, max = 1) double r0,
      @ForAll @DoubleRange(min = -1, max = 1) double d0,
      @ForAll @DoubleRange(min = 0.01, max = 10) double dt) {
    double b = fb * c;
    double k = fk * a;
    double[] actual = step(PAIR_IMPLICIT, new double[] {a, b, c, k, p, q}, new double[] {r0, d0}, dt, 1);
    // (I - dt A) x1 = x0 + dt (p, q), A = [[-a, b], [k, -c]], by Cramer's rule in 60 digits.
    BigDecimal h = new BigDecimal(dt);
    BigDecimal m00 = BigDecimal.ONE.add(h.multiply(new BigDecimal(a)));
    BigDecimal m01 = h.multiply(new BigDecimal(b)).negate();
    BigDecimal m10 = h.multiply(new BigDecimal(k)).negate();
    BigDecimal m11 = BigDecimal.ONE.add(h.multiply(new BigDecimal(c)));
    BigDecimal y0 = new BigDecimal(r0).add(h.multiply(new BigDecimal(p)));
    BigDecimal y1 = new BigDecimal(d0).add(h.multiply(new BigDecimal(q)));
    BigDecimal det = m00.multiply(m11).subtract(m01.multiply(m10));
    double r1 = y0.multiply(m11).subtract(m01.multiply(y1)).divide(det, DIGITS).doubleValue();
    double d1 = m00.multiply(y1).subtract(y0.multiply(m10)).divide(det, DIGITS).doubleValue();
    double scale = 1 + Math.abs(r1) + Math.abs(d1) + dt * (Math.abs(p) + Math.abs(q));
    assertEquals(r1, actual[0], 1e-14 * scale, "r");
    assertEquals(d1, actual[1], 1e-14 * scale, "d");
  }

  @Property(tries = 300)
  void oneNewtonStepSolvesTheImplicitEquation(
      @ForAll @DoubleRange(min = 0.1, max = 10) double on,
      @ForAll @DoubleRange(min = 0.01, max = 2) double off,
      @ForAll @DoubleRange(min = 0, max = 1) double s0,
      @ForAll @DoubleRange(min = 0.01, max = 0.5) double dt) {
    double[] actual = step(SATURATING_IMPLICIT, new double[] {on, off}, new double[] {s0}, dt, 1);
    double s1 = newtonReference(on, off, s0, dt);
    assertEquals(s1, actual[0], 1e-13 * Math.max(1e-3, Math.abs(s1)), "s");
  }

  /**
   * The root in [0, 1] of g(s) = s - s0 - dt (on (1 - s)^2 - off s^2), which is increasing there
   * (g(0) <= 0 < g(1)), by Newton's method in 60 digits from s0, to convergence.
   */
  private static double newtonReference(double on, double off, double s0, double dt) {
    BigDecimal a = new BigDecimal(on);
    BigDecimal b = new BigDecimal(off);
    BigDecimal x0 = new BigDecimal(s0);
    BigDecimal h = new BigDecimal(dt);
    BigDecimal s = x0;
    for (int i = 0; i < 200; i++) {
      BigDecimal free = BigDecimal.ONE.subtract(s);
      BigDecimal f = a.multiply(free).multiply(free).subtract(b.multiply(s).multiply(s));
      BigDecimal g = s.subtract(x0).subtract(h.multiply(f), DIGITS);
      BigDecimal df = a.multiply(free).multiply(BigDecimal.valueOf(-2)).subtract(b.multiply(s).multiply(BigDecimal.valueOf(2)));
      BigDecimal dg = BigDecimal.ONE.subtract(h.multiply(df));
      BigDecimal next = s.subtract(g.divide(dg, DIGITS), DIGITS);
      if (next.subtract(s).abs().compareTo(new BigDecimal("1e-50")) < 0) {
        return next.doubleValue();
      }
      s = next;
    }
    throw new AssertionError("the reference did not converge");
  }

  /**
   * Two states coupled nonlinearly (binding o from the free fraction 1 - o - d, desensitisation
   * d from o^2), through a local that reads both: Newton's 2x2 Jacobian and elimination. The
   * step must satisfy both implicit equations to rounding.
   */
  private static final Interpreter RECEPTOR = new Interpreter(compile(
      """
      synapse Receptor {
        parameters {
          k_b = 5 1/ms
          k_u = 0.3 1/ms
          k_d = 0.8 1/ms
        }
        states {
          o = 0.1
          d = 0
        }
        update {
          free = 1 - o - d
          o' = k_b * free^2 - k_u * o - k_d * o * o  using implicit_euler
          d' = k_d * o * o - k_u * d  using implicit_euler
        }
        current = 1 [nA] * o
      }
      """));

  @Property(tries = 300)
  void oneNewtonStepOfACoupledPairSolvesBothEquations(
      @ForAll @DoubleRange(min = 0.1, max = 50) double kb,
      @ForAll @DoubleRange(min = 0.01, max = 5) double ku,
      @ForAll @DoubleRange(min = 0.01, max = 20) double kd,
      @ForAll @DoubleRange(min = 0, max = 0.5) double o0,
      @ForAll @DoubleRange(min = 0, max = 0.5) double d0,
      @ForAll @DoubleRange(min = 0.01, max = 0.5) double dt) {
    double[] next = RECEPTOR.update(new double[] {kb, ku, kd}, new double[] {o0, d0}, 0, dt, 0, 0);
    double o = next[0];
    double d = next[1];
    double free = 1 - o - d;
    double fo = kb * free * free - ku * o - kd * o * o;
    double fd = kd * o * o - ku * d;
    // The residual's rounding: dt times the largest term of each equation, a few ulps each.
    double scale = 1 + dt * (kb + ku + kd);
    assertEquals(o0, o - dt * fo, 1e-14 * scale, "o's equation");
    assertEquals(d0, d - dt * fd, 1e-14 * scale, "d's equation");
  }

  /** k = 1e4/ms, dt = 0.025 ms: euler multiplies the distance to 1 by 1 - 250 each step. */
  @Test
  void stiffLinearRateStaysBoundedWhereEulerDiverges() {
    String model =
        """
        synapse Stiff {
          parameters {
            k = 1e4 1/ms
          }
          states {
            x = 0
          }
          update {
            x' = -k * (x - 1)  using METHOD
          }
          current = 1 [nA] * x
        }
        """;
    Interpreter euler = new Interpreter(compile(model.replace("METHOD", "euler")));
    Interpreter implicit = new Interpreter(compile(model.replace("METHOD", "implicit_euler")));
    double[] parameters = {1e4};
    assertTrue(Math.abs(step(euler, parameters, new double[] {0}, 0.025, 20)[0]) > 1e40, "euler diverges");
    double[] x = {0};
    for (int n = 0; n < 20; n++) {
      double previous = x[0];
      x = implicit.update(parameters, x, n * 0.025, 0.025, 0, 0);
      assertTrue(x[0] >= previous && x[0] <= 1, "step " + n + ": " + x[0] + " after " + previous);
    }
    assertEquals(1, x[0], 1e-15, "the steady state");
  }

  /**
   * The same for a stiff nonlinear equation, solved by Newton: k_on = 1e4/ms, k_off = 3e3/ms,
   * steady where k_on (1 - s)^2 = k_off s^2, at s = 1 / (1 + sqrt(0.3)).
   */
  @Test
  void stiffNonlinearRateStaysBoundedWhereEulerDiverges() {
    Interpreter euler = new Interpreter(compile(SATURATING.replace("METHOD", "euler")));
    double[] parameters = {1e4, 3e3};
    double steady = 1 / (1 + Math.sqrt(0.3));
    double[] diverged = step(euler, parameters, new double[] {0.1}, 0.025, 20);
    assertTrue(!Double.isFinite(diverged[0]) || Math.abs(diverged[0]) > 1e40, "euler diverges: " + diverged[0]);
    double[] s = {0.1};
    for (int n = 0; n < 20; n++) {
      s = SATURATING_IMPLICIT.update(parameters, s, n * 0.025, 0.025, 0, 0);
      assertTrue(s[0] >= 0.1 && s[0] <= steady + 1e-15, "step " + n + ": " + s[0]);
    }
    assertEquals(steady, s[0], 1e-15, "the steady state");
  }

  /**
   * k dt = 1e6: the solution is near 0.01, and Newton from x = 1 shrinks x by a third an
   * iteration, so {@value ImplicitEulerSolver#NEWTON_ITERATIONS} iterations do not get there:
   * every state of the system becomes NaN (y too, whose equation alone is linear). With k dt =
   * 1 they converge, and the step solves the implicit equation.
   */
  @Test
  void newtonThatDoesNotConvergeGivesNaNForTheWholeSystem() {
    double[] failed = CUBIC_IMPLICIT.update(new double[] {1e6}, new double[] {1, 1}, 0, 1, 0, 0);
    assertTrue(Double.isNaN(failed[0]) && Double.isNaN(failed[1]), failed[0] + ", " + failed[1]);

    double[] converged = CUBIC_IMPLICIT.update(new double[] {1}, new double[] {1, 1}, 0, 1, 0, 0);
    double x = converged[0];
    assertEquals(1, x + x * x * x, 1e-15, "x1 + dt k x1^3 = x0");
    assertEquals(1, converged[1] * 2 - x, 1e-15, "y1 (1 + dt k) - dt k x1 = y0");
  }

  /**
   * Where the cap bites: from x = 1, Newton needs 10 iterations for k dt = 300 (the last change
   * 2e-16 relative) and 11 for k dt = 1000 (the tenth change is still 3e-9), counted in double
   * arithmetic with the same convergence test.
   */
  @Test
  void theCapOfTenIterationsIsWhereNewtonStops() {
    double[] converged = CUBIC_IMPLICIT.update(new double[] {300}, new double[] {1, 1}, 0, 1, 0, 0);
    assertEquals(1, converged[0] + 300 * converged[0] * converged[0] * converged[0], 1e-14);
    double[] failed = CUBIC_IMPLICIT.update(new double[] {1000}, new double[] {1, 1}, 0, 1, 0, 0);
    assertTrue(Double.isNaN(failed[0]) && Double.isNaN(failed[1]), failed[0] + ", " + failed[1]);
  }

  /**
   * x' = 1 - k sqrt(x) from x = 0: the Jacobian is infinite there, every Newton change is -0 and
   * the iterate never moves, so a test of the change alone would accept x = 0, which solves
   * nothing (x1 - x0 - dt f(x1) = -dt). The infinite matrix fails the step: NaN. From x = 0.04
   * Newton converges, and the step solves the implicit equation.
   */
  @Test
  void anInfiniteJacobianIsAFailureNotAStalledSolution() {
    Interpreter sqrt = new Interpreter(compile(
        """
        synapse Sq {
          parameters {
            k = 1 1/ms
          }
          states {
            x = 0
          }
          update {
            x' = 1 [1/ms] - k * sqrt(x)  using implicit_euler
          }
          current = 1 [nA] * x
        }
        """));
    for (double dt : new double[] {0.025, 0.5, 1}) {
      double[] stalled = sqrt.update(new double[] {1}, new double[] {0}, 0, dt, 0, 0);
      assertTrue(Double.isNaN(stalled[0]), "dt " + dt + ": " + stalled[0]);
      double x = sqrt.update(new double[] {1}, new double[] {0.04}, 0, dt, 0, 0)[0];
      assertEquals(0.04, x - dt * (1 - Math.sqrt(x)), 1e-15, "dt " + dt + ": x1 - dt f(x1) = x0");
    }
  }

  /** The denominator stays on the left: tau = 0 gives the steady state, not 0/0. */
  @Test
  void aTimeConstantOfZeroGivesTheSteadyState() {
    Interpreter relaxing = new Interpreter(compile(
        """
        synapse Relax {
          parameters {
            tau = 1 ms
            target = 0.25
          }
          states {
            x = 1
          }
          update {
            x' = (target - x) / tau  using implicit_euler
          }
          current = 1 [nA] * x
        }
        """));
    assertEquals(0.25, relaxing.update(new double[] {0, 0.25}, new double[] {1}, 0, 0.1, 0, 0)[0], 0);
    assertEquals((1 + 0.1 / 2 * 0.25) / (1 + 0.1 / 2),
        relaxing.update(new double[] {2, 0.25}, new double[] {1}, 0, 0.1, 0, 0)[0], 1e-16);
  }

  /** Other methods' states and the voltages are held at the start of the step. */
  @Test
  void otherStatesAndVoltagesAreHeld() {
    Interpreter mixed = new Interpreter(compile(
        """
        synapse Mixed {
          parameters {
            k = 2 1/ms
          }
          states {
            w = 0.5
            x = 0
          }
          update {
            w' = -k * w  using euler
            drive = w * v_pre / 1 [mV]
            x' = k * (drive - x * x)  using implicit_euler
          }
          current = 1 [nA] * x
        }
        """));
    double dt = 0.1;
    double[] next = mixed.update(new double[] {2}, new double[] {0.5, 0}, 0, dt, 3, 0);
    double x = next[1];
    // x1 = 0 + dt k (w0 v_pre - x1^2), w0 = 0.5 and v_pre = 3 as at the start.
    assertEquals(x, dt * 2 * (0.5 * 3 - x * x), 1e-15);
    assertEquals(0.5 * (1 - dt * 2), next[0], 1e-16);
  }
}
