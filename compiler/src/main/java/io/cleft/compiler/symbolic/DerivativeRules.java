package io.cleft.compiler.symbolic;

import io.cleft.compiler.ast.Expression.ComparisonOperator;
import io.cleft.compiler.model.BuiltinFunction;
import io.cleft.compiler.model.Expr.ArithmeticOperator;
import io.cleft.runtime.CleftMath;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The differentiation rules, the one place they live: one rule per kind of node (sum, product,
 * quotient, power, each built-in function and its kinks, conditionals), written once over an
 * {@link ExpressionAlgebra}. {@link Differentiator} applies them to model expressions (the
 * Jacobian of implicit_euler) and {@link IrDerivative} to IR expressions (the current's
 * dI/dv_post); each of those only says which rule a node takes and how locals are read.
 *
 * <p>Each rule is handed the operands and their derivatives, already found, and uses each
 * derivative at most once, so a derivative's size is at most quadratic in the expression's (the
 * rules copy operands, as {@code (u*v)' = u'*v + u*v'} does), never exponential.
 *
 * <p>The algebra is symbolic: a zero derivative is dropped, not multiplied out, so
 * {@code d/dv (gS*s*(v - e))} is {@code gS*s}; every zero the rules return is a fresh literal
 * {@code +0}. Where a function has a kink ({@code min}, {@code max}, {@code abs}, the clip of
 * {@code safe_exp}) or a conditional chooses, the derivative is that of the branch taken, as
 * automatic differentiation would give.
 *
 * @param <E> a number-valued expression
 * @param <C> a condition
 */
public final class DerivativeRules<E, C> {
  private final ExpressionAlgebra<E, C> algebra;

  public DerivativeRules(ExpressionAlgebra<E, C> algebra) {
    this.algebra = algebra;
  }

  /** The derivative of what the variable does not move. */
  public E zero() {
    return algebra.constant(0);
  }

  /** The derivative of the variable itself. */
  public E one() {
    return algebra.constant(1);
  }

  /** Whether {@code e} is a literal 0 (either sign), a dropped derivative. */
  public boolean isZero(E e) {
    OptionalDouble value = algebra.constantValue(e);
    return value.isPresent() && value.getAsDouble() == 0;
  }

  private boolean isOne(E e) {
    OptionalDouble value = algebra.constantValue(e);
    return value.isPresent() && value.getAsDouble() == 1;
  }

  /** (-u)' = -u'. */
  public E negation(E du) {
    return negate(du);
  }

  /** The derivative of {@code u op v}, given u' and v'. */
  public E arithmetic(ArithmeticOperator operator, E u, E du, E v, E dv, E whole) {
    switch (operator) {
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
        return power(whole, u, du, v, dv);
      default:
        throw new AssertionError(operator);
    }
  }

  /**
   * (u^v)' = v*u^(v-1)*u' + u^v*ln(u)*v', each half only where its derivative is not 0; {@code
   * whole} is u^v as the expression has it (an operator or a call of pow).
   */
  private E power(E whole, E u, E du, E v, E dv) {
    // A literal exponent's v - 1 is folded: the same double the step would compute, and x^1 is x.
    OptionalDouble literal = algebra.constantValue(v);
    E exponent = literal.isPresent() ? algebra.constant(literal.getAsDouble() - 1) : subtract(v, one());
    E first = isZero(du) ? zero() : multiply(multiply(v, pow(u, exponent)), du);
    E second = isZero(dv) ? zero() : multiply(multiply(whole, algebra.call(BuiltinFunction.LOG, u)), dv);
    return add(first, second);
  }

  /**
   * The derivative of {@code call}, a call of {@code function} on {@code arguments}, whose
   * derivatives are {@code argumentDerivatives}.
   */
  public E call(BuiltinFunction function, E call, List<E> arguments, List<E> argumentDerivatives) {
    E u = arguments.get(0);
    E du = argumentDerivatives.get(0);
    switch (function) {
      case EXP:
        return multiply(call, du);
      case SAFE_EXP:
        // exp(min(u, 20)): the clip has slope zero above 20.
        return isZero(du)
            ? zero()
            : algebra.select(
                algebra.compare(ComparisonOperator.LESS, u, algebra.constant(CleftMath.SAFE_EXP_MAX)),
                multiply(call, du),
                zero());
      case LOG:
        return divide(du, u);
      case SQRT:
        return divide(du, multiply(algebra.constant(2), call));
      case TANH:
        return multiply(subtract(one(), multiply(call, call)), du);
      case SIGMOID:
        return multiply(multiply(call, subtract(one(), call)), du);
      case ABS:
        // The sign times du, rather than a choice between -du and du: du would appear twice, and
        // nested abs would double the derivative's size at every level. x * -1 is -x exactly.
        return isZero(du)
            ? zero()
            : multiply(
                algebra.select(algebra.compare(ComparisonOperator.LESS, u, zero()), algebra.constant(-1), one()), du);
      case POW:
        return power(call, u, du, arguments.get(1), argumentDerivatives.get(1));
      case MIN:
      case MAX:
        E w = arguments.get(1);
        E dw = argumentDerivatives.get(1);
        if (isZero(du) && isZero(dw)) {
          return zero();
        }
        ComparisonOperator firstWins =
            function == BuiltinFunction.MIN ? ComparisonOperator.LESS_OR_EQUAL : ComparisonOperator.GREATER_OR_EQUAL;
        return algebra.select(algebra.compare(firstWins, u, w), du, dw);
      default:
        throw new AssertionError(function);
    }
  }

  /** (c ? a : b)' = c ? a' : b', the branch taken; 0 if neither branch moves. */
  public E conditional(C condition, E whenTrue, E whenFalse) {
    return isZero(whenTrue) && isZero(whenFalse) ? zero() : algebra.select(condition, whenTrue, whenFalse);
  }

  // --- builders that drop zeros and ones, as the rules need ---

  private E add(E a, E b) {
    if (isZero(a)) {
      return b;
    }
    if (isZero(b)) {
      return a;
    }
    return algebra.add(a, b);
  }

  private E subtract(E a, E b) {
    if (isZero(b)) {
      return a;
    }
    if (isZero(a)) {
      return negate(b);
    }
    return algebra.subtract(a, b);
  }

  private E multiply(E a, E b) {
    if (isZero(a) || isZero(b)) {
      return zero();
    }
    if (isOne(a)) {
      return b;
    }
    if (isOne(b)) {
      return a;
    }
    return algebra.multiply(a, b);
  }

  private E divide(E a, E b) {
    if (isZero(a)) {
      return zero();
    }
    if (isOne(b)) {
      return a;
    }
    return algebra.divide(a, b);
  }

  private E negate(E a) {
    if (isZero(a)) {
      return zero();
    }
    return algebra.negatedOperand(a).orElseGet(() -> algebra.negate(a));
  }

  private E pow(E a, E b) {
    if (isOne(b)) {
      return a;
    }
    return algebra.power(a, b);
  }
}
