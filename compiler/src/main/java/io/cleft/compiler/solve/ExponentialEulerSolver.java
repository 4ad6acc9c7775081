package io.cleft.compiler.solve;

import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.diagnostic.DiagnosticCollector;
import io.cleft.compiler.model.Expr;
import io.cleft.compiler.model.StateUpdate;
import io.cleft.compiler.model.Symbol;
import java.util.Optional;
import java.util.Set;

/**
 * Solves {@code x' = (p + q*x) / d} exactly over one step, holding p, q and d at their values
 * at the start of the step (they may depend on the voltages and other states):
 *
 * <pre>
 *   slope = q / d,  x_inf = -p / q,  E = exp(slope * dt)
 *   x_next = x * E + x_inf * (1 - E)
 * </pre>
 *
 * This is Jaxley's form ({@code exponential_euler} in {@code solver_gate.py} and the synapses),
 * so a model written {@code s' = (s_inf - s) / tau} gives Jaxley's numbers, also where
 * {@code tau} is 0 and the exact answer is {@code s_inf}. A right-hand side that does not
 * mention x is integrated exactly as {@code x + dt * f}.
 */
final class ExponentialEulerSolver {
  private ExponentialEulerSolver() {}

  static Optional<StateUpdate.NextValue> solve(
      StateUpdate.Derivative derivative,
      SolverLocals solverLocals,
      Set<Symbol.Local> stepLocals,
      DiagnosticCollector diagnostics) {
    Symbol.State x = derivative.state();
    Exprs build = new Exprs(derivative.span());
    LinearForm form = new LinearDecomposer(x, build, solverLocals, stepLocals).decompose(derivative.derivative());
    if (form instanceof LinearForm.NonLinear nonLinear) {
      diagnostics.error(
          DiagnosticCode.NOT_LINEAR,
          nonLinear.term().span(),
          "exponential_euler needs a right-hand side linear in '" + x.name() + "', but " + describe(nonLinear)
              + " is not: " + nonLinear.reason() + "; use 'rk4', or 'implicit_euler' if it is stiff, for a nonlinear equation");
      return Optional.empty();
    }
    if (form instanceof LinearForm.Independent) {
      return Optional.of(ForwardEulerSolver.solve(derivative));
    }
    LinearForm.Linear linear = (LinearForm.Linear) form;
    Expr slope = linear.d().map(d -> build.divide(linear.q(), d)).orElse(linear.q());
    Expr e = build.exp(build.multiply(slope, build.read(Symbol.Input.DT)));
    Expr decayed = build.multiply(build.read(x), e);
    if (linear.p().isEmpty()) {
      return Optional.of(new StateUpdate.NextValue(x, decayed, derivative.span()));
    }
    Expr xInf = steadyState(linear.p().get(), linear.q(), build);
    Expr next = build.add(decayed, build.multiply(xInf, build.subtract(build.literal(1), e)));
    return Optional.of(new StateUpdate.NextValue(x, next, derivative.span()));
  }

  private static String describe(LinearForm.NonLinear nonLinear) {
    return NonLinearTerms.describe(nonLinear.term(), nonLinear.local());
  }

  /** {@code -p/q}, without the division when q is written as 1 or -1 (which IEEE makes exact). */
  private static Expr steadyState(Expr p, Expr q, Exprs build) {
    if (Exprs.isLiteral(q, 1)) {
      return build.negate(p);
    }
    if (Exprs.isLiteral(q, -1) || (q instanceof Expr.Negate n && Exprs.isLiteral(n.operand(), 1))) {
      return p;
    }
    return build.divide(build.negate(p), q);
  }
}
