package io.cleft.compiler.solve;

import static io.cleft.compiler.TestModels.compile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleft.compiler.interp.Interpreter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * {@code exact} on systems the closed forms do not cover, solved by the matrix exponential
 * ({@link MatrixExponential}): dense systems of 2 to 6 states (every state drives every other,
 * so each has cycles) and a chain three links deep, through the interpreter on the lowered
 * program, against the exact solution computed in 80-digit decimal arithmetic (the Taylor series
 * of the exponential of the augmented matrix [[A, b], [0, 0]] dt).
 *
 * <p>The bound asserted: each state within {@link #ROUNDING} times {@code sum_j |E_ij| |x_j| +
 * |E_i,n|} of the reference, E the exact augmented propagator: the size of the terms the step
 * adds, so a relative bound wherever there is no cancellation between them. Scaling and
 * squaring with a Pade approximant is backward stable to some u (s + n) for the matrices here
 * (s the number of squarings, at most 7 in these ranges); measured, the worst error seen is
 * reported by the test's message when it fails.
 */
class ExactMatrixExponentialTest {
  /** The bound relative to the size of the terms, see the class comment; about 450 u. */
  private static final double ROUNDING = 1e-13;

  private static final MathContext DIGITS = new MathContext(80);

  /** A dense system of n states: x_i' = sum_j a_i_j * x_j + b_i, every a and b a parameter. */
  static String denseModel(int n, String method) {
    StringBuilder parameters = new StringBuilder();
    StringBuilder states = new StringBuilder();
    StringBuilder update = new StringBuilder();
    for (int i = 0; i < n; i++) {
      StringBuilder rhs = new StringBuilder();
      for (int j = 0; j < n; j++) {
        parameters.append("    a_").append(i).append('_').append(j).append(" = 0 1/ms\n");
        rhs.append("a_").append(i).append('_').append(j).append(" * x").append(j).append(" + ");
      }
      parameters.append("    b_").append(i).append(" = 0 1/ms\n");
      states.append("    x").append(i).append(" = 0\n");
      update.append("    x").append(i).append("' = ").append(rhs).append("b_").append(i)
          .append("  using ").append(method).append('\n');
    }
    return "synapse Dense {\n  parameters {\n" + parameters + "  }\n  states {\n" + states + "  }\n  update {\n"
        + update + "  }\n  current = 1 [nA] * x0\n}\n";
  }

  private static final List<Interpreter> DENSE = new ArrayList<>();

  static {
    for (int n = 0; n <= ExactSolver.MAX_MATRIX_STATES; n++) {
      DENSE.add(n < 2 ? null : new Interpreter(compile(denseModel(n, "exact"))));
    }
  }

  /** A random system: n, A (n x n), b, x0, dt. */
  record System(int n, double[][] a, double[] b, double[] x0, double dt) {
    double[] parameters() {
      double[] p = new double[n * (n + 1)];
      int k = 0;
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          p[k++] = a[i][j];
        }
        p[k++] = b[i];
      }
      return p;
    }

    @Override
    public String toString() {
      return "n=" + n + " A=" + java.util.Arrays.deepToString(a) + " b=" + java.util.Arrays.toString(b) + " x0="
          + java.util.Arrays.toString(x0) + " dt=" + dt;
    }
  }

  @Provide
  Arbitrary<System> systems() {
    return Arbitraries.integers().between(2, ExactSolver.MAX_MATRIX_STATES).flatMap(n -> Combinators.combine(
            Arbitraries.doubles().between(-4, 4).array(double[].class).ofSize(n * n),
            Arbitraries.doubles().between(-8, 0.5).array(double[].class).ofSize(n),
            Arbitraries.doubles().between(-2, 2).array(double[].class).ofSize(n),
            Arbitraries.doubles().between(-1, 1).array(double[].class).ofSize(n),
            Arbitraries.doubles().between(0.01, 2))
        .as((offDiagonal, diagonal, b, x0, dt) -> {
          double[][] a = new double[n][n];
          for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
              a[i][j] = i == j ? diagonal[i] : offDiagonal[i * n + j];
            }
          }
          return new System(n, a, b, x0, dt);
        }));
  }

  @Property(tries = 300)
  void oneStepIsTheExactSolutionToRounding(@ForAll("systems") System system) {
    double[] actual = DENSE.get(system.n()).update(system.parameters(), system.x0(), 0, system.dt(), 0, 0);
    assertWithinRounding(system, actual);
  }

  @Property(tries = 100)
  void subdividingTheStepChangesNothingButRounding(
      @ForAll("systems") System system, @ForAll @IntRange(min = 2, max = 16) int pieces) {
    Interpreter exact = DENSE.get(system.n());
    double[] one = exact.update(system.parameters(), system.x0(), 0, system.dt(), 0, 0);
    double[] x = system.x0();
    for (int k = 0; k < pieces; k++) {
      x = exact.update(system.parameters(), x, k * system.dt() / pieces, system.dt() / pieces, 0, 0);
    }
    double[][] e = reference(system);
    for (int i = 0; i < system.n(); i++) {
      // Each of the pieces rounds on its own: allow the bound per piece.
      assertEquals(one[i], x[i], pieces * ROUNDING * size(e, system, i), "state " + i + " of " + system);
    }
  }

  /**
   * The chain a -> b -> c (two links deep, which was SYN073 before): against the reference,
   * including equal rates (tau_a = tau_b = tau_c, a Jordan block), where closed forms would
   * need a limit.
   */
  @Property(tries = 200)
  void aChainThreeDeepIsExactEvenAtEqualRates(
      @ForAll @DoubleRange(min = 0.05, max = 20) double tauA,
      @ForAll @DoubleRange(min = 0.05, max = 20) double tauB,
      @ForAll boolean equalRates,
      @ForAll @DoubleRange(min = 0.01, max = 2) double dt) {
    double tb = equalRates ? tauA : tauB;
    double tc = equalRates ? tauA : 3;
    double[][] a = {{-1 / tauA, 0, 0}, {1 / tb, -1 / tb, 0}, {0, 1 / tc, -1 / tc}};
    System system = new System(3, a, new double[] {0, 0, 0}, new double[] {1, 0.2, -0.1}, dt);
    double[] actual = CHAIN.update(new double[] {tauA, tb, tc}, system.x0(), 0, dt, 0, 0);
    assertWithinRounding(system, actual);
  }

  private static final Interpreter CHAIN = new Interpreter(compile(
      """
      synapse Chain {
        parameters {
          tau_a = 1  ms
          tau_b = 5  ms
          tau_c = 20 ms
        }
        states {
          a = 1
          b = 0
          c = 0
        }
        update {
          a' = -a / tau_a  using exact
          b' = (a - b) / tau_b  using exact
          c' = (b - c) / tau_c  using exact
        }
        current = 1 [nA] * c
      }
      """));

  /**
   * A driver that does not decay (a' = 1/tau_a reads no state: its row of A is zero, its drive
   * b) drives b, which decays (SYN074 before): the forced ramp integrated exactly into b.
   */
  @Property(tries = 100)
  void aForcedDriverIsExact(
      @ForAll @DoubleRange(min = 0.05, max = 20) double tauA,
      @ForAll @DoubleRange(min = 0.05, max = 20) double tauB,
      @ForAll @DoubleRange(min = 0.01, max = 2) double dt) {
    double[][] a = {{0, 0, 0}, {1 / tauB, -1 / tauB, 0}, {0, 0, -1 / 7.0}};
    System system = new System(3, a, new double[] {1 / tauA, 0, 0}, new double[] {0.3, -0.2, 0.5}, dt);
    double[] actual = FORCED.update(new double[] {tauA, tauB, 7}, system.x0(), 0, dt, 0, 0);
    assertWithinRounding(system, actual);
  }

  private static final Interpreter FORCED = new Interpreter(compile(
      """
      synapse Forced {
        parameters {
          tau_a = 1  ms
          tau_b = 5  ms
          tau_c = 7  ms
        }
        states {
          a = 1
          b = 0
          c = 0
        }
        update {
          a' = 1 / tau_a  using exact
          b' = (a - b) / tau_b  using exact
          c' = -c / tau_c  using exact
        }
        current = 1 [nA] * c
      }
      """));

  /**
   * Repeated eigenvalues without a full set of eigenvectors (a Jordan block, where
   * diagonalising fails): x' = -x + y, y' = eps x - y, at eps = 0 and nearly so; the model is a
   * cycle whatever eps is, so the matrix exponential solves it with no special case.
   */
  @Test
  void aJordanBlockNeedsNoSpecialCase() {
    for (double eps : new double[] {0, 1e-300, 1e-12, 1e-6}) {
      double[][] a = {{-1, 1}, {eps, -1}};
      System system = new System(2, a, new double[] {0.5, -0.25}, new double[] {1, 2}, 0.7);
      double[] actual = DENSE.get(2).update(system.parameters(), system.x0(), 0, system.dt(), 0, 0);
      assertWithinRounding(system, actual);
    }
  }

  /**
   * A stiff kinetic cycle, rates 1e4/ms at dt = 0.025 ms (||A dt|| = 500, nine squarings):
   * euler's factor 1 - 250 makes it diverge; exact decays to the steady state.
   */
  @Test
  void stiffRatesDecayToTheSteadyStateWhereEulerDiverges() {
    double[][] a = {{-1e4, 5e3}, {1e4, -2e4}};
    double[] b = {1e3, 0};
    System system = new System(2, a, b, new double[] {1, 1}, 0.025);
    Interpreter euler = new Interpreter(compile(denseModel(2, "euler")));
    double[] e = system.x0();
    double[] x = system.x0();
    for (int k = 0; k < 40; k++) {
      e = euler.update(system.parameters(), e, k * 0.025, 0.025, 0, 0);
      x = DENSE.get(2).update(system.parameters(), x, k * 0.025, 0.025, 0, 0);
    }
    assertTrue(Math.abs(e[0]) > 1e50, "euler gave " + e[0]);
    // Steady state: A x* = -b.
    double det = a[0][0] * a[1][1] - a[0][1] * a[1][0];
    double x0 = (-b[0] * a[1][1] + b[1] * a[0][1]) / det;
    double x1 = (-b[1] * a[0][0] + b[0] * a[1][0]) / det;
    assertEquals(x0, x[0], 1e-15 * Math.abs(x0) + 1e-17);
    assertEquals(x1, x[1], 1e-15 * Math.abs(x1) + 1e-17);
  }

  /**
   * Up to theta_7 2^16 of ||A dt|| the step is exact but for the squarings' rounding, which a
   * slow state suffers 2^s times (here s = 16: exp(-1) as exp(-2^-16)^(2^16), within 2^16 u
   * relative); beyond it, and for a NaN rate, the step is NaN.
   */
  @Test
  void beyondTheLastSquaringTheStepIsNaN() {
    double within = Math.scalb(MatrixExponential.THETA_7, MatrixExponential.MAX_SQUARINGS) * 0.99;
    double beyond = Math.scalb(MatrixExponential.THETA_7, MatrixExponential.MAX_SQUARINGS) * 1.01;
    double[] atTheLimit = DENSE.get(2).update(new double[] {-within, 0, 0, 0, -1, 0}, new double[] {1, 1}, 0, 1, 0, 0);
    assertEquals(0, atTheLimit[0], 0);
    assertEquals(Math.exp(-1), atTheLimit[1], Math.scalb(Math.exp(-1), MatrixExponential.MAX_SQUARINGS - 52));
    double[] past = DENSE.get(2).update(new double[] {-beyond, 0, 0, 0, -1, 0}, new double[] {1, 1}, 0, 1, 0, 0);
    assertTrue(Double.isNaN(past[0]) && Double.isNaN(past[1]));
    double[] nan = DENSE.get(2).update(new double[] {0, 0, 0, 0, Double.NaN, 0}, new double[] {1, 1}, 0, 1, 0, 0);
    assertTrue(Double.isNaN(nan[1]));
  }

  /**
   * Where A and b read only parameters and dt, the whole propagator is hoisted: the optimized
   * step keeps no local (it reads the last squaring's entries as invariants and computes R x +
   * r), and the optimized program gives the same bits as the unoptimized one. Where A reads
   * v_post, the propagator stays in the step.
   */
  @Test
  void theParameterOnlyPropagatorIsHoistedOutOfTheStep() {
    io.cleft.compiler.ir.IrProgram program = compile(denseModel(3, "exact"));
    io.cleft.compiler.ir.IrProgram optimized = io.cleft.compiler.optimize.Optimizer.optimize(program);
    assertEquals(List.of(), optimized.update().locals(), "the step computes no part of the propagator");
    assertTrue(optimized.invariants().locals().size() > 100, "the propagator's entries are invariants");
    double[][] a = {{-1, 0.5, 0.2}, {0.3, -2, 0.1}, {0.4, 0.6, -0.7}};
    System system = new System(3, a, new double[] {0.1, -0.2, 0.3}, new double[] {1, 0.5, -0.5}, 0.4);
    double[] plain = new Interpreter(program).update(system.parameters(), system.x0(), 0, 0.4, 0, 0);
    double[] hoisted = new Interpreter(optimized).update(system.parameters(), system.x0(), 0, 0.4, 0, 0);
    for (int i = 0; i < 3; i++) {
      assertEquals(Double.doubleToRawLongBits(plain[i]), Double.doubleToRawLongBits(hoisted[i]), "state " + i);
    }
    io.cleft.compiler.ir.IrProgram voltage = io.cleft.compiler.optimize.Optimizer.optimize(compile(
        denseModel(2, "exact").replace("a_0_0 * x0", "a_0_0 * (1 + v_post / 100 [mV]) * x0")));
    assertTrue(voltage.update().locals().size() > 50, "a propagator that reads v_post is computed in the step");
  }

  private static void assertWithinRounding(System system, double[] actual) {
    double[][] e = reference(system);
    for (int i = 0; i < system.n(); i++) {
      double exact = 0;
      for (int j = 0; j < system.n(); j++) {
        exact += e[i][j] * system.x0()[j];
      }
      exact += e[i][system.n()];
      double size = size(e, system, i);
      assertEquals(exact, actual[i], ROUNDING * size,
          "state " + i + " of " + system + ": error " + Math.abs(exact - actual[i]) / size + " of the terms");
    }
  }

  /** sum_j |E_ij| |x_j| + |E_i,n|: the size of the terms of state i's next value. */
  private static double size(double[][] e, System system, int i) {
    double size = Math.abs(e[i][system.n()]);
    for (int j = 0; j < system.n(); j++) {
      size += Math.abs(e[i][j] * system.x0()[j]);
    }
    return Math.max(size, Double.MIN_NORMAL);
  }

  /** exp([[A, b], [0, 0]] dt) by its Taylor series in 80-digit decimals, rounded to doubles. */
  static double[][] reference(System system) {
    int m = system.n() + 1;
    BigDecimal h = new BigDecimal(system.dt());
    BigDecimal[][] generator = new BigDecimal[m][m];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        double v = i == system.n() ? 0 : j < system.n() ? system.a()[i][j] : system.b()[i];
        generator[i][j] = new BigDecimal(v).multiply(h, DIGITS);
      }
    }
    BigDecimal[][] term = new BigDecimal[m][m];
    BigDecimal[][] sum = new BigDecimal[m][m];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        term[i][j] = i == j ? BigDecimal.ONE : BigDecimal.ZERO;
        sum[i][j] = term[i][j];
      }
    }
    for (int k = 1; k < 400; k++) {
      BigDecimal[][] next = new BigDecimal[m][m];
      BigDecimal largest = BigDecimal.ZERO;
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < m; j++) {
          BigDecimal v = BigDecimal.ZERO;
          for (int l = 0; l < m; l++) {
            v = v.add(generator[i][l].multiply(term[l][j], DIGITS), DIGITS);
          }
          next[i][j] = v.divide(BigDecimal.valueOf(k), DIGITS);
          sum[i][j] = sum[i][j].add(next[i][j], DIGITS);
          largest = largest.max(next[i][j].abs());
        }
      }
      term = next;
      if (k > 40 && largest.compareTo(new BigDecimal("1e-60")) < 0) {
        break;
      }
    }
    double[][] e = new double[m][m];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        e[i][j] = sum[i][j].doubleValue();
      }
    }
    return e;
  }
}
