package io.cleft.compiler.symbolic;

import io.cleft.compiler.ir.IrBinaryOperator;
import io.cleft.compiler.ir.IrCondition;
import io.cleft.compiler.ir.IrExpr;
import io.cleft.compiler.ir.IrWalker;
import io.cleft.compiler.model.Expr;
import io.cleft.compiler.model.Symbol;
import java.util.function.Function;

/**
 * Model expressions as IR expressions, node for node, for the differentiator's tests: the same
 * tree in both forms, so that what the two adapters of the one rule set make can be compared.
 * (Lowering proper also converts units and resolves statements; these expressions need neither.)
 */
final class IrExprs {
  private IrExprs() {}

  /** {@code expr} as IR, each name read as {@code references} says. */
  static IrExpr lower(Expr expr, Function<Symbol, IrExpr> references) {
    return expr.accept(new Numbers(references));
  }

  /** The nodes of {@code expr}, conditions' operands included. */
  static long size(IrExpr expr) {
    long nodes = 1;
    for (IrExpr child : IrWalker.children(expr)) {
      nodes += size(child);
    }
    return nodes;
  }

  private static final class Numbers implements Expr.Visitor<IrExpr> {
    private final Function<Symbol, IrExpr> references;

    Numbers(Function<Symbol, IrExpr> references) {
      this.references = references;
    }

    private IrCondition condition(Expr expr) {
      return expr.accept(new Conditions(this));
    }

    @Override
    public IrExpr visitErroneous(Expr.Erroneous erroneous) {
      throw new IllegalArgumentException("erroneous");
    }

    @Override
    public IrExpr visitLiteral(Expr.Literal literal) {
      return new IrExpr.Constant(literal.value());
    }

    @Override
    public IrExpr visitReference(Expr.Reference reference) {
      return references.apply(reference.symbol());
    }

    @Override
    public IrExpr visitNegate(Expr.Negate negate) {
      return new IrExpr.Negate(negate.operand().accept(this));
    }

    @Override
    public IrExpr visitArithmetic(Expr.Arithmetic a) {
      return new IrExpr.Binary(
          IrBinaryOperator.valueOf(a.operator().name()), a.left().accept(this), a.right().accept(this));
    }

    @Override
    public IrExpr visitCall(Expr.Call call) {
      return new IrExpr.Call(call.function(), call.arguments().stream().map(a -> a.accept(this)).toList());
    }

    @Override
    public IrExpr visitComparison(Expr.Comparison comparison) {
      throw new IllegalArgumentException("a condition where a number goes");
    }

    @Override
    public IrExpr visitLogical(Expr.Logical logical) {
      throw new IllegalArgumentException("a condition where a number goes");
    }

    @Override
    public IrExpr visitNot(Expr.Not not) {
      throw new IllegalArgumentException("a condition where a number goes");
    }

    @Override
    public IrExpr visitConditional(Expr.Conditional c) {
      return new IrExpr.Select(condition(c.condition()), c.whenTrue().accept(this), c.whenFalse().accept(this));
    }
  }

  private static final class Conditions implements Expr.Visitor<IrCondition> {
    private final Numbers numbers;

    Conditions(Numbers numbers) {
      this.numbers = numbers;
    }

    private static IllegalArgumentException notACondition() {
      return new IllegalArgumentException("a number where a condition goes");
    }

    @Override
    public IrCondition visitErroneous(Expr.Erroneous erroneous) {
      throw notACondition();
    }

    @Override
    public IrCondition visitLiteral(Expr.Literal literal) {
      throw notACondition();
    }

    @Override
    public IrCondition visitReference(Expr.Reference reference) {
      throw notACondition();
    }

    @Override
    public IrCondition visitNegate(Expr.Negate negate) {
      throw notACondition();
    }

    @Override
    public IrCondition visitArithmetic(Expr.Arithmetic arithmetic) {
      throw notACondition();
    }

    @Override
    public IrCondition visitCall(Expr.Call call) {
      throw notACondition();
    }

    @Override
    public IrCondition visitComparison(Expr.Comparison c) {
      return new IrCondition.Compare(c.operator(), c.left().accept(numbers), c.right().accept(numbers));
    }

    @Override
    public IrCondition visitLogical(Expr.Logical logical) {
      IrCondition left = logical.left().accept(this);
      IrCondition right = logical.right().accept(this);
      return switch (logical.operator()) {
        case AND -> new IrCondition.And(left, right);
        case OR -> new IrCondition.Or(left, right);
      };
    }

    @Override
    public IrCondition visitNot(Expr.Not not) {
      return new IrCondition.Not(not.operand().accept(this));
    }

    @Override
    public IrCondition visitConditional(Expr.Conditional conditional) {
      throw notACondition();
    }
  }
}
