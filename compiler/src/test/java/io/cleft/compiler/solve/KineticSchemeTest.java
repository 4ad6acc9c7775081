package io.cleft.compiler.solve;

import static io.cleft.compiler.TestModels.compile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleft.compiler.GeneratedAgreement;
import io.cleft.compiler.interp.Interpreter;
import io.cleft.compiler.ir.IrProgram;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A kinetic scheme is its mass-action ODEs: the same model written with hand-written equations
 * gives the same bits through the interpreter, under every method; its conservation law holds
 * to rounding after every step; generated code agrees with the interpreter bit for bit.
 */
class KineticSchemeTest {
  /** Three states in a cycle, a rate that reads a local, one that reads a state outside the scheme. */
  private static final String CYCLE_SCHEME = """
      synapse Cycle {
        parameters {
          kb = 0.8 1/(mM*ms)
          ku = 0.3 1/ms
          kd = 0.2 1/ms
          kr = 0.05 1/ms
          kc = 0.01 1/ms
          tmax = 1 mM
        }
        states {
          C = 0.6
          O = 0.3
          D = 0.1
          s = 0.5
        }
        update {
          T = tmax / (1 + exp(-v_pre / 5 [mV]))
          s' = -s * kr  using euler
          kinetic using METHOD {
            C <-> O (kb * T, ku)
            O <-> D (kd, kr * (1 + s))
            D -> C (kc)
          }
        }
        current = 1 [nA] * O
      }
      """;

  /**
   * The ODEs of CYCLE_SCHEME by the rule of LANGUAGE.md: per reaction in order, its forward flux
   * then its backward flux, added where they enter the state, subtracted where they leave.
   */
  private static final String CYCLE_ODES = """
      synapse Cycle {
        parameters {
          kb = 0.8 1/(mM*ms)
          ku = 0.3 1/ms
          kd = 0.2 1/ms
          kr = 0.05 1/ms
          kc = 0.01 1/ms
          tmax = 1 mM
        }
        states {
          C = 0.6
          O = 0.3
          D = 0.1
          s = 0.5
        }
        update {
          T = tmax / (1 + exp(-v_pre / 5 [mV]))
          s' = -s * kr  using euler
          C' = -(kb * T * C) + ku * O + kc * D  using METHOD
          O' = kb * T * C - ku * O - kd * O + kr * (1 + s) * D  using METHOD
          D' = kd * O - kr * (1 + s) * D - kc * D  using METHOD
        }
        current = 1 [nA] * O
      }
      """;

  /** The cycle with its law: D is replaced, so the others read it as 1 - C - O. */
  private static final String CONSERVED_SCHEME = CYCLE_SCHEME.replace(
      "D -> C (kc)\n", "D -> C (kc)\n      conserve C + O + D = 1\n");

  private static final String CONSERVED_ODES = """
      synapse Cycle {
        parameters {
          kb = 0.8 1/(mM*ms)
          ku = 0.3 1/ms
          kd = 0.2 1/ms
          kr = 0.05 1/ms
          kc = 0.01 1/ms
          tmax = 1 mM
        }
        states {
          C = 0.6
          O = 0.3
          D = 0.1
          s = 0.5
        }
        update {
          T = tmax / (1 + exp(-v_pre / 5 [mV]))
          s' = -s * kr  using euler
          C' = -(kb * T * C) + ku * O + kc * (1 - C - O)  using METHOD
          O' = kb * T * C - ku * O - kd * O + kr * (1 + s) * (1 - C - O)  using METHOD
        }
        current = 1 [nA] * O
      }
      """;

  /** A one-link chain under a law: A decays into B, B into the replaced state Z. */
  private static final String CHAIN_SCHEME = """
      synapse Chain {
        parameters {
          ka = 0.4 1/ms
          kz = 0.1 1/ms
          total = 2 mM
        }
        states {
          A = 1.5 mM
          B = 0.5 mM
          Z = 0 mM
        }
        update {
          kinetic using exact {
            A -> B (ka)
            B -> Z (kz)
            conserve A + B + Z = total
          }
        }
        current = 1 [nA/mM] * B
      }
      """;

  private static final String CHAIN_ODES = """
      synapse Chain {
        parameters {
          ka = 0.4 1/ms
          kz = 0.1 1/ms
          total = 2 mM
        }
        states {
          A = 1.5 mM
          B = 0.5 mM
          Z = 0 mM
        }
        update {
          A' = -(ka * A)  using exact
          B' = ka * A - kz * B  using exact
        }
        current = 1 [nA/mM] * B
      }
      """;

  private static final double[] CYCLE_PARAMETERS = {0.8, 0.3, 0.2, 0.05, 0.01, 1};

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"euler", "rk2", "rk4", "exponential_euler", "implicit_euler", "exact"})
  void aSchemeStepsAsItsHandWrittenOdes(String method) {
    Interpreter scheme = new Interpreter(compile(CYCLE_SCHEME.replace("METHOD", method)));
    Interpreter odes = new Interpreter(compile(CYCLE_ODES.replace("METHOD", method)));
    SplittableRandom random = new SplittableRandom(9);
    for (int sample = 0; sample < 200; sample++) {
      double[] states = {random.nextDouble(), random.nextDouble(), random.nextDouble(), random.nextDouble()};
      double vPre = random.nextDouble(-60, 40);
      double dt = random.nextDouble(0.001, 2);
      double[] expected = odes.update(CYCLE_PARAMETERS, states, 0, dt, vPre, -65);
      double[] actual = scheme.update(CYCLE_PARAMETERS, states, 0, dt, vPre, -65);
      for (int i = 0; i < states.length; i++) {
        assertEquals(expected[i], actual[i], 0, method + ", state " + i + ", sample " + sample);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"euler", "rk2", "rk4", "exponential_euler", "implicit_euler", "exact"})
  void theReplacedStateIsTheTotalMinusTheOthersNextValues(String method) {
    Interpreter scheme = new Interpreter(compile(CONSERVED_SCHEME.replace("METHOD", method)));
    Interpreter odes = new Interpreter(compile(CONSERVED_ODES.replace("METHOD", method)));
    SplittableRandom random = new SplittableRandom(11);
    for (int sample = 0; sample < 200; sample++) {
      double c = random.nextDouble(0, 0.5);
      double o = random.nextDouble(0, 0.5);
      // D is whatever the states say: the step reads it only through the law.
      double[] states = {c, o, random.nextDouble(), random.nextDouble()};
      double vPre = random.nextDouble(-60, 40);
      double dt = random.nextDouble(0.001, 2);
      double[] expected = odes.update(CYCLE_PARAMETERS, states, 0, dt, vPre, -65);
      double[] actual = scheme.update(CYCLE_PARAMETERS, states, 0, dt, vPre, -65);
      assertEquals(expected[0], actual[0], 0, "C");
      assertEquals(expected[1], actual[1], 0, "O");
      assertEquals(1 - expected[0] - expected[1], actual[2], 0, "D = 1 - C - O, after the step");
      assertEquals(expected[3], actual[3], 0, "s");
    }
  }

  @org.junit.jupiter.api.Test
  void exactSolvesAChainSchemeAsItsHandWrittenOdes() {
    Interpreter scheme = new Interpreter(compile(CHAIN_SCHEME));
    Interpreter odes = new Interpreter(compile(CHAIN_ODES));
    double[] parameters = {0.4, 0.1, 2};
    double[] states = {1.5, 0.5, 0};
    for (int step = 0; step < 400; step++) {
      double[] expected = odes.update(parameters, states, 0, 0.1, 0, 0);
      double[] actual = scheme.update(parameters, states, 0, 0.1, 0, 0);
      assertEquals(expected[0], actual[0], 0, "A at step " + step);
      assertEquals(expected[1], actual[1], 0, "B at step " + step);
      assertEquals(2 - expected[0] - expected[1], actual[2], 0, "Z at step " + step);
      states = actual;
    }
    // exact: A decays as exp(-ka t), to rounding, after 40 ms.
    assertEquals(1.5 * Math.exp(-0.4 * 40), states[0], 1e-13 * 1.5);
    assertTrue(states[2] > 1.5, "most of the material has reached Z: " + states[2]);
  }

  /**
   * States in different units of one dimension: the fluxes and the law are in the working unit
   * (mM), and each next value goes back to its state's unit, so A (mM) + B (uM) / 1000 stays
   * 2 mM, the total declared in uM.
   */
  @org.junit.jupiter.api.Test
  void theLawHoldsAcrossUnitsOfOneDimension() {
    Interpreter scheme = new Interpreter(compile("""
        synapse Units {
          parameters {
            ka = 0.3 1/ms
            kb = 200 1/s
          }
          states {
            A = 1.5 mM
            B = 500 uM
          }
          update {
            kinetic using rk4 {
              A <-> B (ka, kb)
              conserve A + B = 2000 [uM]
            }
          }
          current = 1 [nA/mM] * A
        }
        """));
    double[] states = {1.5, 500};
    for (int step = 0; step < 2000; step++) {
      states = scheme.update(new double[] {0.3, 200}, states, 0, 0.05, 0, 0);
      assertEquals(2, states[0] + states[1] / 1000, 1e-15, "step " + step);
    }
    // The steady state of A <-> B, ka A = kb B with kb = 0.2 /ms, after 100 ms (e^-50 from it).
    assertEquals(0.8, states[0], 1e-12);
    assertEquals(1200, states[1], 1e-9);
  }

  /** {@code reactions} reactions along a chain of {@code states} states k0, k1, ..., round and round, under euler. */
  private static String longChain(int reactions, int states) {
    StringBuilder model = new StringBuilder("synapse Long {\n  parameters { k = 1 1/ms }\n  states {\n");
    for (int i = 0; i < states; i++) {
      model.append("    k").append(i).append(" = 0\n");
    }
    model.append("  }\n  update {\n    kinetic using euler {\n");
    for (int i = 0; i < reactions; i++) {
      int from = i % (states - 1);
      model.append("      k").append(from).append(" <-> k").append(from + 1).append(" (k, k)\n");
    }
    return model.append("    }\n  }\n  current = 1 [nA] * k0\n}\n").toString();
  }

  private static java.util.List<String> codes(String model) {
    return io.cleft.compiler.Pipeline.compile(new io.cleft.compiler.source.SourceFile("Long.syn", model)).diagnostics().stream()
        .filter(io.cleft.compiler.diagnostic.Diagnostic::isError)
        .map(d -> d.code().id())
        .toList();
  }

  /**
   * A scheme's reactions count as statements of the update block (SYN012 past the limit), and a
   * scheme of thousands is checked in time linear in it: the estimate of its size rejects it.
   */
  @org.junit.jupiter.api.Test
  void longSchemesAreLimitedAndCheckedQuickly() {
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60), () -> {
      assertEquals(java.util.List.of("SYN012"), codes(longChain(io.cleft.compiler.Limits.MAX_UPDATE_STATEMENTS, 100)));
      java.util.List<String> tooLarge = codes(longChain(4000, 4001));
      assertTrue(!tooLarge.isEmpty() && tooLarge.stream().allMatch("SYN080"::equals), tooLarge::toString);
      // k1 is in 2 * 200 reactions, each with two fluxes: a sum deeper than an expression may nest.
      assertEquals(java.util.List.of("SYN010"), codes(longChain(400, 3)));
    });
  }

  /** A scheme without reactions gives no state an equation: it compiles, and the states keep their values. */
  @org.junit.jupiter.api.Test
  void anEmptySchemeChangesNothing() {
    IrProgram program = compile("""
        synapse Empty {
          parameters { k = 0.5 1/ms }
          states { x = 0.25 }
          update {
            kinetic using rk4 { }
            x' = -k * x  using euler
          }
          current = 1 [nA] * x
        }
        """);
    double[] next = new Interpreter(program).update(new double[] {0.5}, new double[] {0.25}, 0, 0.1, 0, 0);
    assertEquals(0.25 + 0.1 * (-0.5 * 0.25), next[0], 0);
  }

  @org.junit.jupiter.api.Test
  void generatedCodeAgreesWithTheInterpreterOnSchemes() {
    for (String method : new String[] {"euler", "rk2", "rk4", "exponential_euler"}) {
      GeneratedAgreement.assertGeneratedEqualsInterpreter(
          compile(CONSERVED_SCHEME.replace("METHOD", method)), "conserved cycle, " + method, 5, 50);
      GeneratedAgreement.assertGeneratedEqualsInterpreter(
          compile(CYCLE_SCHEME.replace("METHOD", method)), "cycle, " + method, 6, 50);
    }
    GeneratedAgreement.assertGeneratedEqualsInterpreter(compile(CHAIN_SCHEME), "chain, exact", 7, 50);
  }
}
