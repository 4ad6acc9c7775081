package io.cleft.compiler.ir;

import static io.cleft.compiler.TestModels.compile;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleft.compiler.interp.Interpreter;
import io.cleft.compiler.model.BuiltinFunction;
import io.cleft.compiler.optimize.Optimizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The program as a list of kernels: one of each kind, in the order of the kinds, and passes that
 * go through every kernel, including kinds lowering does not produce yet.
 */
class IrProgramTest {
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

  /** {@code r + exp(-1 / tau * dt)}: a handler whose jump has the same invariant as the update's decay. */
  private static IrKernel onPre() {
    IrExpr decay =
        new IrExpr.Call(
            BuiltinFunction.EXP,
            List.of(
                new IrExpr.Binary(
                    IrBinaryOperator.MULTIPLY,
                    new IrExpr.Binary(IrBinaryOperator.DIVIDE, new IrExpr.Constant(-1.0), new IrExpr.Parameter(1)),
                    new IrExpr.Input(IrInput.DT))));
    IrExpr jump = new IrExpr.Binary(IrBinaryOperator.ADD, new IrExpr.State(0), decay);
    return new IrKernel(KernelKind.ON_PRE, new IrBlock(List.of(), List.of(jump)));
  }

  @Test
  void keepsKernelsInTheOrderOfTheirKinds() {
    IrProgram lowered = compile(DECAY);
    List<IrKernel> reversed = new ArrayList<>(lowered.kernels());
    reversed.add(0, onPre());
    Collections.reverse(reversed);
    IrProgram program = lowered.withKernels(reversed);
    assertEquals(
        List.of(KernelKind.INITIAL, KernelKind.UPDATE, KernelKind.CURRENT, KernelKind.ON_PRE),
        program.kernels().stream().map(IrKernel::kind).toList());
    assertEquals(lowered.update(), program.update());
    assertEquals(lowered.current(), program.current());
    assertEquals(Optional.empty(), lowered.kernel(KernelKind.ON_PRE));
    assertThrows(IllegalStateException.class, () -> program.block(KernelKind.ON_POST));
  }

  @Test
  void refusesTwoKernelsOfOneKind() {
    IrProgram lowered = compile(DECAY);
    List<IrKernel> twice = new ArrayList<>(lowered.kernels());
    twice.add(lowered.kernels().get(0));
    assertThrows(IllegalArgumentException.class, () -> lowered.withKernels(twice));
  }

  @Test
  void mapKernelsRewritesEveryKernelAndKeepsItsKind() {
    IrProgram program = compile(DECAY).withKernels(withOnPre(compile(DECAY)));
    IrBlock empty = new IrBlock(List.of(), List.of());
    List<KernelKind> seen = new ArrayList<>();
    IrProgram mapped =
        program.mapKernels(
            kernel -> {
              seen.add(kernel.kind());
              return empty;
            });
    assertEquals(List.of(KernelKind.INITIAL, KernelKind.UPDATE, KernelKind.CURRENT, KernelKind.ON_PRE), seen);
    assertTrue(mapped.kernels().stream().allMatch(k -> k.block().equals(empty)));
    assertEquals(program.invariants(), mapped.invariants());
  }

  @Test
  void theOptimizerHoistsFromEveryKernelIntoTheSharedInvariants() {
    IrProgram program = compile(DECAY).withKernels(withOnPre(compile(DECAY)));
    IrProgram optimized = Optimizer.optimize(program);
    // The handler's exp(-1 / tau * dt) is the update's exponential Euler decay: one invariant serves both.
    assertEquals(1, optimized.invariants().locals().size(), () -> "invariants: " + optimized.invariants());
    IrBlock handler = optimized.block(KernelKind.ON_PRE);
    assertEquals(
        new IrExpr.Binary(IrBinaryOperator.ADD, new IrExpr.State(0), new IrExpr.Invariant(0)),
        handler.results().get(0));

    double[] parameters = {1e-3, 2.0};
    double[] states = {0.25};
    Interpreter.Frame before = new Interpreter.Frame(parameters, states, 0.025, -65.0, -70.0);
    Interpreter.Frame after = new Interpreter.Frame(parameters, states, 0.025, -65.0, -70.0);
    double[] expected = new Interpreter(program).run(KernelKind.ON_PRE, before);
    assertArrayEquals(expected, new Interpreter(optimized).run(KernelKind.ON_PRE, after));
    assertEquals(0.25 + Math.exp(-0.025 / 2.0), expected[0], 1e-15);
  }

  private static List<IrKernel> withOnPre(IrProgram program) {
    List<IrKernel> kernels = new ArrayList<>(program.kernels());
    kernels.add(onPre());
    return kernels;
  }
}
