package io.cleft.compiler.solve;

import io.cleft.compiler.model.Expr;
import io.cleft.compiler.model.ExprWalker;
import io.cleft.compiler.model.StateUpdate;
import io.cleft.compiler.model.Symbol;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Which locals a Runge-Kutta step copies into each of its later stages: what the solver copies,
 * and what the size check counts once per stage before the solver runs.
 */
public final class StageLocals {
  private StageLocals() {}

  /**
   * The locals a stage copies: those the system's right-hand sides read (directly or through
   * other locals) whose value changes from stage to stage, as they read a state of the system or
   * t (directly or through other locals). A set by identity, as locals are compared.
   *
   * @param system the equations stepped together
   * @param locals the model's locals, in definition order
   */
  public static Set<Symbol.Local> copiedPerStage(List<StateUpdate.Derivative> system, List<Symbol.Local> locals) {
    Set<Symbol.Local> varying = varyingLocals(system, locals, true);
    Set<Symbol.Local> read = Collections.newSetFromMap(new IdentityHashMap<>());
    Consumer<Symbol> markRead = symbol -> {
      if (symbol instanceof Symbol.Local local) {
        read.add(local);
      }
    };
    system.forEach(d -> forEachSymbol(d.derivative(), markRead));
    // A local reads only locals defined before it, so one pass from the last finds them all.
    for (int i = locals.size() - 1; i >= 0; i--) {
      if (read.contains(locals.get(i))) {
        forEachSymbol(locals.get(i).definition(), markRead);
      }
    }
    varying.retainAll(read);
    return varying;
  }

  /**
   * The locals whose value changes with the states of {@code system}: those that read one of
   * them, or (where {@code readsTime}) {@code t}, directly or through other locals. A set by
   * identity, as locals are compared.
   *
   * @param locals the model's locals, in definition order
   */
  static Set<Symbol.Local> varyingLocals(List<StateUpdate.Derivative> system, List<Symbol.Local> locals, boolean readsTime) {
    Set<Symbol.State> states = SystemComponents.states(system);
    Set<Symbol.Local> varying = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Symbol.Local local : locals) {
      boolean[] reads = {false};
      forEachSymbol(local.definition(), symbol -> reads[0] |= (readsTime && symbol == Symbol.Input.T)
          || (symbol instanceof Symbol.State state && states.contains(state))
          || (symbol instanceof Symbol.Local read && varying.contains(read)));
      if (reads[0]) {
        varying.add(local);
      }
    }
    return varying;
  }

  private static void forEachSymbol(Expr expr, Consumer<Symbol> action) {
    ExprWalker.forEach(expr, e -> {
      if (e instanceof Expr.Reference reference) {
        action.accept(reference.symbol());
      }
    });
  }
}
