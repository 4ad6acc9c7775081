package io.cleft.compiler.symbolic;

import io.cleft.compiler.ast.Expression.ComparisonOperator;
import io.cleft.compiler.model.BuiltinFunction;
import io.cleft.compiler.model.Expr;
import io.cleft.compiler.model.ExprWalker;
import io.cleft.compiler.model.Symbol;
import io.cleft.compiler.source.SourceSpan;
import io.cleft.compiler.units.Dimension;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The exact derivative of a model expression with respect to one symbol (a state, a voltage, a
 * local the solver made), symbolically, through the locals it reads.
 *
 * <p>Forward differentiation through locals: the derivative of each local the expression reaches
 * (among those it is told to look through) is found once, in definition order, each from the
 * derivatives of the locals its definition reads, and handed to {@link LocalDerivatives}, which
 * decides how later uses read it (a new local, typically). A local it is not told to look through
 * is a value the variable does not move (a derived value of 'initial', say), as a parameter is.
 *
 * <p>The rules themselves (zeros dropped, kinks, the size bound) are {@link DerivativeRules}, the
 * one set cleft has; this class only says which rule each kind of model node takes, and reads
 * locals. {@link IrDerivative} applies the same rules to IR expressions.
 */
public final class Differentiator {
  /** How the derivative of a local is read where the local is read. */
  public interface LocalDerivatives {
    /**
     * An expression that reads {@code derivative}, the (non-zero) derivative of {@code local}:
     * a reference to a new local defined as it, or the derivative itself.
     */
    Expr hold(Symbol.Local local, Expr derivative);
  }

  private final Symbol variable;
  private final Set<Symbol.Local> lookThrough;
  private final LocalDerivatives holder;
  /** The derivative of each local reached so far, by identity as locals compare. */
  private final Map<Symbol.Local, Expr> localDerivatives = new IdentityHashMap<>();
  private final Visitor visitor = new Visitor();

  /**
   * @param variable what to differentiate with respect to
   * @param lookThrough the locals whose definitions are differentiated (the update block's, and
   *     copies the solver made of them); every other local is constant
   * @param holder how a local's derivative is read where the local is
   */
  public Differentiator(Symbol variable, Set<Symbol.Local> lookThrough, LocalDerivatives holder) {
    this.variable = variable;
    this.lookThrough = lookThrough;
    this.holder = holder;
  }

  /** d expr / d variable; a literal 0 when the variable does not reach it. */
  public Expr derivative(Expr expr) {
    prepareLocals(expr);
    return d(expr);
  }

  /** Whether {@code expr} is a literal 0, the derivative of what the variable does not move. */
  public static boolean isZero(Expr expr) {
    return expr instanceof Expr.Literal literal && literal.value() == 0;
  }

  /** The derivatives of the locals expr reaches, not yet known, in definition order. */
  private void prepareLocals(Expr expr) {
    List<Symbol.Local> reached = new ArrayList<>();
    Set<Symbol.Local> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Expr> pending = new ArrayDeque<>(List.of(expr));
    while (!pending.isEmpty()) {
      Expr e = pending.pop();
      if (e instanceof Expr.Reference reference && reference.symbol() instanceof Symbol.Local local) {
        if (lookThrough.contains(local) && !localDerivatives.containsKey(local) && seen.add(local)) {
          reached.add(local);
          pending.push(local.definition());
        }
      } else {
        ExprWalker.children(e).forEach(pending::push);
      }
    }
    // A local reads only locals defined before it, so in index order each finds its reads done.
    reached.sort(Comparator.comparingInt(Symbol.Local::index));
    for (Symbol.Local local : reached) {
      Expr derivative = d(local.definition());
      localDerivatives.put(local, isZero(derivative) ? derivative : holder.hold(local, derivative));
    }
  }

  private Expr d(Expr e) {
    return e.accept(visitor);
  }

  /** The rules, building model expressions with {@code span}, the node being differentiated. */
  private static DerivativeRules<Expr, Expr> rules(SourceSpan span) {
    return new DerivativeRules<>(new ModelAlgebra(span));
  }

  /** Which rule each kind of node takes; conditions (comparisons, logic) have no derivative. */
  private final class Visitor implements Expr.Visitor<Expr> {
    @Override
    public Expr visitErroneous(Expr.Erroneous erroneous) {
      throw new IllegalArgumentException("cannot differentiate an erroneous expression");
    }

    @Override
    public Expr visitLiteral(Expr.Literal literal) {
      return rules(literal.span()).zero();
    }

    @Override
    public Expr visitReference(Expr.Reference reference) {
      Symbol symbol = reference.symbol();
      if (symbol.equals(variable)) {
        return rules(reference.span()).one();
      }
      if (symbol instanceof Symbol.Local local && lookThrough.contains(local)) {
        return localDerivatives.get(local);
      }
      return rules(reference.span()).zero();
    }

    @Override
    public Expr visitNegate(Expr.Negate negate) {
      return rules(negate.span()).negation(d(negate.operand()));
    }

    @Override
    public Expr visitArithmetic(Expr.Arithmetic a) {
      return rules(a.span()).arithmetic(a.operator(), a.left(), d(a.left()), a.right(), d(a.right()), a);
    }

    @Override
    public Expr visitCall(Expr.Call call) {
      List<Expr> derivatives = call.arguments().stream().map(Differentiator.this::d).toList();
      return rules(call.span()).call(call.function(), call, call.arguments(), derivatives);
    }

    @Override
    public Expr visitComparison(Expr.Comparison comparison) {
      throw new IllegalArgumentException("a comparison has no derivative");
    }

    @Override
    public Expr visitLogical(Expr.Logical logical) {
      throw new IllegalArgumentException("a logical expression has no derivative");
    }

    @Override
    public Expr visitNot(Expr.Not not) {
      throw new IllegalArgumentException("a logical expression has no derivative");
    }

    @Override
    public Expr visitConditional(Expr.Conditional conditional) {
      return rules(conditional.span())
          .conditional(conditional.condition(), d(conditional.whenTrue()), d(conditional.whenFalse()));
    }
  }

  /** Model expressions, each node with the span given (a condition is an expression too). */
  private record ModelAlgebra(SourceSpan span) implements ExpressionAlgebra<Expr, Expr> {
    @Override
    public Expr constant(double value) {
      return new Expr.Literal(value, Dimension.NONE, span);
    }

    @Override
    public OptionalDouble constantValue(Expr e) {
      return e instanceof Expr.Literal literal ? OptionalDouble.of(literal.value()) : OptionalDouble.empty();
    }

    @Override
    public Optional<Expr> negatedOperand(Expr e) {
      return e instanceof Expr.Negate negate ? Optional.of(negate.operand()) : Optional.empty();
    }

    @Override
    public Expr negate(Expr operand) {
      return new Expr.Negate(operand, span);
    }

    @Override
    public Expr add(Expr left, Expr right) {
      return new Expr.Arithmetic(Expr.ArithmeticOperator.ADD, left, right, span);
    }

    @Override
    public Expr subtract(Expr left, Expr right) {
      return new Expr.Arithmetic(Expr.ArithmeticOperator.SUBTRACT, left, right, span);
    }

    @Override
    public Expr multiply(Expr left, Expr right) {
      return new Expr.Arithmetic(Expr.ArithmeticOperator.MULTIPLY, left, right, span);
    }

    @Override
    public Expr divide(Expr left, Expr right) {
      return new Expr.Arithmetic(Expr.ArithmeticOperator.DIVIDE, left, right, span);
    }

    @Override
    public Expr power(Expr base, Expr exponent) {
      return new Expr.Arithmetic(Expr.ArithmeticOperator.POWER, base, exponent, span);
    }

    @Override
    public Expr call(BuiltinFunction function, Expr argument) {
      return new Expr.Call(function, List.of(argument), span);
    }

    @Override
    public Expr compare(ComparisonOperator operator, Expr left, Expr right) {
      return new Expr.Comparison(operator, left, right, span);
    }

    @Override
    public Expr select(Expr condition, Expr whenTrue, Expr whenFalse) {
      return new Expr.Conditional(condition, whenTrue, whenFalse, span);
    }
  }
}
