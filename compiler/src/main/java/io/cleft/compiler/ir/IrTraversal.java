package io.cleft.compiler.ir;

/**
 * A walk over IR trees whose default visits each node's children, left to right, conditions
 * included, and does nothing at a leaf: a pass overrides the kinds it looks at and calls
 * {@link #visit} (or the {@code super} method, to go on below) for the rest.
 */
public class IrTraversal implements IrExpr.Visitor<Void>, IrCondition.Visitor<Void> {
  /** Visits {@code expr}: the method for its kind. */
  public final void visit(IrExpr expr) {
    expr.accept(this);
  }

  /** Visits {@code condition}: the method for its kind. */
  public final void visit(IrCondition condition) {
    condition.accept(this);
  }

  @Override
  public Void visitConstant(IrExpr.Constant constant) {
    return null;
  }

  @Override
  public Void visitParameter(IrExpr.Parameter parameter) {
    return null;
  }

  @Override
  public Void visitState(IrExpr.State state) {
    return null;
  }

  @Override
  public Void visitLocal(IrExpr.Local local) {
    return null;
  }

  @Override
  public Void visitInvariant(IrExpr.Invariant invariant) {
    return null;
  }

  @Override
  public Void visitInput(IrExpr.Input input) {
    return null;
  }

  @Override
  public Void visitNegate(IrExpr.Negate negate) {
    visit(negate.operand());
    return null;
  }

  @Override
  public Void visitBinary(IrExpr.Binary binary) {
    visit(binary.left());
    visit(binary.right());
    return null;
  }

  @Override
  public Void visitCall(IrExpr.Call call) {
    call.arguments().forEach(this::visit);
    return null;
  }

  @Override
  public Void visitSelect(IrExpr.Select select) {
    visit(select.condition());
    visit(select.whenTrue());
    visit(select.whenFalse());
    return null;
  }

  @Override
  public Void visitCompare(IrCondition.Compare compare) {
    visit(compare.left());
    visit(compare.right());
    return null;
  }

  @Override
  public Void visitAnd(IrCondition.And and) {
    visit(and.left());
    visit(and.right());
    return null;
  }

  @Override
  public Void visitOr(IrCondition.Or or) {
    visit(or.left());
    visit(or.right());
    return null;
  }

  @Override
  public Void visitNot(IrCondition.Not not) {
    visit(not.operand());
    return null;
  }
}
