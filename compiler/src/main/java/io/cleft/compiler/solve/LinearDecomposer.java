package io.cleft.compiler.solve;

import io.cleft.compiler.model.Expr;
import io.cleft.compiler.model.Symbol;
import java.util.Set;

/**
 * Proves, symbolically, that a right-hand side is linear in a state, or finds the term that is
 * not: the one-state case of {@link SystemDecomposer}, read as {@code (p + q*x) / d}. Locals are
 * looked through: {@code tau = 1/(a + s)} makes {@code (1 - s)/tau} nonlinear in {@code s},
 * while a local that does not mention the state stays one opaque name. The form of a local that
 * does is found once, and its parts are read from locals of their own ({@link SolverLocals}), so
 * the work and the result grow linearly with the locals.
 */
final class LinearDecomposer {
  private final Symbol.State x;
  private final SystemDecomposer system;

  /** @param stepLocals the update block's locals, the only ones looked through (see {@link SystemDecomposer}) */
  LinearDecomposer(Symbol.State x, Exprs build, SolverLocals solverLocals, Set<Symbol.Local> stepLocals) {
    this.x = x;
    this.system = new SystemDecomposer(Set.of(x), build, solverLocals, stepLocals);
  }

  LinearForm decompose(Expr f) {
    SystemForm form = system.decompose(f);
    if (form instanceof SystemForm.Independent independent) {
      return new LinearForm.Independent(independent.expr());
    }
    if (form instanceof SystemForm.NonLinear nonLinear) {
      return new LinearForm.NonLinear(nonLinear.term(), nonLinear.reason(), nonLinear.local());
    }
    SystemForm.Linear linear = (SystemForm.Linear) form;
    return new LinearForm.Linear(linear.rest(), linear.coefficients().get(x), linear.d());
  }
}
