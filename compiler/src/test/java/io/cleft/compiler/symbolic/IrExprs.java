package io.cleft.compiler.symbolic;

import io.cleft.compiler.ir.IrExpr;
import io.cleft.compiler.ir.IrWalker;
import io.cleft.compiler.lower.Lowering;
import io.cleft.compiler.model.Expr;
import io.cleft.compiler.model.Symbol;
import java.util.function.Function;

/**
 * Model expressions as IR expressions, node for node, for the differentiator's tests: the same
 * tree in both forms (lowering's own translation of an expression), so that what the two
 * adapters of the one rule set make can be compared.
 */
final class IrExprs {
  private IrExprs() {}

  /** {@code expr} as IR, each name read as {@code references} says. */
  static IrExpr lower(Expr expr, Function<Symbol, IrExpr> references) {
    return Lowering.expr(expr, references);
  }

  /** The nodes of {@code expr}, conditions' operands included. */
  static long size(IrExpr expr) {
    long nodes = 1;
    for (IrExpr child : IrWalker.children(expr)) {
      nodes += size(child);
    }
    return nodes;
  }
}
