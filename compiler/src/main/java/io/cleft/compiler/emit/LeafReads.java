package io.cleft.compiler.emit;

import io.cleft.compiler.ir.IrExpr;

/**
 * The Java expression that reads each kind of leaf of the IR, for {@link ExpressionWriter}: a
 * writer names every kind, so a new kind of leaf fails to compile until each says how it is read.
 * Constants and operations are the expression writer's own and never reach it.
 */
abstract class LeafReads implements IrExpr.Visitor<String> {
  /** As {@link ExpressionWriter} takes it. */
  final String read(IrExpr leaf) {
    return leaf.accept(this);
  }

  @Override
  public final String visitConstant(IrExpr.Constant constant) {
    throw notALeafRead(constant);
  }

  @Override
  public final String visitNegate(IrExpr.Negate negate) {
    throw notALeafRead(negate);
  }

  @Override
  public final String visitBinary(IrExpr.Binary binary) {
    throw notALeafRead(binary);
  }

  @Override
  public final String visitCall(IrExpr.Call call) {
    throw notALeafRead(call);
  }

  @Override
  public final String visitSelect(IrExpr.Select select) {
    throw notALeafRead(select);
  }

  private static AssertionError notALeafRead(IrExpr expr) {
    return new AssertionError("the expression writer prints this itself: " + expr);
  }
}
