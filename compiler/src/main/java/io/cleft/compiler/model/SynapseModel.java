package io.cleft.compiler.model;

import io.cleft.compiler.source.SourceFile;
import io.cleft.compiler.source.SourceSpan;
import java.util.List;
import java.util.Optional;

/**
 * A checked synapse: every name resolved, every unit known. The checker produces it only for a
 * model without errors, so later stages can rely on it being well-formed.
 *
 * @param locals the update block's locals in definition order, which is dependency order
 * @param updates one entry per updated state, in source order
 * @param initial the {@code initial} block's statements (empty without one)
 * @param derived the locals the {@code initial} block defines outside any {@code if}: values
 *     computed from the parameters, visible in every other block
 * @param handlers the event handlers, in source order
 * @param currentStatements the statements of {@code current { ... }}; empty for {@code current = ...}
 * @param currentValues the current block's locals defined outside any {@code if}, except
 *     {@code i}: named values a simulator can record
 * @param current the current: the expression of {@code current = ...}, or a reference to the
 *     block's {@code i}
 * @param schemes the update block's kinetic schemes, whose ODEs are among {@code updates}; the
 *     solver applies their conservation laws
 */
public record SynapseModel(
    String name,
    Optional<String> doc,
    SourceFile source,
    SourceSpan span,
    List<Symbol.Parameter> parameters,
    List<Symbol.Constant> constants,
    List<Symbol.State> states,
    List<Symbol.Local> locals,
    List<StateUpdate> updates,
    List<Statement> initial,
    List<Symbol.Local> derived,
    List<EventHandler> handlers,
    List<Statement> currentStatements,
    List<Symbol.Local> currentValues,
    Expr current,
    List<KineticScheme> schemes) {
  public SynapseModel {
    parameters = List.copyOf(parameters);
    constants = List.copyOf(constants);
    states = List.copyOf(states);
    locals = List.copyOf(locals);
    updates = List.copyOf(updates);
    initial = List.copyOf(initial);
    derived = List.copyOf(derived);
    handlers = List.copyOf(handlers);
    currentStatements = List.copyOf(currentStatements);
    currentValues = List.copyOf(currentValues);
    schemes = List.copyOf(schemes);
  }

  /** The same model with another update block: what the solver makes of the equations. */
  public SynapseModel withUpdate(List<Symbol.Local> locals, List<StateUpdate> updates) {
    return new SynapseModel(
        name, doc, source, span, parameters, constants, states, locals, updates, initial, derived, handlers,
        currentStatements, currentValues, current, schemes);
  }

  /** Whether the update block or the current reads {@code t}, so that a simulator must give it. */
  public boolean readsTime() {
    List<Expr> roots = new java.util.ArrayList<>();
    locals.forEach(local -> roots.add(local.definition()));
    updates.forEach(update -> roots.add(update.rightHandSide()));
    Statement.forEachExpression(currentStatements, roots::add);
    roots.add(current);
    boolean[] reads = {false};
    for (Expr root : roots) {
      ExprWalker.forEach(root, e -> reads[0] |= e instanceof Expr.Reference r && r.symbol() == Symbol.Input.T);
    }
    return reads[0];
  }

  public Optional<EventHandler> handler(EventKind kind) {
    return handlers.stream().filter(h -> h.kind() == kind).findFirst();
  }

  public Optional<StateUpdate> updateOf(Symbol.State state) {
    return updates.stream().filter(u -> u.state().equals(state)).findFirst();
  }
}
