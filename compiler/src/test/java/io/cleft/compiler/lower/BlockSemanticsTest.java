package io.cleft.compiler.lower;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cleft.compiler.TestModels;
import io.cleft.compiler.interp.Interpreter;
import io.cleft.compiler.ir.IrProgram;
import io.cleft.compiler.ir.KernelKind;
import io.cleft.compiler.optimize.Optimizer;
import org.junit.jupiter.api.Test;

/**
 * What the blocks that run in order mean, on values worked out by hand: statements see what the
 * ones before wrote, an {@code if} keeps the changes of the branch taken, locals of a branch end
 * with it, units convert on the way in and out, the initial block derives values every other
 * block reads, and the current's derivative goes through its locals. Each holds for the
 * interpreter on the lowered program and on the optimised one alike.
 */
class BlockSemanticsTest {
  private static final String MODEL =
      """
      synapse Jumps {
        parameters {
          tau = 2 ms
          scale = 3
          e = 0 mV
        }
        states {
          g = 0 nS
          n = 0
          last = 0 ms
        }
        initial {
          twice = 2 * scale
          n = twice + 1
          if scale > 2 {
            twice = twice * 10
          }
        }
        update {
          g' = -g / tau  using exponential_euler
        }
        on pre(w nS) {
          step = w
          if w > 1 [nS] {
            big = 2 * w
            step = big
          } else if w < 0 [nS] {
            step = 0 [nS]
          }
          g += step
          g = g + 1 [pS]
          n += twice
          last = t
        }
        on post {
          n -= 1
        }
        current {
          open = g / (g + 1 [uS])
          i = open * g * (v_post - e)
        }
      }
      """;

  private static void forBothForms(java.util.function.Consumer<Interpreter> check) {
    IrProgram lowered = TestModels.compile(MODEL);
    check.accept(new Interpreter(lowered));
    check.accept(new Interpreter(Optimizer.optimize(lowered)));
  }

  @Test
  void theInitialBlockComputesStatesAndDerivesValuesInOrder() {
    forBothForms(interpreter -> assertArrayEquals(new double[] {0, 7, 0}, interpreter.initial(new double[] {2, 3, 0})));
    forBothForms(interpreter -> assertArrayEquals(new double[] {0, 5, 0}, interpreter.initial(new double[] {2, 2, 0})));
  }

  @Test
  void aHandlerTakesTheBranchItsConditionChoosesAndConvertsUnits() {
    double[] parameters = {2, 3, 0};
    double[] states = {5, 1, 0};
    // w = 3 nS > 1 nS: step = 6 nS; g = 5 + 6 + 0.001 nS; twice = 60 (scale > 2); last = t.
    forBothForms(interpreter -> {
      double[] after = interpreter.onEvent(KernelKind.ON_PRE, parameters, states, 12.5, 3);
      assertEquals(5 + 6 + 0.001, after[0], 1e-12);
      assertEquals(61, after[1]);
      assertEquals(12.5, after[2]);
    });
    // w = 0.5 nS: neither branch; step = w.
    forBothForms(interpreter ->
        assertEquals(5 + 0.5 + 0.001, interpreter.onEvent(KernelKind.ON_PRE, parameters, states, 1, 0.5)[0], 1e-12));
    // w = -4 nS: the else-if branch sets step to 0.
    forBothForms(interpreter ->
        assertEquals(5 + 0.001, interpreter.onEvent(KernelKind.ON_PRE, parameters, states, 1, -4)[0], 1e-12));
    forBothForms(interpreter ->
        assertArrayEquals(new double[] {5, 0, 0}, interpreter.onEvent(KernelKind.ON_POST, parameters, states, 1, Double.NaN)));
  }

  @Test
  void theCurrentsDerivativeGoesThroughItsLocals() {
    double[] parameters = {2, 3, 0};
    double[] states = {500, 0, 0}; // g = 500 nS = 0.5 uS: open = 1/3
    forBothForms(interpreter -> {
      double[] terms = interpreter.currentTerms(parameters, states, 0, -65, -20);
      double open = 0.5 / 1.5;
      assertEquals(open * 0.5 * -20, terms[IrProgram.CURRENT], 1e-12);
      assertEquals(open * 0.5, terms[IrProgram.CONDUCTANCE], 1e-12);
      assertEquals(open, terms[2], 1e-15);
    });
  }
}
