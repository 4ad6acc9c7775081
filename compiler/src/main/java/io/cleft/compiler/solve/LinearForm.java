package io.cleft.compiler.solve;

import io.cleft.compiler.model.Expr;
import java.util.Optional;

/**
 * The result of decomposing a right-hand side f with respect to a state x.
 *
 * <p>A linear right-hand side is kept as {@code (p + q*x) / d} rather than {@code a + b*x}
 * because that is how modellers write it, as {@code (x_inf - x) / tau}: the solver can then
 * read off {@code x_inf = -p/q} and the slope {@code q/d} without dividing by the slope, which
 * would turn a zero {@code tau} (slope minus infinity) into NaN where the exact answer is
 * {@code x_inf}.
 */
sealed interface LinearForm {
  /** f does not mention x. */
  record Independent(Expr expr) implements LinearForm {}

  /**
   * f = (p + q*x) / d.
   *
   * @param p the constant part of the numerator; empty means 0
   * @param q the coefficient of x, never zero as written
   * @param d the denominator; empty means 1
   */
  record Linear(Optional<Expr> p, Expr q, Optional<Expr> d) implements LinearForm {}

  /**
   * f is not linear in x because of {@code term}, for the reason given.
   *
   * @param local the local in whose definition {@code term} is, when the equation reaches it
   *     through a local
   */
  record NonLinear(Expr term, String reason, Optional<String> local) implements LinearForm {
    NonLinear(Expr term, String reason) {
      this(term, reason, Optional.empty());
    }
  }
}
