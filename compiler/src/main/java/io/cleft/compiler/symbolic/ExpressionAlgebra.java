package io.cleft.compiler.symbolic;

import io.cleft.compiler.ast.Expression.ComparisonOperator;
import io.cleft.compiler.model.BuiltinFunction;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How one kind of expression tree is built and looked at, as {@link DerivativeRules} needs: the
 * rules are written once over this, and each tree (model expressions, IR expressions) supplies
 * its nodes. The builders make the node asked for, with no simplification: dropping zeros and
 * ones is the rules' job, so that it too is done in one place.
 *
 * @param <E> a number-valued expression
 * @param <C> a condition
 */
public interface ExpressionAlgebra<E, C> {
  E constant(double value);

  /** The value of {@code e} if it is a number written out, empty otherwise. */
  OptionalDouble constantValue(E e);

  /** The operand of {@code e} if it is a negation, empty otherwise. */
  Optional<E> negatedOperand(E e);

  E negate(E operand);

  E add(E left, E right);

  E subtract(E left, E right);

  E multiply(E left, E right);

  E divide(E left, E right);

  E power(E base, E exponent);

  /** A call of a function of one argument. */
  E call(BuiltinFunction function, E argument);

  C compare(ComparisonOperator operator, E left, E right);

  E select(C condition, E whenTrue, E whenFalse);
}
