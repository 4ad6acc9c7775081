package io.cleft.compiler.solve;

import static io.cleft.compiler.TestModels.compile;
import static io.cleft.compiler.TestModels.parse;
import static io.cleft.compiler.TestModels.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleft.compiler.Compilation;
import io.cleft.compiler.Pipeline;
import io.cleft.compiler.check.Resolver;
import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.diagnostic.DiagnosticCollector;
import io.cleft.compiler.interp.Interpreter;
import io.cleft.compiler.ir.IrProgram;
import io.cleft.compiler.model.OdeMethod;
import io.cleft.compiler.model.SynapseModel;
import io.cleft.compiler.source.SourceFile;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/**
 * A method's system split into its independent parts ({@link SystemComponents}), and what that
 * buys: under {@code exact}, a part the closed forms cover keeps them beside a part that needs
 * the matrix exponential (a stiff decay no longer pushes a cycle's matrix out of range, nor a
 * cycle the decay into NaN), and SYN081 counts the states of a part; under
 * {@code implicit_euler}, a linear part is solved directly beside a nonlinear one, and a part
 * whose Newton iteration fails leaves the others alone. "The same as alone" is asserted to the
 * bit, against the part compiled as a model of its own.
 */
class SystemComponentsTest {
  /** A decay a towards 0.5 with time constant tau beside a cycle p <-> q (the reviewer's Split2). */
  private static final String DECAY_BESIDE_CYCLE =
      """
      synapse DecayBesideCycle {
        parameters {
          k = 1 1/ms
          tau = 1 ms  in [0, inf]
        }
        states {
          a = 1
          p = 1
          q = 0
        }
        update {
          a' = (0.5 - a) / tau using exact
          p' = -k * p + k * q using exact
          q' = k * p - k * q using exact
        }
        current = 1 [uS] * a * (v_post - 0 [mV])
      }
      """;

  private static final String CYCLE_ALONE =
      """
      synapse CycleAlone {
        parameters {
          k = 1 1/ms
        }
        states {
          p = 1
          q = 0
        }
        update {
          p' = -k * p + k * q using exact
          q' = k * p - k * q using exact
        }
        current = 1 [uS] * p * (v_post - 0 [mV])
      }
      """;

  private static final String DECAY_ALONE =
      """
      synapse DecayAlone {
        parameters {
          tau = 1 ms  in [0, inf]
        }
        states {
          a = 1
        }
        update {
          a' = (0.5 - a) / tau using exact
        }
        current = 1 [uS] * a * (v_post - 0 [mV])
      }
      """;

  /**
   * Three decays and a cycle of two (the reviewer's Split): five states under exact, more than
   * a matrix exponential takes, but no part has more than two.
   */
  private static final String THREE_DECAYS_AND_A_CYCLE =
      """
      synapse ThreeDecaysAndACycle {
        parameters {
          k = 1 1/ms
        }
        states {
          a = 1
          b = 1
          c = 1
          p = 1
          q = 0
        }
        update {
          a' = -k * a using exact
          b' = -k * b using exact
          c' = -k * c using exact
          p' = -k * p + k * q using exact
          q' = k * p - k * q using exact
        }
        current = 1 [uS] * a * (v_post - 0 [mV])
      }
      """;

  /**
   * A cycle of four (through a local) beside a decay: five states, and again no part of more
   * than four.
   */
  private static final String FOUR_CYCLE_AND_A_DECAY =
      """
      synapse FourCycleAndADecay {
        parameters {
          k = 1 1/ms
        }
        states {
          w = 1
          x = 0
          y = 0
          z = 0
          d = 1
        }
        update {
          back = k * z
          w' = back - k * w using exact
          x' = k * (w - x) using exact
          y' = k * (x - y) using exact
          z' = k * (y - z) using exact
          d' = -k * d using exact
        }
        current = 1 [uS] * d * (v_post - 0 [mV])
      }
      """;

  /** x' = -k x^3, which Newton cannot solve for k dt = 1e6 (see ImplicitEulerSolverTest), beside z' = 0 and a linear w. */
  private static final String STIFF_CUBIC_BESIDE_OTHERS =
      """
      synapse StiffCubicBesideOthers {
        parameters {
          k = 1 1/ms
          tau = 2 ms
        }
        states {
          x = 1
          z = 0
          w = 0
        }
        update {
          x' = -k * x^3  using implicit_euler
          z' = 0 [1/ms]  using implicit_euler
          w' = (1 - w) / tau  using implicit_euler
        }
        current = 1 [nA] * x
      }
      """;

  private static final String LINEAR_ALONE =
      """
      synapse LinearAlone {
        parameters {
          tau = 2 ms
        }
        states {
          w = 0
        }
        update {
          w' = (1 - w) / tau  using implicit_euler
        }
        current = 1 [nA] * w
      }
      """;

  /** The reviewer's T1: at dt = 1 its Jacobian is singular at the start, so x and y are NaN. */
  private static final String SINGULAR_PAIR_BESIDE_CONSTANT =
      """
      synapse SingularPairBesideConstant {
        parameters {
          k = 2 1/ms
          tau = 1 ms
        }
        states {
          x = 1
          y = 0
          z = 0
        }
        update {
          a = x * y
          x' = -k * a  using implicit_euler
          y' = (1 - y) / tau - x / tau using implicit_euler
          z' = 0 [1/ms] using implicit_euler
        }
        current = 1 [uS] * x * (v_post - 0 [mV])
      }
      """;

  /** Each model compiled once, when a test first needs it (so a model that fails fails only its tests). */
  private static final Map<String, Interpreter> COMPILED = new ConcurrentHashMap<>();

  private static Interpreter run(String model) {
    return COMPILED.computeIfAbsent(model, text -> new Interpreter(compile(text)));
  }

  /** The state names of each component of the model's system under {@code method}, in order. */
  private static List<List<String>> components(String text, OdeMethod method) {
    DiagnosticCollector diagnostics = new DiagnosticCollector();
    SynapseModel model = Resolver.resolveAll(parse(text), diagnostics).model();
    assertFalse(diagnostics.hasErrors(), () -> diagnostics.all().toString());
    return SystemComponents.of(SystemComponents.equations(model, method), Set.copyOf(model.locals())).stream()
        .map(c -> c.stream().map(d -> d.state().name()).toList())
        .toList();
  }

  @Test
  void statesThatReadEachOtherFormOneComponentAndOthersTheirOwn() {
    assertEquals(List.of(List.of("a"), List.of("b"), List.of("c"), List.of("p", "q")),
        components(THREE_DECAYS_AND_A_CYCLE, OdeMethod.EXACT));
    // w reads z only through the local 'back': still one component, in the system's order.
    assertEquals(List.of(List.of("w", "x", "y", "z"), List.of("d")), components(FOUR_CYCLE_AND_A_DECAY, OdeMethod.EXACT));
    // x reads y through the local a, y reads x directly; z reads nothing.
    assertEquals(List.of(List.of("x", "y"), List.of("z")), components(SINGULAR_PAIR_BESIDE_CONSTANT, OdeMethod.IMPLICIT_EULER));
  }

  /** Read one way is enough, and the components come in the order of their first states. */
  @Test
  void aStateReadOneWayJoinsAndComponentsKeepTheOrderOfTheirFirstStates() {
    String model =
        """
        synapse Order {
          parameters {
            k = 1 1/ms
          }
          states {
            u = 1
            s = 1
            r = 0
            v = 0
          }
          update {
            u' = -k * u using exact
            s' = -k * s using exact
            r' = k * (v - r) using exact
            v' = -k * v + k * s using exact
          }
          current = 1 [nA] * u
        }
        """;
    // v reads s, r reads v: s, r and v are one component, found at s's position.
    assertEquals(List.of(List.of("u"), List.of("s", "r", "v")), components(model, OdeMethod.EXACT));
    // Other methods' equations are not in the system.
    assertEquals(List.of(), components(model, OdeMethod.IMPLICIT_EULER));
  }

  /**
   * tau = 0 and 1e-7 ms: alone, the decay's closed form gives 0.5 exactly (exp(-dt/tau) is 0);
   * beside a cycle it used to go through the cycle's matrix exponential, whose norm of A dt
   * then passes its range, and a, p and q were all NaN. Now a is 0.5 and p and q are the
   * cycle's own, to the bit.
   */
  @Property(tries = 100)
  void aStiffDecayBesideACycleIsTheDecayAloneAndTheCycleAlone(
      @ForAll @DoubleRange(min = 0.01, max = 2) double dt,
      @ForAll @DoubleRange(min = 0.1, max = 5) double k,
      @ForAll @DoubleRange(min = -1, max = 1) double p0,
      @ForAll @DoubleRange(min = -1, max = 1) double q0) {
    for (double tau : new double[] {0, 1e-7, 1}) {
      double[] together = step(run(DECAY_BESIDE_CYCLE), new double[] {k, tau}, new double[] {1, p0, q0}, dt, 1);
      double[] decay = step(run(DECAY_ALONE), new double[] {tau}, new double[] {1}, dt, 1);
      double[] cycle = step(run(CYCLE_ALONE), new double[] {k}, new double[] {p0, q0}, dt, 1);
      if (tau < 1e-6) {
        assertEquals(0.5, together[0], 0, "a at tau = " + tau);
      }
      assertEquals(Double.doubleToRawLongBits(decay[0]), Double.doubleToRawLongBits(together[0]), "a at tau = " + tau);
      assertTrue(Double.isFinite(together[1]) && Double.isFinite(together[2]), together[1] + ", " + together[2]);
      assertEquals(Double.doubleToRawLongBits(cycle[0]), Double.doubleToRawLongBits(together[1]), "p at tau = " + tau);
      assertEquals(Double.doubleToRawLongBits(cycle[1]), Double.doubleToRawLongBits(together[2]), "q at tau = " + tau);
    }
  }

  /**
   * Five states under exact, which as one system would be SYN081, compile; each decay is its
   * closed form (the same bits as the decay alone) and the cycle's sum is conserved.
   */
  @Test
  void moreThanFourStatesCompileWhereNoPartHasMoreThanFour() {
    Interpreter split = run(THREE_DECAYS_AND_A_CYCLE);
    Interpreter decay = new Interpreter(compile(
        "synapse D {\n  parameters {\n    k = 1 1/ms\n  }\n  states {\n    a = 1\n  }\n  update {\n"
            + "    a' = -k * a using exact\n  }\n  current = 1 [nA] * a\n}\n"));
    double[] x = step(split, new double[] {0.7}, new double[] {1, 2, 3, 1, 0}, 0.25, 1);
    for (int i = 0; i < 3; i++) {
      double alone = step(decay, new double[] {0.7}, new double[] {i + 1}, 0.25, 1)[0];
      assertEquals(Double.doubleToRawLongBits(alone), Double.doubleToRawLongBits(x[i]), "decay " + i);
    }
    assertEquals(1, x[3] + x[4], 1e-15, "p + q");
    double[] cycle = step(run(CYCLE_ALONE), new double[] {0.7}, new double[] {1, 0}, 0.25, 1);
    assertEquals(cycle[0], x[3], 0);
    assertEquals(cycle[1], x[4], 0);

    IrProgram fourAndOne = compile(FOUR_CYCLE_AND_A_DECAY);
    double[] y = step(new Interpreter(fourAndOne), new double[] {1}, new double[] {1, 0, 0, 0, 1}, 0.5, 1);
    assertEquals(1, y[0] + y[1] + y[2] + y[3], 1e-14, "the cycle conserves its sum");
    assertEquals(Math.exp(-0.5), y[4], 0, "d");
  }

  /** SYN081 still counts a part's states: five that read each other are too many. */
  @Test
  void fiveStatesThatReadEachOtherAreStillTooMany() {
    String five = FOUR_CYCLE_AND_A_DECAY.replace("d' = -k * d using exact", "d' = k * (z - d) using exact");
    Compilation compilation = Pipeline.compile(new SourceFile("F.syn", five));
    assertTrue(compilation.diagnostics().stream().anyMatch(d -> d.code() == DiagnosticCode.EXACT_SYSTEM_TOO_LARGE),
        () -> compilation.diagnostics().toString());
  }

  /**
   * k dt = 1e6: Newton cannot solve x' = -k x^3 in its iterations, so x is NaN; z' = 0 beside
   * it stays 0, and the linear w is solved directly, to the bit as alone.
   */
  @Property(tries = 50)
  void aNewtonPartThatFailsLeavesTheOthersAlone(
      @ForAll @DoubleRange(min = 0.01, max = 5) double dt,
      @ForAll @DoubleRange(min = 0, max = 10) double tau,
      @ForAll @DoubleRange(min = -1, max = 1) double w0) {
    double[] x = step(run(STIFF_CUBIC_BESIDE_OTHERS), new double[] {1e6 / dt, tau}, new double[] {1, 0, w0}, dt, 1);
    assertTrue(Double.isNaN(x[0]), "x: " + x[0]);
    assertEquals(0, x[1], 0, "z");
    double alone = step(run(LINEAR_ALONE), new double[] {tau}, new double[] {w0}, dt, 1)[0];
    assertEquals(Double.doubleToRawLongBits(alone), Double.doubleToRawLongBits(x[2]), "w");
  }

  /** Where Newton converges, the linear part is still the linear state alone, to the bit. */
  @Property(tries = 100)
  void aLinearStateBesideANonlinearOneIsSolvedDirectly(
      @ForAll @DoubleRange(min = 0.01, max = 1) double dt,
      @ForAll @DoubleRange(min = 0.1, max = 3) double k,
      @ForAll @DoubleRange(min = 0, max = 10) double tau,
      @ForAll @DoubleRange(min = -1, max = 1) double w0) {
    double[] x = step(run(STIFF_CUBIC_BESIDE_OTHERS), new double[] {k, tau}, new double[] {1, 0.25, w0}, dt, 1);
    assertEquals(1, x[0] + dt * k * x[0] * x[0] * x[0], 1e-14, "x1 + dt k x1^3 = x0");
    assertEquals(0.25, x[1], 0, "z");
    double alone = step(run(LINEAR_ALONE), new double[] {tau}, new double[] {w0}, dt, 1)[0];
    assertEquals(Double.doubleToRawLongBits(alone), Double.doubleToRawLongBits(x[2]), "w");
  }

  /** The reviewer's T1 at dt = 1: x and y cannot be solved there, z' = 0 stays 0. */
  @Test
  void aConstantBesideASingularPairStaysPut() {
    Interpreter singular = run(SINGULAR_PAIR_BESIDE_CONSTANT);
    double[] x = step(singular, new double[] {2, 1}, new double[] {1, 0, 0}, 1, 1);
    assertTrue(Double.isNaN(x[0]) && Double.isNaN(x[1]), x[0] + ", " + x[1]);
    assertEquals(0, x[2], 0, "z");
    double[] later = step(singular, new double[] {2, 1}, new double[] {1, 0, 0.5}, 1, 3);
    assertEquals(0.5, later[2], 0, "z after three steps");
  }
}
