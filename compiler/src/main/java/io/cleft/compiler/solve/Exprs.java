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
    if (a instanceof Expr.Literal la) {
      return Double.compare(la.value(), ((Expr.Literal) b).value()) == 0;
    }
    if (a instanceof Expr.Reference ra) {
      return ra.symbol().equals(((Expr.Reference) b).symbol());
    }
    if (a instanceof Expr.Arithmetic aa && aa.operator() != ((Expr.Arithmetic) b).operator()) {
      return false;
    }
    if (a instanceof Expr.Call ca && ca.function() != ((Expr.Call) b).function()) {
      return false;
    }
    if (a instanceof Expr.Comparison ca && ca.operator() != ((Expr.Comparison) b).operator()) {
      return false;
    }
    if (a instanceof Expr.Logical la && la.operator() != ((Expr.Logical) b).operator()) {
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
}
