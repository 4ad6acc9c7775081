package io.cleft.compiler.ir;

import java.util.List;

/**
 * A rewrite of IR trees whose default rebuilds each node from its children rewritten, and keeps
 * each leaf: a pass overrides the kinds it changes and calls {@link #rewrite} (or the
 * {@code super} method, to rewrite the children) for the rest. Conditions are rewritten through
 * their numeric operands.
 */
public class IrRewriter implements IrExpr.Visitor<IrExpr>, IrCondition.Visitor<IrCondition> {
  /** Moves each read of local {@code k} to local {@code newIndex[k]}, as passes that add or drop locals must. */
  public static IrRewriter renumberingLocals(int[] newIndex) {
    return new IrRewriter() {
      @Override
      public IrExpr visitLocal(IrExpr.Local local) {
        return new IrExpr.Local(newIndex[local.index()]);
      }
    };
  }

  /** Moves each read of invariant {@code k} to invariant {@code newIndex[k]}. */
  public static IrRewriter renumberingInvariants(int[] newIndex) {
    return new IrRewriter() {
      @Override
      public IrExpr visitInvariant(IrExpr.Invariant invariant) {
        return new IrExpr.Invariant(newIndex[invariant.index()]);
      }
    };
  }

  /** {@code expr} rewritten: the method for its kind. */
  public IrExpr rewrite(IrExpr expr) {
    return expr.accept(this);
  }

  /** {@code condition} rewritten: the method for its kind. */
  public IrCondition rewrite(IrCondition condition) {
    return condition.accept(this);
  }

  @Override
  public IrExpr visitConstant(IrExpr.Constant constant) {
    return constant;
  }

  @Override
  public IrExpr visitParameter(IrExpr.Parameter parameter) {
    return parameter;
  }

  @Override
  public IrExpr visitState(IrExpr.State state) {
    return state;
  }

  @Override
  public IrExpr visitLocal(IrExpr.Local local) {
    return local;
  }

  @Override
  public IrExpr visitInvariant(IrExpr.Invariant invariant) {
    return invariant;
  }

  @Override
  public IrExpr visitInput(IrExpr.Input input) {
    return input;
  }

  @Override
  public IrExpr visitNegate(IrExpr.Negate negate) {
    return new IrExpr.Negate(rewrite(negate.operand()));
  }

  @Override
  public IrExpr visitBinary(IrExpr.Binary binary) {
    IrExpr left = rewrite(binary.left());
    return new IrExpr.Binary(binary.operator(), left, rewrite(binary.right()));
  }

  @Override
  public IrExpr visitCall(IrExpr.Call call) {
    List<IrExpr> arguments = call.arguments().stream().map(this::rewrite).toList();
    return new IrExpr.Call(call.function(), arguments);
  }

  @Override
  public IrExpr visitSelect(IrExpr.Select select) {
    IrCondition condition = rewrite(select.condition());
    IrExpr whenTrue = rewrite(select.whenTrue());
    return new IrExpr.Select(condition, whenTrue, rewrite(select.whenFalse()));
  }

  @Override
  public IrCondition visitCompare(IrCondition.Compare compare) {
    IrExpr left = rewrite(compare.left());
    return new IrCondition.Compare(compare.operator(), left, rewrite(compare.right()));
  }

  @Override
  public IrCondition visitAnd(IrCondition.And and) {
    IrCondition left = rewrite(and.left());
    return new IrCondition.And(left, rewrite(and.right()));
  }

  @Override
  public IrCondition visitOr(IrCondition.Or or) {
    IrCondition left = rewrite(or.left());
    return new IrCondition.Or(left, rewrite(or.right()));
  }

  @Override
  public IrCondition visitNot(IrCondition.Not not) {
    return new IrCondition.Not(rewrite(not.operand()));
  }
}
