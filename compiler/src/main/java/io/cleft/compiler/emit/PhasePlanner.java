package io.cleft.compiler.emit;

import io.cleft.compiler.ir.IrBinaryOperator;
import io.cleft.compiler.ir.IrBlock;
import io.cleft.compiler.ir.IrExpr;
import io.cleft.compiler.ir.IrLocal;
import io.cleft.compiler.ir.IrTraversal;
import io.cleft.compiler.ir.IrWalker;
import io.cleft.compiler.model.BuiltinFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * Splits a block into phases, each one loop over a strip of synapses: loops of arithmetic,
 * which the JIT compiles to SIMD instructions, alternating with loops that only call an
 * expensive function ({@code exp}, {@code log}, {@code tanh}, {@code pow}...).
 *
 * <p>Why: in one loop that does everything, a synapse's work is one long chain of dependent
 * operations (for the ionotropic synapse: a division, an exp, three divisions, an exp), and the
 * processor can overlap only a synapse or two of them. In a loop of calls alone the calls of
 * different synapses are independent and run back to back, and the arithmetic around them is
 * vectorised. The values are those of the block, computed by the same operations on the same
 * operands in the same order, so the results are the same bits.
 *
 * <p>Each call of an expensive function becomes a value of its own whose arguments are plain
 * reads (the arguments, if they are expressions, become values too). Values then go to the
 * earliest phase their operands allow: arithmetic to even phases, calls to odd ones. The
 * results all belong to the last phase, which is arithmetic.
 */
final class PhasePlanner {
  private final List<Draft> drafts = new ArrayList<>();
  private final int[] valueOfLocal;

  private record Draft(String name, IrExpr value, OptionalInt sourceLine, boolean call) {}

  private PhasePlanner(int localCount) {
    this.valueOfLocal = new int[localCount];
  }

  /**
   * @param resultNames a name for each result, from which temporaries split off it are named
   */
  static PhasedBlock plan(IrBlock block, List<String> resultNames) {
    PhasePlanner planner = new PhasePlanner(block.locals().size());
    for (int i = 0; i < block.locals().size(); i++) {
      IrLocal local = block.locals().get(i);
      IrExpr value = planner.isolate(local.value(), true, local.name(), local.sourceLine());
      planner.valueOfLocal[i] = planner.add(local.name(), value, local.sourceLine());
    }
    List<IrExpr> results = new ArrayList<>();
    for (int i = 0; i < block.results().size(); i++) {
      results.add(planner.isolate(block.results().get(i), false, resultNames.get(i), OptionalInt.empty()));
    }
    return planner.schedule(results);
  }

  /**
   * Rewrites {@code expr} so that every expensive call in it is a value of its own with plain
   * reads for arguments, and local reads refer to values.
   *
   * @param root whether {@code expr} is a whole value, which may itself be the call
   */
  private IrExpr isolate(IrExpr expr, boolean root, String owner, OptionalInt line) {
    if (expr instanceof IrExpr.Local local) {
      return new IrExpr.Local(valueOfLocal[local.index()]);
    }
    IrExpr rewritten = IrWalker.mapChildren(expr, child -> isolate(child, false, owner, line));
    if (!isExpensive(rewritten)) {
      return rewritten;
    }
    String callName = owner + "_" + functionName(rewritten);
    IrExpr call = IrWalker.mapChildren(rewritten, argument -> plainRead(argument, callName + "_arg", line));
    if (root) {
      return call;
    }
    return new IrExpr.Local(add(callName, call, line));
  }

  private IrExpr plainRead(IrExpr argument, String name, OptionalInt line) {
    return argument.isTrivial() ? argument : new IrExpr.Local(add(name, argument, line));
  }

  private int add(String name, IrExpr value, OptionalInt line) {
    drafts.add(new Draft(name, value, line, isExpensive(value)));
    return drafts.size() - 1;
  }

  /** Arithmetic goes to the first even phase after its operands, calls to the first odd one. */
  private PhasedBlock schedule(List<IrExpr> results) {
    int[] level = new int[drafts.size()];
    for (int k = 0; k < drafts.size(); k++) {
      int operands = operandLevel(drafts.get(k).value(), level);
      level[k] = drafts.get(k).call() ? firstOdd(operands) : firstEven(operands);
    }
    int last = 0;
    for (int l : level) {
      last = Math.max(last, l);
    }
    for (IrExpr result : results) {
      last = Math.max(last, operandLevel(result, level));
    }
    last = firstEven(last);

    boolean[] carried = new boolean[drafts.size()];
    for (int k = 0; k < drafts.size(); k++) {
      markCarried(drafts.get(k).value(), level[k], level, carried);
    }
    for (IrExpr result : results) {
      markCarried(result, last, level, carried);
    }

    // Number the levels that hold something consecutively.
    TreeSet<Integer> used = new TreeSet<>();
    for (int l : level) {
      used.add(l);
    }
    used.add(last);
    List<Integer> phaseOfLevel = new ArrayList<>(used);
    List<PhasedBlock.Value> values = new ArrayList<>();
    for (int k = 0; k < drafts.size(); k++) {
      Draft draft = drafts.get(k);
      values.add(
          new PhasedBlock.Value(
              draft.name(), draft.value(), draft.sourceLine(), phaseOfLevel.indexOf(level[k]), draft.call(), carried[k]));
    }
    return new PhasedBlock(values, results, used.size());
  }

  private static int firstEven(int level) {
    return level % 2 == 0 ? level : level + 1;
  }

  private static int firstOdd(int level) {
    return level % 2 == 1 ? level + 2 : level + 1;
  }

  /** The latest level of a value {@code expr} reads, 0 if it reads none. */
  private static int operandLevel(IrExpr expr, int[] level) {
    int[] max = {0};
    expr.accept(
        new IrTraversal() {
          @Override
          public Void visitLocal(IrExpr.Local local) {
            max[0] = Math.max(max[0], level[local.index()]);
            return null;
          }
        });
    return max[0];
  }

  private static void markCarried(IrExpr expr, int readerLevel, int[] level, boolean[] carried) {
    expr.accept(
        new IrTraversal() {
          @Override
          public Void visitLocal(IrExpr.Local local) {
            if (level[local.index()] != readerLevel) {
              carried[local.index()] = true;
            }
            return null;
          }
        });
  }

  /** A power or a call of an expensive function ({@link BuiltinFunction#isExpensive}). */
  static boolean isExpensive(IrExpr expr) {
    if (expr instanceof IrExpr.Binary binary) {
      return binary.operator() == IrBinaryOperator.POWER;
    }
    return expr instanceof IrExpr.Call call && call.function().isExpensive();
  }

  private static String functionName(IrExpr expensive) {
    return expensive instanceof IrExpr.Call call ? call.function().symbol() : BuiltinFunction.POW.symbol();
  }

}
