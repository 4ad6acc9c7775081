package io.cleft.compiler.emit;

import com.palantir.javapoet.CodeBlock;
import io.cleft.compiler.ir.IrExpr;
import java.util.Optional;

/**
 * A visitor that has something to say only about calls and binary operations (a power is
 * one): every other kind of node gives empty.
 */
abstract class IrVisitorOfCalls implements IrExpr.Visitor<Optional<CodeBlock>> {
  @Override
  public Optional<CodeBlock> visitConstant(IrExpr.Constant constant) {
    return Optional.empty();
  }

  @Override
  public Optional<CodeBlock> visitParameter(IrExpr.Parameter parameter) {
    return Optional.empty();
  }

  @Override
  public Optional<CodeBlock> visitState(IrExpr.State state) {
    return Optional.empty();
  }

  @Override
  public Optional<CodeBlock> visitLocal(IrExpr.Local local) {
    return Optional.empty();
  }

  @Override
  public Optional<CodeBlock> visitInvariant(IrExpr.Invariant invariant) {
    return Optional.empty();
  }

  @Override
  public Optional<CodeBlock> visitInput(IrExpr.Input input) {
    return Optional.empty();
  }

  @Override
  public Optional<CodeBlock> visitNegate(IrExpr.Negate negate) {
    return Optional.empty();
  }

  @Override
  public Optional<CodeBlock> visitSelect(IrExpr.Select select) {
    return Optional.empty();
  }
}
