package io.cleft.compiler.solve;

import io.cleft.compiler.model.Expr;
import io.cleft.compiler.model.ExprWalker;
import io.cleft.compiler.model.Symbol;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which states of a set an expression mentions, directly or through the update block's locals,
 * for many expressions over the same locals: each local's states are found once and kept, so
 * asking for every equation of a system walks each local's definition once, not once per
 * equation (which, with a long chain of locals that every equation reaches, made the size check
 * and the system's components quadratic in the model; docs/BENCHMARKS.md, "Compile time").
 */
public final class StatesReadThroughLocals {
  private final Set<Symbol.State> states;
  private final Set<Symbol.Local> stepLocals;
  /** The states each local walked so far mentions; by identity, as locals are compared. */
  private final Map<Symbol.Local, Set<Symbol.State>> ofLocal = new IdentityHashMap<>();
  private long definitionsWalked;

  /**
   * @param states the states asked about
   * @param stepLocals the update block's locals, the only ones looked through (any other local
   *     is fixed over the step)
   */
  public StatesReadThroughLocals(Set<Symbol.State> states, Set<Symbol.Local> stepLocals) {
    this.states = states;
    this.stepLocals = stepLocals;
  }

  /** The states of the set that {@code expr} mentions, directly or through step locals. */
  public Set<Symbol.State> of(Expr expr) {
    walkLocalsReachedFrom(expr);
    Set<Symbol.State> read = new LinkedHashSet<>();
    addDirectlyRead(expr, read);
    return read;
  }

  /** Whether {@code local} mentions a state of the set, directly or through other step locals. */
  public boolean readsAny(Symbol.Local local) {
    if (!ofLocal.containsKey(local)) {
      ofLocal.put(local, of(local.definition()));
      definitionsWalked++;
    }
    return !ofLocal.get(local).isEmpty();
  }

  /** How many definitions of locals this has walked: each local's at most once (for the tests). */
  long definitionsWalked() {
    return definitionsWalked;
  }

  /**
   * Finds the states of every local {@code expr} reaches that is not known yet. A local reads
   * only locals defined before it, so in the order of definition each local's own reads are
   * known when it is reached; an explicit stack, as a chain of locals can be long.
   */
  private void walkLocalsReachedFrom(Expr expr) {
    List<Symbol.Local> reached = new ArrayList<>();
    Set<Symbol.Local> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Expr> pending = new ArrayDeque<>(List.of(expr));
    while (!pending.isEmpty()) {
      ExprWalker.forEach(pending.pop(), e -> {
        if (e instanceof Expr.Reference reference
            && reference.symbol() instanceof Symbol.Local local
            && stepLocals.contains(local)
            && !ofLocal.containsKey(local)
            && seen.add(local)) {
          reached.add(local);
          pending.push(local.definition());
        }
      });
    }
    reached.sort(Comparator.comparingInt(Symbol.Local::index));
    for (Symbol.Local local : reached) {
      Set<Symbol.State> read = new LinkedHashSet<>();
      addDirectlyRead(local.definition(), read);
      ofLocal.put(local, read);
      definitionsWalked++;
    }
  }

  /** Adds to {@code read} the states {@code expr} names and those of the (known) locals it names. */
  private void addDirectlyRead(Expr expr, Set<Symbol.State> read) {
    ExprWalker.forEach(expr, e -> {
      if (e instanceof Expr.Reference reference) {
        if (reference.symbol() instanceof Symbol.State state && states.contains(state)) {
          read.add(state);
        } else if (reference.symbol() instanceof Symbol.Local local && stepLocals.contains(local)) {
          read.addAll(ofLocal.get(local));
        }
      }
    });
  }
}
