package io.cleft.compiler.emit;

import io.cleft.compiler.ir.IrExpr;
import java.util.Optional;

/**
 * How a call's plain-read argument is passed to an array kernel, by kind of leaf; empty where
 * it cannot be (the call then stays in the scalar loop). The strip loop writer says how each
 * kind of leaf is stored; constants are scalars here, and operations are never plain reads.
 */
abstract class KernelOperands implements IrExpr.Visitor<Optional<KernelOperand>> {
  final Optional<KernelOperand> of(IrExpr argument) {
    return argument.accept(this);
  }

  @Override
  public final Optional<KernelOperand> visitConstant(IrExpr.Constant constant) {
    return Optional.of(KernelOperand.scalar(JavaLiterals.doubleLiteral(constant.value())));
  }

  @Override
  public final Optional<KernelOperand> visitNegate(IrExpr.Negate negate) {
    return Optional.empty();
  }

  @Override
  public final Optional<KernelOperand> visitBinary(IrExpr.Binary binary) {
    return Optional.empty();
  }

  @Override
  public final Optional<KernelOperand> visitCall(IrExpr.Call call) {
    return Optional.empty();
  }

  @Override
  public final Optional<KernelOperand> visitSelect(IrExpr.Select select) {
    return Optional.empty();
  }
}
