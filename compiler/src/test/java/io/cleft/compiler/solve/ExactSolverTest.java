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
 * {@code exact} on the triangular system r' = -a r + p, d' = k r - c d + q (the rise-decay pair
 * with constant drives), through the interpreter on the lowered program, against the exact
 * solution computed in 80-digit decimal arithmetic (the Taylor series of the exponential of the
 * augmented matrix [[-a, 0, p], [k, -c, q], [0, 0, 0]] dt): exact to rounding for any rates,
 * independent of how dt is subdivided, exact at equal rates and 1e-9 apart (where the difference
 * of exponentials loses digits), and stable where euler diverges.
 */
class ExactSolverTest {
  private static final String PAIR =
      """
      synapse Pair {
        parameters {
          a = 1 1/ms
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
          r' = -a * r + p  using METHOD
          d' = k * r - c * d + q  using METHOD
        }
        current = 1 [nA] * d
      }
      """;

  private static final Interpreter EXACT = new Interpreter(compile(PAIR.replace("METHOD", "exact")));
  private static final Interpreter EULER = new Interpreter(compile(PAIR.replace("METHOD", "euler")));

  /** Parameters in declaration order: a, c, k, p, q. */
  @Property(tries = 300)
  void oneStepIsTheExactSolutionToRounding(
      @ForAll @DoubleRange(min = 0.01, max = 5) double a,
      @ForAll @DoubleRange(min = 0.01, max = 5) double c,
      @ForAll @DoubleRange(min = -2, max = 2) double k,
      @ForAll @DoubleRange(min = -2, max = 2) double p,
      @ForAll @DoubleRange(min = -2, max = 2) double q,
      @ForAll @DoubleRange(min = -1, max = 1) double r0,
      @ForAll @DoubleRange(min = -1, max = 1) double d0,
      @ForAll @DoubleRange(min = 0.01, max = 2) double dt) {
    double[] parameters = {a, c, k, p, q};
    double[] states = {r0, d0};
    double[] actual = step(EXACT, parameters, states, dt, 1);
    double[] exact = reference(parameters, states, dt);
    double scale = scale(parameters, states);
    for (int i = 0; i < 2; i++) {
      assertEquals(exact[i], actual[i], 1e-13 * scale, "state " + i);
    }
  }

  @Property(tries = 200)
  void subdividingTheStepChangesNothingButRounding(
      @ForAll @DoubleRange(min = 0.01, max = 5) double a,
      @ForAll @DoubleRange(min = 0.01, max = 5) double c,
      @ForAll @DoubleRange(min = -2, max = 2) double k,
      @ForAll @DoubleRange(min = -2, max = 2) double p,
      @ForAll @DoubleRange(min = -2, max = 2) double q,
      @ForAll @DoubleRange(min = -1, max = 1) double r0,
      @ForAll @DoubleRange(min = -1, max = 1) double d0,
      @ForAll @DoubleRange(min = 0.01, max = 2) double dt) {
    double[] parameters = {a, c, k, p, q};
    double[] states = {r0, d0};
    double[] one = step(EXACT, parameters, states, dt, 1);
    double[] eight = step(EXACT, parameters, states, dt / 8, 8);
    double scale = scale(parameters, states);
    for (int i = 0; i < 2; i++) {
      assertEquals(one[i], eight[i], 1e-13 * scale, "state " + i);
    }
  }

  /** tau_r = tau_d: the general form is 0/0, and exact takes its limit dt*exp(-dt/tau). */
  @Test
  void equalRatesGiveTheLimit() {
    double[] parameters = {0.5, 0.5, 0.5, 0, 0};
    double[] states = {1, 0};
    double dt = 0.3;
    double[] actual = step(EXACT, parameters, states, dt, 1);
    // d = k r0 dt exp(-a dt) exactly at equal rates.
    assertEquals(0.5 * dt * Math.exp(-0.5 * dt), actual[1], 1e-16);
    double[] exact = reference(parameters, states, dt);
    assertEquals(exact[1], actual[1], 2e-16 * Math.abs(exact[1]));
    assertTrue(Double.isFinite(actual[0]) && Double.isFinite(actual[1]));
  }

  /**
   * Rates 1e-9 apart, where (exp(-a dt) - exp(-c dt)) / (c - a) keeps only some 7 digits: the
   * series keeps them all, and the result is between the limit and its neighbours.
   */
  @Test
  void ratesNineDigitsApartKeepAllDigits() {
    for (double gap : new double[] {1e-9, -1e-9, 1e-12, 1e-6, 0.009, 0.011}) {
      double[] parameters = {0.5, 0.5 + gap, 0.7, 0.2, -0.1};
      double[] states = {1, 0.25};
      double dt = 1;
      double[] actual = step(EXACT, parameters, states, dt, 1);
      double[] exact = reference(parameters, states, dt);
      assertEquals(exact[1], actual[1], 1e-14 * Math.abs(exact[1]), "gap " + gap);
    }
  }

  /**
   * A time constant of 0 (a rate of minus infinity): the state is at its steady state at once,
   * and a driven one follows its driver, not NaN. tau_d = 0: d ends where r ends; tau_r = 0: r
   * jumps to r_inf, and d relaxes towards it.
   */
  @Test
  void aTimeConstantOfZeroGivesTheSteadyState() {
    Interpreter riseDecay = new Interpreter(compile(
        """
        synapse RiseDecay {
          parameters {
            tau_r = 0.5 ms
            tau_d = 2 ms
            r_inf = 0.8
          }
          states {
            r = 0.1
            d = 0.3
          }
          update {
            r' = (r_inf - r) / tau_r  using exact
            d' = (r - d) / tau_d  using exact
          }
          current = 1 [nA] * d
        }
        """));
    double dt = 0.25;
    double[] instantDecay = riseDecay.update(new double[] {0.5, 0, 0.8}, new double[] {0.1, 0.3}, 0, dt, 0, 0);
    assertEquals(0.8 + (0.1 - 0.8) * Math.exp(-dt / 0.5), instantDecay[0], 1e-15);
    assertEquals(instantDecay[0], instantDecay[1], 1e-15);
    double[] instantRise = riseDecay.update(new double[] {0, 2, 0.8}, new double[] {0.1, 0.3}, 0, dt, 0, 0);
    assertEquals(0.8, instantRise[0], 0);
    assertEquals(0.8 + (0.3 - 0.8) * Math.exp(-dt / 2), instantRise[1], 1e-15);
  }

  /** dt * rate = 50: euler's factor 1 - 50 makes it diverge; exact decays to the steady state. */
  @Test
  void stiffRatesStayBoundedWhereEulerDiverges() {
    double dt = 0.1;
    double[] parameters = {500, 499, 1, 2, 3};
    double[] states = {1, 1};
    double[] euler = step(EULER, parameters, states, dt, 20);
    double[] exact = step(EXACT, parameters, states, dt, 20);
    assertTrue(Math.abs(euler[0]) > 1e20, "euler gave " + euler[0]);
    double rSteady = 2.0 / 500;
    double dSteady = (1 * rSteady + 3) / 499;
    assertEquals(rSteady, exact[0], 1e-15);
    assertEquals(dSteady, exact[1], 1e-15);
  }

  /**
   * Locals that read the system's states are looked through, and a coefficient may read a state
   * under another method (here w, held at its start value over the step): the same numbers as
   * the pair written out, with k = w.
   */
  @Test
  void localsAreLookedThroughAndOtherStatesHeld() {
    Interpreter throughLocals = new Interpreter(compile(
        """
        synapse Locals {
          parameters {
            a = 1 1/ms
            c = 1 1/ms
            p = 0 1/ms
            q = 0 1/ms
          }
          states {
            w = 0.7 1/ms
            r = 0
            d = 0
          }
          update {
            drive = w * r + q
            loss = c * d
            w = w
            r' = p - a * r  using exact
            d' = drive - loss  using exact
          }
          current = 1 [nA] * d
        }
        """));
    double[] actual = throughLocals.update(new double[] {0.9, 1.3, 0.2, -0.4}, new double[] {0.7, 0.6, 0.1}, 0, 0.4, 0, 0);
    double[] pair = step(EXACT, new double[] {0.9, 1.3, 0.7, 0.2, -0.4}, new double[] {0.6, 0.1}, 0.4, 1);
    assertEquals(pair[0], actual[1], 1e-16);
    assertEquals(pair[1], actual[2], 1e-16);
  }

  /** A state whose equation reads no state of the system is integrated exactly as x + dt*f. */
  @Test
  void aStateThatReadsNoStateOfTheSystemIsForced() {
    Interpreter forced = new Interpreter(compile(
        """
        synapse Forced {
          parameters {
            p = 0.25 1/ms
          }
          states {
            x = 1
          }
          update {
            x' = p  using exact
          }
          current = 1 [nA] * x
        }
        """));
    assertEquals(1 + 0.5 * 0.25, forced.update(new double[] {0.25}, new double[] {1}, 0, 0.5, 0, 0)[0], 0);
  }

  private static double scale(double[] parameters, double[] states) {
    double s = 1;
    for (double v : parameters) {
      s = Math.max(s, Math.abs(v));
    }
    for (double v : states) {
      s = Math.max(s, Math.abs(v));
    }
    return s * s / Math.min(parameters[0], parameters[1]);
  }

  private static final MathContext DIGITS = new MathContext(80);

  /** exp(M dt) [r0, d0, 1] by its Taylor series in 80-digit decimals, M the augmented matrix. */
  private static double[] reference(double[] parameters, double[] states, double dt) {
    BigDecimal h = new BigDecimal(dt);
    BigDecimal[][] m = {
      {new BigDecimal(-parameters[0]).multiply(h), BigDecimal.ZERO, new BigDecimal(parameters[3]).multiply(h)},
      {new BigDecimal(parameters[2]).multiply(h), new BigDecimal(-parameters[1]).multiply(h), new BigDecimal(parameters[4]).multiply(h)},
      {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO},
    };
    BigDecimal[] term = {new BigDecimal(states[0]), new BigDecimal(states[1]), BigDecimal.ONE};
    BigDecimal[] sum = term.clone();
    for (int n = 1; n < 400; n++) {
      BigDecimal[] next = new BigDecimal[3];
      for (int i = 0; i < 3; i++) {
        BigDecimal v = BigDecimal.ZERO;
        for (int j = 0; j < 3; j++) {
          v = v.add(m[i][j].multiply(term[j], DIGITS), DIGITS);
        }
        next[i] = v.divide(BigDecimal.valueOf(n), DIGITS);
      }
      term = next;
      for (int i = 0; i < 3; i++) {
        sum[i] = sum[i].add(term[i], DIGITS);
      }
    }
    return new double[] {sum[0].doubleValue(), sum[1].doubleValue()};
  }
}
