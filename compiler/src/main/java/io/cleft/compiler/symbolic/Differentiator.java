package io.cleft.compiler.symbolic;

import io.cleft.compiler.ast.Expression.ComparisonOperator;
import io.cleft.compiler.model.BuiltinFunction;
import io.cleft.compiler.model.Expr;
import io.cleft.compiler.model.ExprWalker;
import io.cleft.compiler.model.Symbol;
import io.cleft.compiler.source.SourceSpan;
import io.cleft.compiler.units.Dimension;
import io.cleft.runtime.CleftMath;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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
 * <p>The algebra is symbolic: a zero derivative is dropped, not multiplied out, so
 * {@code d/dv (gS*s*(v - e))} is {@code gS*s}. Where a function has a kink ({@code min},
 * {@code max}, {@code abs}, the clip of {@code safe_exp}) or a conditional chooses, the
 * derivative is that of the branch taken, as automatic differentiation would give.
 *
 * <p>Each rule uses the derivatives of the operands at most once, so the derivative's size is at
 * most quadratic in the expression's (the rules copy operands, as {@code (u*v)' = u'*v + u*v'}
 * does), never exponential; through locals it stays so, as a local's derivative is read, not
 * copied, where the local is.
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
  private final Rules rules = new Rules();

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
    return e.accept(rules);
  }

  /** The rule for each kind of node; conditions (comparisons, logic) have no derivative. */
  private final class Rules implements Expr.Visitor<Expr> {
    @Override
    public Expr visitErroneous(Expr.Erroneous erroneous) {
      throw new IllegalArgumentException("cannot differentiate an erroneous expression");
    }

    @Override
    public Expr visitLiteral(Expr.Literal literal) {
      return zero(literal.span());
    }

    @Override
    public Expr visitReference(Expr.Reference reference) {
      Symbol symbol = reference.symbol();
      if (symbol.equals(variable)) {
        return literal(1, reference.span());
      }
      if (symbol instanceof Symbol.Local local && lookThrough.contains(local)) {
        return localDerivatives.get(local);
      }
      return zero(reference.span());
    }

    @Override
    public Expr visitNegate(Expr.Negate negate) {
      return new Build(negate.span()).negate(d(negate.operand()));
    }

    @Override
    public Expr visitArithmetic(Expr.Arithmetic arithmetic) {
      return arithmetic(arithmetic);
    }

    @Override
    public Expr visitCall(Expr.Call call) {
      return call(call);
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
      Expr whenTrue = d(conditional.whenTrue());
      Expr whenFalse = d(conditional.whenFalse());
      if (isZero(whenTrue) && isZero(whenFalse)) {
        return whenTrue;
      }
      return new Expr.Conditional(conditional.condition(), whenTrue, whenFalse, conditional.span());
    }
  }

  private Expr arithmetic(Expr.Arithmetic a) {
    Build build = new Build(a.span());
    Expr u = a.left();
    Expr v = a.right();
    Expr du = d(u);
    Expr dv = d(v);
    switch (a.operator()) {
      case ADD:
        return build.add(du, dv);
      case SUBTRACT:
        return build.subtract(du, dv);
      case MULTIPLY:
        return build.add(build.multiply(du, v), build.multiply(u, dv));
      case DIVIDE:
        // (u/v)' = u'/v - u*v'/v^2
        return build.subtract(build.divide(du, v), build.divide(build.multiply(u, dv), build.multiply(v, v)));
      case POWER:
        return power(a, u, v, du, dv);
      default:
        throw new AssertionError(a.operator());
    }
  }

  /** (u^v)' = v*u^(v-1)*u' + u^v*ln(u)*v', each half only where its derivative is not 0. */
  private static Expr power(Expr power, Expr u, Expr v, Expr du, Expr dv) {
    Build build = new Build(power.span());
    // A literal exponent's v - 1 is folded: the same double the step would compute.
    Expr exponent = v instanceof Expr.Literal literal ? build.literal(literal.value() - 1) : build.subtract(v, build.one());
    Expr first = isZero(du) ? du : build.multiply(build.multiply(v, build.power(u, exponent)), du);
    Expr second = isZero(dv) ? dv : build.multiply(build.multiply(power, build.call(BuiltinFunction.LOG, u)), dv);
    return build.add(first, second);
  }

  private Expr call(Expr.Call c) {
    Build build = new Build(c.span());
    Expr u = c.arguments().get(0);
    Expr du = d(u);
    switch (c.function()) {
      case EXP:
        return build.multiply(c, du);
      case SAFE_EXP:
        // exp(min(u, 20)): the clip has slope zero above 20.
        return isZero(du)
            ? du
            : build.choose(
                build.compare(ComparisonOperator.LESS, u, build.literal(CleftMath.SAFE_EXP_MAX)),
                build.multiply(c, du),
                build.zero());
      case LOG:
        return build.divide(du, u);
      case SQRT:
        return build.divide(du, build.multiply(build.literal(2), c));
      case TANH:
        return build.multiply(build.subtract(build.one(), build.multiply(c, c)), du);
      case SIGMOID:
        return build.multiply(build.multiply(c, build.subtract(build.one(), c)), du);
      case ABS:
        // The sign times du, rather than a choice between -du and du: du would appear twice, and
        // nested abs would double the derivative's size at every level. x * -1 is -x exactly.
        return isZero(du)
            ? du
            : build.multiply(
                build.choose(build.compare(ComparisonOperator.LESS, u, build.zero()), build.literal(-1), build.one()),
                du);
      case POW:
        Expr v = c.arguments().get(1);
        return power(c, u, v, du, d(v));
      case MIN:
      case MAX:
        Expr w = c.arguments().get(1);
        Expr dw = d(w);
        if (isZero(du) && isZero(dw)) {
          return du;
        }
        ComparisonOperator firstWins =
            c.function() == BuiltinFunction.MIN ? ComparisonOperator.LESS_OR_EQUAL : ComparisonOperator.GREATER_OR_EQUAL;
        return build.choose(build.compare(firstWins, u, w), du, dw);
      default:
        throw new AssertionError(c.function());
    }
  }

  private static Expr literal(double value, SourceSpan span) {
    return new Expr.Literal(value, Dimension.NONE, span);
  }

  private static Expr zero(SourceSpan span) {
    return literal(0, span);
  }

  /** Builders that drop zeros and ones, as the rules need, each node with the span given. */
  private record Build(SourceSpan span) {
    Expr literal(double value) {
      return Differentiator.literal(value, span);
    }

    Expr zero() {
      return literal(0);
    }

    Expr one() {
      return literal(1);
    }

    static boolean isOne(Expr e) {
      return e instanceof Expr.Literal literal && literal.value() == 1;
    }

    Expr add(Expr a, Expr b) {
      if (isZero(a)) {
        return b;
      }
      if (isZero(b)) {
        return a;
      }
      return new Expr.Arithmetic(Expr.ArithmeticOperator.ADD, a, b, span);
    }

    Expr subtract(Expr a, Expr b) {
      if (isZero(b)) {
        return a;
      }
      if (isZero(a)) {
        return negate(b);
      }
      return new Expr.Arithmetic(Expr.ArithmeticOperator.SUBTRACT, a, b, span);
    }

    Expr multiply(Expr a, Expr b) {
      if (isZero(a)) {
        return a;
      }
      if (isZero(b)) {
        return b;
      }
      if (isOne(a)) {
        return b;
      }
      if (isOne(b)) {
        return a;
      }
      return new Expr.Arithmetic(Expr.ArithmeticOperator.MULTIPLY, a, b, span);
    }

    Expr divide(Expr a, Expr b) {
      if (isZero(a) || isOne(b)) {
        return a;
      }
      return new Expr.Arithmetic(Expr.ArithmeticOperator.DIVIDE, a, b, span);
    }

    Expr negate(Expr a) {
      if (isZero(a)) {
        return a;
      }
      if (a instanceof Expr.Negate n) {
        return n.operand();
      }
      return new Expr.Negate(a, span);
    }

    Expr power(Expr a, Expr b) {
      if (isOne(b)) {
        return a;
      }
      return new Expr.Arithmetic(Expr.ArithmeticOperator.POWER, a, b, span);
    }

    Expr call(BuiltinFunction function, Expr argument) {
      return new Expr.Call(function, List.of(argument), span);
    }

    Expr compare(ComparisonOperator operator, Expr a, Expr b) {
      return new Expr.Comparison(operator, a, b, span);
    }

    Expr choose(Expr condition, Expr whenTrue, Expr whenFalse) {
      return new Expr.Conditional(condition, whenTrue, whenFalse, span);
    }
  }
}
