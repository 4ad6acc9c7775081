package io.cleft.compiler.lower;

import io.cleft.compiler.ast.Expression.ComparisonOperator;
import io.cleft.compiler.ir.IrBinaryOperator;
import io.cleft.compiler.ir.IrCondition;
import io.cleft.compiler.ir.IrExpr;
import io.cleft.compiler.ir.IrInput;
import io.cleft.compiler.model.BuiltinFunction;
import io.cleft.runtime.CleftMath;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The exact derivative of an IR expression with respect to one input, symbolically. cleft uses
 * it for dI/dv_post, the conductance an implicit voltage solver needs, where Jaxley evaluates
 * the current twice, 1e-3 mV apart.
 *
 * <p>The algebra is symbolic: a zero derivative is dropped, not multiplied out, so
 * {@code d/dv (gS*s*(v - e))} is {@code gS*s}. Where a function has a kink ({@code min},
 * {@code max}, {@code abs}, the clip of {@code safe_exp}) the derivative is that of the branch
 * taken, as automatic differentiation would give.
 *
 * <p>Each rule uses the derivatives of the operands at most once, so the derivative's size is at
 * most quadratic in the expression's (the rules copy operands, as {@code (u*v)' = u'*v + u*v'}
 * does), never exponential.
 */
public final class Differentiator {
  private static final IrExpr ZERO = new IrExpr.Constant(0);
  private static final IrExpr ONE = new IrExpr.Constant(1);

  private final IrInput variable;
  private final IntFunction<IrExpr> localDerivatives;
  private final Rules rules = new Rules();

  private Differentiator(IrInput variable, IntFunction<IrExpr> localDerivatives) {
    this.variable = variable;
    this.localDerivatives = localDerivatives;
  }

  /** d expr / d variable; the expression must not read locals. */
  public static IrExpr derivative(IrExpr expr, IrInput variable) {
    return derivative(expr, variable, null);
  }

  /**
   * d expr / d variable, where {@code Local(k)} has the derivative {@code localDerivatives(k)}
   * (forward differentiation through a block's locals, in order).
   */
  public static IrExpr derivative(IrExpr expr, IrInput variable, IntFunction<IrExpr> localDerivatives) {
    return new Differentiator(variable, localDerivatives).d(expr);
  }

  private IrExpr d(IrExpr e) {
    return e.accept(rules);
  }

  /** The rule for each kind of node. */
  private final class Rules implements IrExpr.Visitor<IrExpr> {
    @Override
    public IrExpr visitConstant(IrExpr.Constant constant) {
      return ZERO;
    }

    @Override
    public IrExpr visitParameter(IrExpr.Parameter parameter) {
      return ZERO;
    }

    @Override
    public IrExpr visitState(IrExpr.State state) {
      return ZERO;
    }

    @Override
    public IrExpr visitLocal(IrExpr.Local local) {
      if (localDerivatives == null) {
        throw new IllegalArgumentException("cannot differentiate through a local without its derivative: " + local);
      }
      return localDerivatives.apply(local.index());
    }

    /** A value the initial block derived from the parameters: no voltage moves it. */
    @Override
    public IrExpr visitInvariant(IrExpr.Invariant invariant) {
      return ZERO;
    }

    @Override
    public IrExpr visitInput(IrExpr.Input input) {
      return input.input() == variable ? ONE : ZERO;
    }

    @Override
    public IrExpr visitNegate(IrExpr.Negate negate) {
      return negate(d(negate.operand()));
    }

    @Override
    public IrExpr visitBinary(IrExpr.Binary binary) {
      return binary(binary);
    }

    @Override
    public IrExpr visitCall(IrExpr.Call call) {
      return call(call);
    }

    @Override
    public IrExpr visitSelect(IrExpr.Select select) {
      IrExpr whenTrue = d(select.whenTrue());
      IrExpr whenFalse = d(select.whenFalse());
      return isZero(whenTrue) && isZero(whenFalse) ? ZERO : new IrExpr.Select(select.condition(), whenTrue, whenFalse);
    }
  }

  private IrExpr binary(IrExpr.Binary b) {
    IrExpr u = b.left();
    IrExpr v = b.right();
    IrExpr du = d(u);
    IrExpr dv = d(v);
    switch (b.operator()) {
      case ADD:
        return add(du, dv);
      case SUBTRACT:
        return subtract(du, dv);
      case MULTIPLY:
        return add(multiply(du, v), multiply(u, dv));
      case DIVIDE:
        // (u/v)' = u'/v - u*v'/v^2
        return subtract(divide(du, v), divide(multiply(u, dv), multiply(v, v)));
      case POWER:
        // (u^v)' = v*u^(v-1)*u' + u^v*ln(u)*v'
        IrExpr first =
            isZero(du) ? ZERO : multiply(multiply(v, pow(u, subtract(v, ONE))), du);
        IrExpr second =
            isZero(dv) ? ZERO : multiply(multiply(b, call(BuiltinFunction.LOG, u)), dv);
        return add(first, second);
      default:
        throw new AssertionError(b.operator());
    }
  }

  private IrExpr call(IrExpr.Call c) {
    IrExpr u = c.arguments().get(0);
    IrExpr du = d(u);
    switch (c.function()) {
      case EXP:
        return multiply(c, du);
      case SAFE_EXP:
        // exp(min(u, 20)): the clip has slope zero above 20.
        return isZero(du)
            ? ZERO
            : new IrExpr.Select(
                new IrCondition.Compare(ComparisonOperator.LESS, u, new IrExpr.Constant(CleftMath.SAFE_EXP_MAX)),
                multiply(c, du),
                ZERO);
      case LOG:
        return divide(du, u);
      case SQRT:
        return divide(du, multiply(new IrExpr.Constant(2), c));
      case TANH:
        return multiply(subtract(ONE, multiply(c, c)), du);
      case SIGMOID:
        return multiply(multiply(c, subtract(ONE, c)), du);
      case ABS:
        // The sign times du, rather than a choice between -du and du: du would appear twice, and
        // nested abs would double the derivative's size at every level. x * -1 is -x exactly.
        return isZero(du)
            ? ZERO
            : multiply(
                new IrExpr.Select(
                    new IrCondition.Compare(ComparisonOperator.LESS, u, ZERO), new IrExpr.Constant(-1), ONE),
                du);
      case POW:
        return binary(new IrExpr.Binary(IrBinaryOperator.POWER, u, c.arguments().get(1)));
      case MIN:
      case MAX:
        IrExpr v = c.arguments().get(1);
        IrExpr dv = d(v);
        if (isZero(du) && isZero(dv)) {
          return ZERO;
        }
        ComparisonOperator firstWins =
            c.function() == BuiltinFunction.MIN ? ComparisonOperator.LESS_OR_EQUAL : ComparisonOperator.GREATER_OR_EQUAL;
        return new IrExpr.Select(new IrCondition.Compare(firstWins, u, v), du, dv);
      default:
        throw new AssertionError(c.function());
    }
  }

  private static boolean isZero(IrExpr e) {
    return e instanceof IrExpr.Constant c && c.value() == 0;
  }

  private static boolean isOne(IrExpr e) {
    return e instanceof IrExpr.Constant c && c.value() == 1;
  }

  private static IrExpr add(IrExpr a, IrExpr b) {
    if (isZero(a)) {
      return b;
    }
    if (isZero(b)) {
      return a;
    }
    return new IrExpr.Binary(IrBinaryOperator.ADD, a, b);
  }

  private static IrExpr subtract(IrExpr a, IrExpr b) {
    if (isZero(b)) {
      return a;
    }
    if (isZero(a)) {
      return negate(b);
    }
    return new IrExpr.Binary(IrBinaryOperator.SUBTRACT, a, b);
  }

  private static IrExpr multiply(IrExpr a, IrExpr b) {
    if (isZero(a) || isZero(b)) {
      return ZERO;
    }
    if (isOne(a)) {
      return b;
    }
    if (isOne(b)) {
      return a;
    }
    return new IrExpr.Binary(IrBinaryOperator.MULTIPLY, a, b);
  }

  private static IrExpr divide(IrExpr a, IrExpr b) {
    if (isZero(a)) {
      return ZERO;
    }
    if (isOne(b)) {
      return a;
    }
    return new IrExpr.Binary(IrBinaryOperator.DIVIDE, a, b);
  }

  private static IrExpr negate(IrExpr a) {
    if (isZero(a)) {
      return ZERO;
    }
    if (a instanceof IrExpr.Negate n) {
      return n.operand();
    }
    return new IrExpr.Negate(a);
  }

  private static IrExpr pow(IrExpr a, IrExpr b) {
    if (isOne(b)) {
      return a;
    }
    return new IrExpr.Binary(IrBinaryOperator.POWER, a, b);
  }

  private static IrExpr call(BuiltinFunction function, IrExpr argument) {
    return new IrExpr.Call(function, List.of(argument));
  }
}
