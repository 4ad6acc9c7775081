package io.cleft.compiler.solve;

import io.cleft.compiler.diagnostic.DiagnosticCollector;
import io.cleft.compiler.model.StateUpdate;
import io.cleft.compiler.model.Symbol;
import io.cleft.compiler.model.SynapseModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns every ODE of a checked model into an explicit next value, by the method it names. The
 * result has only {@link StateUpdate.NextValue} updates, so later stages see one kind of update,
 * and after the model's own locals those the solver adds ({@link SolverLocals}).
 */
public final class OdeSolver {
  private OdeSolver() {}

  /** The solved model, or empty if an equation cannot be solved by its method (reported). */
  public static Optional<SynapseModel> solve(SynapseModel model, DiagnosticCollector diagnostics) {
    List<StateUpdate> solved = new ArrayList<>();
    SolverLocals solverLocals = new SolverLocals(model.locals().size());
    Set<Symbol.Local> stepLocals = Set.copyOf(model.locals());
    boolean failed = false;
    for (StateUpdate update : model.updates()) {
      Optional<StateUpdate.NextValue> next =
          update.accept(
              new StateUpdate.Visitor<>() {
                @Override
                public Optional<StateUpdate.NextValue> visitNextValue(StateUpdate.NextValue next) {
                  return Optional.of(next);
                }

                @Override
                public Optional<StateUpdate.NextValue> visitDerivative(StateUpdate.Derivative derivative) {
                  return switch (derivative.method()) {
                    case EXPONENTIAL_EULER -> ExponentialEulerSolver.solve(derivative, solverLocals, stepLocals, diagnostics);
                    case EULER -> Optional.of(ForwardEulerSolver.solve(derivative));
                  };
                }
              });
      next.ifPresent(solved::add);
      failed |= next.isEmpty();
    }
    if (failed) {
      return Optional.empty();
    }
    List<Symbol.Local> locals = new ArrayList<>(model.locals());
    locals.addAll(solverLocals.added());
    return Optional.of(model.withUpdate(locals, solved));
  }
}
