package io.cleft.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleft.compiler.interp.Interpreter;
import io.cleft.compiler.ir.IrBlock;
import io.cleft.compiler.ir.IrExpr;
import io.cleft.compiler.ir.IrLocal;
import io.cleft.compiler.ir.IrProgram;
import io.cleft.compiler.ir.IrWalker;
import io.cleft.compiler.optimize.Optimizer;
import io.cleft.runtime.CleftMath;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Locals that each use the one before twice, {@code a1 = a0 + a0}, make a DAG whose tree is
 * exponential in the number of locals. No stage may walk that tree: the lowered and optimized
 * programs stay linear in the number of locals (the count of work asserted here), and the values
 * are the exact doublings. Each first local stresses another stage: a voltage (every stage), the
 * state under exponential_euler (the linear decomposition), a parameter (hoisting), dt (hoisting
 * into per-call invariants).
 */
class DagShapedModelsTest {
  private static final Duration HANG_GUARD = Duration.ofSeconds(20);
  /** Nodes per local that a linear program may need; the tree of 24 doublings has 2^24 per local. */
  private static final int NODES_PER_LOCAL = 40;

  private static String doublingChain(String first, int locals, String update) {
    StringBuilder text = new StringBuilder("synapse Dag {\n  parameters { g = 2 uS }\n  states { s = 0.5 }\n  update {\n");
    text.append("    a0 = ").append(first).append('\n');
    for (int i = 1; i <= locals; i++) {
      text.append("    a").append(i).append(" = a").append(i - 1).append(" + a").append(i - 1).append('\n');
    }
    text.append("    ").append(update.replace("LAST", "a" + locals)).append("\n  }\n  current = g * s * v_post\n}\n");
    return text.toString();
  }

  @ParameterizedTest(name = "{0} locals from {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "24 | v_pre / 1 [mV] | s = LAST",
        "60 | v_pre / 1 [mV] | s = LAST",
        "24 | -s / 1 [ms]    | s' = LAST using exponential_euler",
        "60 | -s / 1 [ms]    | s' = LAST using exponential_euler",
        "24 | g / 1 [uS]     | s = LAST",
        "60 | g / 1 [uS]     | s = LAST",
        "24 | dt / 1 [ms]    | s = LAST",
        "60 | dt / 1 [ms]    | s = LAST",
      })
  void aDoublingChainCompilesToALinearProgramWithTheExactValue(int locals, String first, String update) {
    String text = doublingChain(first, locals, update);
    IrProgram program = assertTimeoutPreemptively(HANG_GUARD, () -> TestModels.compile(text));
    IrProgram optimized = assertTimeoutPreemptively(HANG_GUARD, () -> Optimizer.optimize(program));
    int bound = NODES_PER_LOCAL * (locals + 1);
    assertTrue(nodes(program, bound) <= bound, "lowered program larger than " + bound + " nodes");
    assertTrue(nodes(optimized, bound) <= bound, "optimized program larger than " + bound + " nodes");

    double dt = 1e-12;
    double vPre = -20;
    double doubling = Math.pow(2, locals);
    double expected =
        switch (first.substring(0, 2)) {
          case "v_" -> doubling * vPre;
          case "-s" -> 0.5 * CleftMath.exp(-doubling * dt);
          case "g " -> doubling * 2;
          default -> doubling * dt;
        };
    for (IrProgram each : List.of(program, optimized)) {
      double actual = new Interpreter(each).update(new double[] {2}, new double[] {0.5}, dt, vPre, -65)[0];
      assertEquals(expected, actual);
    }
  }

  /** The number of nodes of every expression of {@code program}, counted as trees, up to {@code limit}. */
  private static long nodes(IrProgram program, long limit) {
    long count = 0;
    for (IrBlock block : List.of(program.invariants(), program.update(), program.current())) {
      Deque<IrExpr> pending = new ArrayDeque<>(block.results());
      block.locals().stream().map(IrLocal::value).forEach(pending::push);
      while (!pending.isEmpty() && count <= limit) {
        count++;
        IrWalker.children(pending.pop()).forEach(pending::push);
      }
    }
    return count;
  }
}
