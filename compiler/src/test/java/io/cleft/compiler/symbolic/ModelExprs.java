package io.cleft.compiler.symbolic;

import io.cleft.compiler.ast.Expression.ComparisonOperator;
import io.cleft.compiler.model.BuiltinFunction;
import io.cleft.compiler.model.Expr;
import io.cleft.compiler.model.Symbol;
import io.cleft.compiler.source.SourceFile;
import io.cleft.compiler.source.SourceSpan;
import io.cleft.compiler.units.Dimension;
import io.cleft.runtime.CleftMath;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Model expressions for the differentiator's tests: builders, an evaluator with the runtime's
 * functions, and a printer that shows an expression's shape.
 */
public final class ModelExprs {
  public static final SourceSpan SPAN = new SourceSpan(new SourceFile("test.syn", "x\n"), 1, 1, 1, 2);

  private ModelExprs() {}

  public static Expr number(double value) {
    return new Expr.Literal(value, Dimension.NONE, SPAN);
  }

  public static Expr read(Symbol symbol) {
    return new Expr.Reference(symbol, SPAN);
  }

  public static Expr binary(Expr.ArithmeticOperator operator, Expr a, Expr b) {
    return new Expr.Arithmetic(operator, a, b, SPAN);
  }

  public static Expr call(BuiltinFunction function, Expr... arguments) {
    return new Expr.Call(function, List.of(arguments), SPAN);
  }

  public static Expr compare(ComparisonOperator operator, Expr a, Expr b) {
    return new Expr.Comparison(operator, a, b, SPAN);
  }

  public static Expr choose(Expr condition, Expr a, Expr b) {
    return new Expr.Conditional(condition, a, b, SPAN);
  }

  /** The value of {@code expr} where each symbol but a local has the value {@code values} gives. */
  public static double evaluate(Expr expr, Map<Symbol, Double> values) {
    return expr.accept(new Evaluator(values));
  }

  /** Evaluates as the interpreter does, a local by its definition (once per evaluation). */
  private static final class Evaluator implements Expr.Visitor<Double> {
    private final Map<Symbol, Double> values;
    private final Map<Symbol.Local, Double> locals = new IdentityHashMap<>();

    Evaluator(Map<Symbol, Double> values) {
      this.values = values;
    }

    private double of(Expr e) {
      return e.accept(this);
    }

    private boolean holds(Expr condition) {
      return of(condition) != 0;
    }

    @Override
    public Double visitErroneous(Expr.Erroneous erroneous) {
      throw new IllegalArgumentException("erroneous");
    }

    @Override
    public Double visitLiteral(Expr.Literal literal) {
      return literal.value();
    }

    @Override
    public Double visitReference(Expr.Reference reference) {
      if (reference.symbol() instanceof Symbol.Local local && !values.containsKey(local)) {
        Double known = locals.get(local);
        if (known == null) {
          known = of(local.definition());
          locals.put(local, known);
        }
        return known;
      }
      Double value = values.get(reference.symbol());
      if (value == null) {
        throw new IllegalArgumentException("no value for " + reference.symbol().name());
      }
      return value;
    }

    @Override
    public Double visitNegate(Expr.Negate negate) {
      return -of(negate.operand());
    }

    @Override
    public Double visitArithmetic(Expr.Arithmetic a) {
      double l = of(a.left());
      double r = of(a.right());
      return switch (a.operator()) {
        case ADD -> l + r;
        case SUBTRACT -> l - r;
        case MULTIPLY -> l * r;
        case DIVIDE -> l / r;
        case POWER -> CleftMath.pow(l, r);
      };
    }

    @Override
    public Double visitCall(Expr.Call call) {
      double u = of(call.arguments().get(0));
      return switch (call.function()) {
        case EXP -> CleftMath.exp(u);
        case SAFE_EXP -> CleftMath.safeExp(u);
        case LOG -> CleftMath.log(u);
        case SQRT -> CleftMath.sqrt(u);
        case POW -> CleftMath.pow(u, of(call.arguments().get(1)));
        case TANH -> CleftMath.tanh(u);
        case SIGMOID -> CleftMath.sigmoid(u);
        case MIN -> CleftMath.min(u, of(call.arguments().get(1)));
        case MAX -> CleftMath.max(u, of(call.arguments().get(1)));
        case ABS -> CleftMath.abs(u);
      };
    }

    @Override
    public Double visitComparison(Expr.Comparison c) {
      double l = of(c.left());
      double r = of(c.right());
      boolean holds = switch (c.operator()) {
        case LESS -> l < r;
        case LESS_OR_EQUAL -> l <= r;
        case GREATER -> l > r;
        case GREATER_OR_EQUAL -> l >= r;
        case EQUAL -> l == r;
        case NOT_EQUAL -> l != r;
      };
      return holds ? 1.0 : 0.0;
    }

    @Override
    public Double visitLogical(Expr.Logical logical) {
      boolean l = holds(logical.left());
      boolean r = holds(logical.right());
      return switch (logical.operator()) {
        case AND -> l && r;
        case OR -> l || r;
      } ? 1.0 : 0.0;
    }

    @Override
    public Double visitNot(Expr.Not not) {
      return holds(not.operand()) ? 0.0 : 1.0;
    }

    @Override
    public Double visitConditional(Expr.Conditional c) {
      return holds(c.condition()) ? of(c.whenTrue()) : of(c.whenFalse());
    }
  }

  /** The expression as text, fully parenthesised, locals by name, to compare shapes. */
  public static String show(Expr expr) {
    return expr.accept(new Expr.Visitor<String>() {
      @Override
      public String visitErroneous(Expr.Erroneous erroneous) {
        return "<error>";
      }

      @Override
      public String visitLiteral(Expr.Literal literal) {
        double v = literal.value();
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Double.toString(v);
      }

      @Override
      public String visitReference(Expr.Reference reference) {
        return reference.symbol() instanceof Symbol.Input input ? input.symbol() : reference.symbol().name();
      }

      @Override
      public String visitNegate(Expr.Negate negate) {
        return "-" + show(negate.operand());
      }

      @Override
      public String visitArithmetic(Expr.Arithmetic a) {
        return "(" + show(a.left()) + " " + a.operator().symbol + " " + show(a.right()) + ")";
      }

      @Override
      public String visitCall(Expr.Call call) {
        return call.function().symbol() + "(" + String.join(", ", call.arguments().stream().map(ModelExprs::show).toList()) + ")";
      }

      @Override
      public String visitComparison(Expr.Comparison c) {
        return show(c.left()) + " " + c.operator().symbol + " " + show(c.right());
      }

      @Override
      public String visitLogical(Expr.Logical logical) {
        return "(" + show(logical.left()) + " " + logical.operator().symbol + " " + show(logical.right()) + ")";
      }

      @Override
      public String visitNot(Expr.Not not) {
        return "not " + show(not.operand());
      }

      @Override
      public String visitConditional(Expr.Conditional c) {
        return "(" + show(c.condition()) + " ? " + show(c.whenTrue()) + " : " + show(c.whenFalse()) + ")";
      }
    });
  }
}
