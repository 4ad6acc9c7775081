package io.cleft.compiler.optimize;

import io.cleft.compiler.ir.IrBlock;
import io.cleft.compiler.ir.IrExpr;
import io.cleft.compiler.ir.IrLocal;
import io.cleft.compiler.ir.IrWalker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Computes each repeated subexpression of a block once, in a temporary local placed right
 * before its first use. IR records compare by value, so "repeated" is plain equality. Every
 * expression is pure, so computing a shared value once gives the same bits as computing it
 * each time; hoisting one out of a conditional branch only costs a little work.
 *
 * <p>For the exponential-Euler form this computes {@code exp(slope * dt)} once; for the
 * current it shares {@code gS * s} between the current and its derivative.
 */
public final class CommonSubexpressions {
  private final Map<IrExpr, Integer> occurrences = new HashMap<>();
  private final Map<IrExpr, Integer> temporaries = new HashMap<>();
  private final List<IrLocal> locals = new ArrayList<>();
  private final int[] newIndexOfLocal;
  private int temporaryCount;

  private CommonSubexpressions(int localCount) {
    this.newIndexOfLocal = new int[localCount];
  }

  public static IrBlock eliminate(IrBlock block) {
    CommonSubexpressions cse = new CommonSubexpressions(block.locals().size());
    block.locals().forEach(l -> cse.count(l.value()));
    block.results().forEach(cse::count);
    for (int i = 0; i < block.locals().size(); i++) {
      IrLocal local = block.locals().get(i);
      IrExpr value = cse.rewrite(local.value(), false);
      cse.locals.add(new IrLocal(local.name(), value, local.sourceLine()));
      cse.newIndexOfLocal[i] = cse.locals.size() - 1;
    }
    List<IrExpr> results = block.results().stream().map(r -> cse.rewrite(r, false)).toList();
    return new IrBlock(cse.locals, results);
  }

  /** Counts occurrences top-down: inside a repeated subtree, only its first copy is counted. */
  private void count(IrExpr expr) {
    if (isLeaf(expr)) {
      return;
    }
    if (occurrences.merge(expr, 1, Integer::sum) == 1) {
      forEachChild(expr, this::count);
    }
  }

  /**
   * @param isRoot whether {@code expr} is the whole value of a local, which needs no temporary
   */
  private IrExpr rewrite(IrExpr expr, boolean isRoot) {
    if (expr instanceof IrExpr.Local local) {
      return new IrExpr.Local(newIndexOfLocal[local.index()]);
    }
    if (isLeaf(expr)) {
      return expr;
    }
    if (occurrences.getOrDefault(expr, 0) < 2 || isRoot) {
      return rewriteChildren(expr);
    }
    Integer existing = temporaries.get(expr);
    if (existing != null) {
      return new IrExpr.Local(existing);
    }
    IrExpr value = rewriteChildren(expr);
    locals.add(new IrLocal("t" + temporaryCount++, value, OptionalInt.empty()));
    int index = locals.size() - 1;
    temporaries.put(expr, index);
    return new IrExpr.Local(index);
  }

  private IrExpr rewriteChildren(IrExpr expr) {
    if (expr instanceof IrExpr.Negate negate) {
      return new IrExpr.Negate(rewrite(negate.operand(), false));
    }
    if (expr instanceof IrExpr.Binary binary) {
      return new IrExpr.Binary(binary.operator(), rewrite(binary.left(), false), rewrite(binary.right(), false));
    }
    if (expr instanceof IrExpr.Call call) {
      return new IrExpr.Call(call.function(), call.arguments().stream().map(a -> rewrite(a, false)).toList());
    }
    if (expr instanceof IrExpr.Select select) {
      return new IrExpr.Select(
          select.condition().mapOperands(e -> rewrite(e, false)),
          rewrite(select.whenTrue(), false),
          rewrite(select.whenFalse(), false));
    }
    throw new AssertionError(expr);
  }

  /** Reads and constants are as cheap as a temporary, and so is negating one. */
  private static boolean isLeaf(IrExpr expr) {
    if (expr instanceof IrExpr.Negate negate) {
      return isLeaf(negate.operand());
    }
    return expr instanceof IrExpr.Constant
        || expr instanceof IrExpr.Parameter
        || expr instanceof IrExpr.State
        || expr instanceof IrExpr.Local
        || expr instanceof IrExpr.Input;
  }

  private static void forEachChild(IrExpr expr, java.util.function.Consumer<IrExpr> action) {
    IrWalker.children(expr).forEach(action);
  }
}
