package io.cleft.compiler.solve;

import io.cleft.compiler.model.Expr;
import io.cleft.compiler.model.KineticScheme;
import io.cleft.compiler.model.StateUpdate;
import io.cleft.compiler.model.Symbol;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies the conservation laws of kinetic schemes to the solved next values, as NMODL's
 * {@code CONSERVE} does: the law's replaced state (its last) is {@code total - others}, the
 * others' next values subtracted in the law's order from the total, so the law holds to rounding
 * after every step whatever the method. Each other next value is kept in a local that both its
 * state and the replaced state read, so it is computed once.
 */
final class ConservationLaws {
  private ConservationLaws() {}

  /**
   * {@code solved} with the replaced states' next values added after the others; a law whose
   * other states are not all solved (the equations left out after an error) is skipped.
   */
  static List<StateUpdate> apply(List<KineticScheme> schemes, List<StateUpdate> solved, SolverLocals solverLocals) {
    Map<Symbol.State, StateUpdate> next = new LinkedHashMap<>();
    solved.forEach(update -> next.put(update.state(), update));
    for (KineticScheme scheme : schemes) {
      if (scheme.law().isEmpty() || !next.keySet().containsAll(scheme.law().get().others())) {
        continue;
      }
      KineticScheme.Conservation law = scheme.law().get();
      // Each other state's next value becomes a local, defined in the law's order, which both its
      // own update and the replaced state's read.
      Expr replaced = law.replacedValue(other -> {
        StateUpdate update = next.get(other);
        Symbol.Local value = solverLocals.define(other.name() + "_next", update.rightHandSide(), update.span());
        next.put(other, new StateUpdate.NextValue(other, new Expr.Reference(value, update.span()), update.span()));
        return new Expr.Reference(value, law.span());
      }, law.span());
      next.put(law.replaced(), new StateUpdate.NextValue(law.replaced(), replaced, law.span()));
    }
    return new ArrayList<>(next.values());
  }
}
