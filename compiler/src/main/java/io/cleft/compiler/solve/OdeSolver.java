package io.cleft.compiler.solve;

import io.cleft.compiler.diagnostic.DiagnosticCollector;
import io.cleft.compiler.model.Expr;
import io.cleft.compiler.model.OdeMethod;
import io.cleft.compiler.model.StateUpdate;
import io.cleft.compiler.model.Symbol;
import io.cleft.compiler.model.SynapseModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    Map<Symbol.State, StateUpdate.NextValue> systems = solveSystems(model, solverLocals);
    solveImplicitSystem(model, solverLocals, stepLocals, systems);
    boolean failed = !solveExactSystem(model, solverLocals, stepLocals, diagnostics, systems);
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
                    case RK2, RK4 -> Optional.of(systems.get(derivative.state()));
                    // Empty when the system was reported (failed is set already).
                    case EXACT -> Optional.ofNullable(systems.get(derivative.state()));
                    case IMPLICIT_EULER -> Optional.of(systems.get(derivative.state()));
                  };
                }
              });
      next.ifPresent(solved::add);
      failed |= next.isEmpty();
    }
    if (failed) {
      return Optional.empty();
    }
    List<StateUpdate> conserved = ConservationLaws.apply(model.schemes(), solved, solverLocals);
    List<Symbol.Local> locals = new ArrayList<>(model.locals());
    locals.addAll(solverLocals.added());
    return Optional.of(model.withUpdate(locals, conserved));
  }

  /**
   * The expressions the matrix exponential of the model's {@code exact} system would write (its
   * locals' definitions and next values), for the size estimate before solving; empty where the
   * closed forms apply, there is no such system, or it cannot be solved.
   */
  public static List<Expr> exactMatrixExponentialCode(SynapseModel model) {
    List<StateUpdate.Derivative> system = SystemComponents.equations(model, OdeMethod.EXACT);
    return system.isEmpty() ? List.of() : ExactSolver.matrixExponentialCode(system, Set.copyOf(model.locals()));
  }

  /**
   * Adds to {@code next} the next values of the states under {@code exact}, each independent
   * part of their system solved on its own ({@link ExactSolver}); whether all could be solved
   * (if not, it is reported).
   */
  private static boolean solveExactSystem(
      SynapseModel model,
      SolverLocals solverLocals,
      Set<Symbol.Local> stepLocals,
      DiagnosticCollector diagnostics,
      Map<Symbol.State, StateUpdate.NextValue> next) {
    List<StateUpdate.Derivative> system = SystemComponents.equations(model, OdeMethod.EXACT);
    if (system.isEmpty()) {
      return true;
    }
    Optional<List<StateUpdate.NextValue>> solved = ExactSolver.solve(system, solverLocals, stepLocals, diagnostics);
    solved.ifPresent(values -> values.forEach(v -> next.put(v.state(), v)));
    return solved.isPresent();
  }

  /**
   * Adds to {@code next} the next values of the states under {@code implicit_euler}, each
   * independent part of their system ({@link SystemComponents}) solved on its own: directly
   * where it is linear, by Newton's method where not, and NaN only where that does not converge.
   */
  private static void solveImplicitSystem(
      SynapseModel model, SolverLocals solverLocals, Set<Symbol.Local> stepLocals,
      Map<Symbol.State, StateUpdate.NextValue> next) {
    List<List<StateUpdate.Derivative>> components =
        SystemComponents.of(SystemComponents.equations(model, OdeMethod.IMPLICIT_EULER), stepLocals);
    for (List<StateUpdate.Derivative> component : components) {
      String label = SystemComponents.label(component, components);
      ImplicitEulerSolver.solve(component, label, model.locals(), stepLocals, solverLocals)
          .forEach(v -> next.put(v.state(), v));
    }
  }

  /**
   * The next values of the states under a Runge-Kutta method, each method's states solved as
   * one system. ({@code euler} needs no system: each of its steps reads only the states at the
   * start of the step, so solving its equations one at a time is already the system's step.)
   */
  private static Map<Symbol.State, StateUpdate.NextValue> solveSystems(SynapseModel model, SolverLocals solverLocals) {
    Map<Symbol.State, StateUpdate.NextValue> next = new HashMap<>();
    for (OdeMethod method : List.of(OdeMethod.RK2, OdeMethod.RK4)) {
      List<StateUpdate.Derivative> system = SystemComponents.equations(model, method);
      if (!system.isEmpty()) {
        RungeKuttaSolver.solve(method, system, model.locals(), solverLocals).forEach(v -> next.put(v.state(), v));
      }
    }
    return next;
  }
}
