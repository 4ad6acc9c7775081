package io.cleft.compiler.optimize;

import io.cleft.compiler.ir.IrBlock;
import io.cleft.compiler.ir.IrExpr;
import io.cleft.compiler.ir.IrLocal;
import io.cleft.compiler.ir.IrRewriter;
import io.cleft.compiler.ir.IrTraversal;
import java.util.ArrayList;
import java.util.List;

/**
 * Drops the locals of a block that no result reaches: what hoisting leaves behind when it moves
 * a whole expression out of the step (the parts of an exact solution's drive, say), or a
 * derivative no result needs. Dropping a computation that nothing reads changes no bit.
 */
public final class DeadLocals {
  private DeadLocals() {}

  public static IrBlock remove(IrBlock block) {
    List<IrLocal> locals = block.locals();
    boolean[] live = new boolean[locals.size()];
    block.results().forEach(result -> markReads(result, live));
    // Locals read only locals before them, so one pass from the last marks every live one.
    for (int k = locals.size() - 1; k >= 0; k--) {
      if (live[k]) {
        markReads(locals.get(k).value(), live);
      }
    }
    int[] newIndex = new int[locals.size()];
    List<Integer> kept = new ArrayList<>();
    for (int k = 0; k < locals.size(); k++) {
      newIndex[k] = kept.size();
      if (live[k]) {
        kept.add(k);
      }
    }
    if (kept.size() == locals.size()) {
      return block;
    }
    IrRewriter renumber = IrRewriter.renumberingLocals(newIndex);
    List<IrLocal> remaining = new ArrayList<>();
    for (int k : kept) {
      IrLocal local = locals.get(k);
      remaining.add(new IrLocal(local.name(), renumber.rewrite(local.value()), local.sourceLine()));
    }
    return new IrBlock(remaining, block.results().stream().map(renumber::rewrite).toList());
  }

  private static void markReads(IrExpr expr, boolean[] live) {
    expr.accept(
        new IrTraversal() {
          @Override
          public Void visitLocal(IrExpr.Local local) {
            live[local.index()] = true;
            return null;
          }
        });
  }
}
