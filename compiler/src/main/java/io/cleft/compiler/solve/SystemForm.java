package io.cleft.compiler.solve;

import io.cleft.compiler.model.Expr;
import io.cleft.compiler.model.Symbol;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The result of decomposing a right-hand side f with respect to the states of a system, the
 * several-variable {@link LinearForm}: {@code f = (rest + sum of c_j*x_j) / d}, kept over a
 * denominator for the same reason (a zero {@code tau} in {@code (x_inf - x)/tau}).
 */
sealed interface SystemForm {
  /** f mentions none of the system's states. */
  record Independent(Expr expr) implements SystemForm {}

  /**
   * f = (rest + sum of c_j*x_j) / d.
   *
   * @param rest the part of the numerator that reads no state of the system; empty means 0
   * @param coefficients c_j of each state x_j that f mentions, in the order first met; none reads
   *     a state of the system
   * @param d the denominator; empty means 1
   */
  record Linear(Optional<Expr> rest, Map<Symbol.State, Expr> coefficients, Optional<Expr> d)
      implements SystemForm {
    public Linear {
      coefficients = Collections.unmodifiableMap(new LinkedHashMap<>(coefficients));
    }
  }

  /**
   * f is not linear in the system's states because of {@code term}, for the reason given.
   *
   * @param local the local in whose definition {@code term} is, when f reaches it through one
   */
  record NonLinear(Expr term, String reason, Optional<String> local) implements SystemForm {
    NonLinear(Expr term, String reason) {
      this(term, reason, Optional.empty());
    }
  }
}
