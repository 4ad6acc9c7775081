package io.cleft.compiler.optimize;

import static io.cleft.compiler.TestModels.compile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.cleft.compiler.ModelSources;
import io.cleft.compiler.interp.Interpreter;
import io.cleft.compiler.ir.IrBinaryOperator;
import io.cleft.compiler.ir.IrBlock;
import io.cleft.compiler.ir.IrExpr;
import io.cleft.compiler.ir.IrInput;
import io.cleft.compiler.ir.IrLocal;
import io.cleft.compiler.ir.IrProgram;
import io.cleft.compiler.ir.IrWalker;
import io.cleft.compiler.model.BuiltinFunction;
import io.cleft.compiler.model.Symbol;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the optimizer hoists and rewrites, and that in the default mode it changes no bit: the
 * interpreter gives the same results on the optimised program as on the lowered one.
 */
class OptimizerTest {
  private static final String DECAY = """
      synapse Decay {
        parameters {
          g   = 1e-3 uS
          tau = 2 ms
        }
        states {
          r = 1
        }
        update {
          r' = -r / tau  using exponential_euler
        }
        current = g * r * v_post
      }
      """;

  @Test
  void hoistsAnExponentialDecayOutOfTheStep() {
    IrProgram optimized = Optimizer.optimize(compile(DECAY));
    assertEquals(1, optimized.invariants().locals().size(), () -> "invariants: " + optimized.invariants());
    IrExpr decay = optimized.invariants().locals().get(0).value();
    assertTrue(contains(decay, e -> e instanceof IrExpr.Call c && c.function() == BuiltinFunction.EXP), "" + decay);
    assertTrue(contains(decay, e -> e.equals(new IrExpr.Parameter(1))), "reads tau: " + decay);
    assertTrue(contains(decay, e -> e.equals(new IrExpr.Input(IrInput.DT))), "reads dt: " + decay);
    assertTrue(none(optimized.update(), e -> e instanceof IrExpr.Call), "no call left in " + optimized.update());
    assertTrue(contains(optimized.update().results().get(0), e -> e.equals(new IrExpr.Invariant(0))));
  }

  @Test
  void hoistsWhatReadsOnlyConstantsAndDt() {
    IrProgram optimized =
        Optimizer.optimize(compile(DECAY.replace("r' = -r / tau", "r' = -r / 3 [ms]").replace("tau = 2 ms", "")));
    List<IrLocal> invariants = optimized.invariants().locals();
    assertEquals(1, invariants.size(), () -> "invariants: " + invariants);
    assertTrue(none(invariants.get(0).value(), e -> e instanceof IrExpr.Parameter), "" + invariants);
  }

  @Test
  void hoistsParameterExpressionsOutOfTheCurrent() {
    IrProgram optimized = Optimizer.optimize(compile(DECAY.replace("g * r * v_post", "g / (1 + exp(-tau / 1 [ms])) * r * v_post")));
    assertEquals(2, optimized.invariants().locals().size(), () -> "invariants: " + optimized.invariants());
    assertTrue(none(optimized.current(), e -> e instanceof IrExpr.Call), "no call left in " + optimized.current());
  }

  @Test
  void leavesProductsOfParametersInTheStep() {
    IrProgram optimized = Optimizer.optimize(compile(DECAY.replace("g * r * v_post", "2 * g * tau / 1 [ms] * r * v_post")));
    // 2 * g * tau / 1 is a division of parameters, hoisted; without the division nothing is.
    assertEquals(2, optimized.invariants().locals().size());
    IrProgram products = Optimizer.optimize(compile(DECAY.replace("g * r * v_post", "2 * g * tau * 1 [1/ms] * r * v_post")));
    assertEquals(1, products.invariants().locals().size(), () -> "only the decay: " + products.invariants());
  }

  @Test
  void theIonotropicSynapseHasNothingToHoist() {
    IrProgram optimized = Optimizer.optimize(ModelSources.program("IonotropicSynapse"));
    assertEquals(List.of(), optimized.invariants().locals());
  }

  @Test
  void fastMathSavesTwoOfTheIonotropicSynapsesFourDivisions() {
    IrProgram exact = Optimizer.optimize(ModelSources.program("IonotropicSynapse"));
    IrProgram fast = Optimizer.optimize(ModelSources.program("IonotropicSynapse"), MathMode.FAST);
    assertEquals(4, divisions(exact.update()));
    assertEquals(0, divisions(exact.invariants()));
    // 1 / (1 + exp(...)) and -k_minus / (1 - s_inf) per step; 1 / delta once per synapse.
    assertEquals(2, divisions(fast.update()));
    assertEquals(1, divisions(fast.invariants()));
  }

  static List<String> models() {
    return ModelSources.names();
  }

  /**
   * The default mode keeps every bit; fast math stays within 1e-12 of it, relative to the
   * larger of the two, on typical inputs (where nothing cancels catastrophically).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void optimizedProgramsAgreeWithTheLoweredOne(String model) {
    IrProgram lowered = ModelSources.program(model);
    Interpreter reference = new Interpreter(lowered);
    Interpreter exact = new Interpreter(Optimizer.optimize(lowered));
    Interpreter fast = new Interpreter(Optimizer.optimize(lowered, MathMode.FAST));
    SplittableRandom random = new SplittableRandom(11);
    List<Symbol.Parameter> parameters = lowered.model().parameters();
    for (int sample = 0; sample < 5_000; sample++) {
      double[] p = new double[parameters.size()];
      for (int i = 0; i < p.length; i++) {
        double d = parameters.get(i).defaultValue();
        p[i] = d > 0 ? d * Math.exp(random.nextDouble(-1, 1)) : d + random.nextDouble(-10, 10);
      }
      double[] s = random.doubles(lowered.model().states().size(), 0, 1).toArray();
      double dt = random.nextDouble(0.001, 0.5);
      double vPre = random.nextDouble(-90, 40);
      double vPost = random.nextDouble(-90, 40);
      List<double[]> expected = results(reference, p, s, dt, vPre, vPost);
      List<double[]> same = results(exact, p, s, dt, vPre, vPost);
      List<double[]> close = results(fast, p, s, dt, vPre, vPost);
      for (int r = 0; r < expected.size(); r++) {
        for (int k = 0; k < expected.get(r).length; k++) {
          double e = expected.get(r)[k];
          if (Double.doubleToLongBits(e) != Double.doubleToLongBits(same.get(r)[k])) {
            fail(model + ": optimised result " + r + "/" + k + " is " + same.get(r)[k] + ", lowered " + e);
          }
          double f = close.get(r)[k];
          double scale = Math.max(Math.abs(e), Math.abs(f));
          if (!(Math.abs(e - f) <= 1e-12 * scale)) {
            fail(model + ": fast-math result " + r + "/" + k + " is " + f + ", exact " + e);
          }
        }
      }
    }
  }

  private static List<double[]> results(Interpreter interpreter, double[] p, double[] s, double dt, double vPre, double vPost) {
    return List.of(interpreter.update(p, s, dt, vPre, vPost), interpreter.currentTerms(p, s, vPre, vPost));
  }

  private static int divisions(IrBlock block) {
    List<IrExpr> all = new ArrayList<>(block.locals().stream().map(IrLocal::value).toList());
    all.addAll(block.results());
    return all.stream().mapToInt(OptimizerTest::divisions).sum();
  }

  private static int divisions(IrExpr expr) {
    int own = expr instanceof IrExpr.Binary b && b.operator() == IrBinaryOperator.DIVIDE ? 1 : 0;
    return own + IrWalker.children(expr).stream().mapToInt(OptimizerTest::divisions).sum();
  }

  private static boolean contains(IrExpr expr, Predicate<IrExpr> test) {
    return test.test(expr) || IrWalker.children(expr).stream().anyMatch(c -> contains(c, test));
  }

  private static boolean none(IrExpr expr, Predicate<IrExpr> test) {
    return !contains(expr, test);
  }

  private static boolean none(IrBlock block, Predicate<IrExpr> test) {
    return block.locals().stream().allMatch(l -> none(l.value(), test)) && block.results().stream().allMatch(r -> none(r, test));
  }
}
