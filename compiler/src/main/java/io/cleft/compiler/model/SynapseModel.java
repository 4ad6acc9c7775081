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
    Expr current) {
  public SynapseModel {
    parameters = List.copyOf(parameters);
    constants = List.copyOf(constants);
    states = List.copyOf(states);
    locals = List.copyOf(locals);
    updates = List.copyOf(updates);
  }

  public Optional<StateUpdate> updateOf(Symbol.State state) {
    return updates.stream().filter(u -> u.state().equals(state)).findFirst();
  }
}
