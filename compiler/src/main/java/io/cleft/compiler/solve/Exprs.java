package io.cleft.compiler.solve;

import io.cleft.compiler.model.BuiltinFunction;
import io.cleft.compiler.model.Expr;
import io.cleft.compiler.model.ExprWalker;
import io.cleft.compiler.model.Symbol;
import io.cleft.compiler.source.SourceSpan;
import io.cleft.compiler.units.Dimension;
import java.util.List;

/**
 * Builders for expressions the solver synthesises; every node gets the span of the equation.
 * They simplify only where IEEE arithmetic gives the same bits ({@code 1*x}, {@code x/1},
 * {@code -(-x)}), never by reassociating.
 */
final class Exprs {
  private final SourceSpan span;

  Exprs(SourceSpan span) {
    this.span = span;
  }

  Expr literal(double value) {
    return new Expr.Literal(value, Dimension.NONE, span);
  }

  Expr add(Expr a, Expr b) {
    return new Expr.Arithmetic(Expr.ArithmeticOperator.ADD, a, b, span);
  }

  Expr subtract(Expr a, Expr b) {
    return new Expr.Arithmetic(Expr.ArithmeticOperator.SUBTRACT, a, b, span);
  }

  Expr multiply(Expr a, Expr b) {
    if (isLiteral(a, 1)) {
      return b;
    }
    if (isLiteral(b, 1)) {
      return a;
    }
    return new Expr.Arithmetic(Expr.ArithmeticOperator.MULTIPLY, a, b, span);
  }

  Expr divide(Expr a, Expr b) {
    if (isLiteral(b, 1)) {
      return a;
    }
    return new Expr.Arithmetic(Expr.ArithmeticOperator.DIVIDE, a, b, span);
  }

  Expr negate(Expr a) {
    if (a instanceof Expr.Negate negate) {
      return negate.operand();
    }
    return new Expr.Negate(a, span);
  }

  Expr exp(Expr a) {
    return new Expr.Call(BuiltinFunction.EXP, List.of(a), span);
  }

  Expr read(Symbol symbol) {
    return new Expr.Reference(symbol, span);
  }

  static boolean isLiteral(Expr expr, double value) {
    return expr instanceof Expr.Literal literal && literal.value() == value;
  }

  /** Whether two expressions are the same but for their spans. */
  static boolean sameShape(Expr a, Expr b) {
    if (a == b) {
      return true; // shared parts are common, and comparing them would walk them twice
    }
    if (a.getClass() != b.getClass()) {
      return false;
    }
    if (!a.accept(new SameOwnParts(b))) {
      return false;
    }
    List<Expr> ac = ExprWalker.children(a);
    List<Expr> bc = ExprWalker.children(b);
    if (ac.size() != bc.size()) {
      return false;
    }
    for (int i = 0; i < ac.size(); i++) {
      if (!sameShape(ac.get(i), bc.get(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a node has the same operator, function, value or symbol as {@code other}, a node of
   * the same kind; its children are compared by {@link #sameShape}.
   */
  private static final class SameOwnParts implements Expr.Visitor<Boolean> {
    private final Expr other;

    SameOwnParts(Expr other) {
      this.other = other;
    }

    @Override
    public Boolean visitErroneous(Expr.Erroneous erroneous) {
      return true;
    }

    @Override
    public Boolean visitLiteral(Expr.Literal literal) {
      return Double.compare(literal.value(), ((Expr.Literal) other).value()) == 0;
    }

    @Override
    public Boolean visitReference(Expr.Reference reference) {
      return reference.symbol().equals(((Expr.Reference) other).symbol());
    }

    @Override
    public Boolean visitNegate(Expr.Negate negate) {
      return true;
    }

    @Override
    public Boolean visitArithmetic(Expr.Arithmetic arithmetic) {
      return arithmetic.operator() == ((Expr.Arithmetic) other).operator();
    }

    @Override
    public Boolean visitCall(Expr.Call call) {
      return call.function() == ((Expr.Call) other).function();
    }

    @Override
    public Boolean visitComparison(Expr.Comparison comparison) {
      return comparison.operator() == ((Expr.Comparison) other).operator();
    }

    @Override
    public Boolean visitLogical(Expr.Logical logical) {
      return logical.operator() == ((Expr.Logical) other).operator();
    }

    @Override
    public Boolean visitNot(Expr.Not not) {
      return true;
    }

    @Override
    public Boolean visitConditional(Expr.Conditional conditional) {
      return true;
    }
  }
}
