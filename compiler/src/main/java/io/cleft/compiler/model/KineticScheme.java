package io.cleft.compiler.model;

import io.cleft.compiler.source.SourceSpan;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A checked kinetic scheme: first-order reactions between states, integrated by one method. The
 * resolver writes its equivalent ODEs (the law of mass action) as {@link StateUpdate.Derivative}s
 * of the model, one per state except the one its conservation law replaces; the scheme itself is
 * kept for what the ODEs cannot say: the units of its rates and states, and the law, which the
 * solver applies after the others' next values ({@code replaced = total - others}).
 *
 * @param states the scheme's states, in order of first mention
 * @param reactions the reactions, in source order
 */
public record KineticScheme(
    OdeMethod method,
    List<Symbol.State> states,
    List<Reaction> reactions,
    Optional<Conservation> law,
    SourceSpan span) {
  public KineticScheme {
    states = List.copyOf(states);
    reactions = List.copyOf(reactions);
  }

  /**
   * {@code from <-> to (forward, backward)}, or {@code from -> to (forward)}: the flux from
   * {@code from} to {@code to} is {@code forward * from - backward * to}.
   */
  public record Reaction(
      Symbol.State from, Symbol.State to, Expr forward, Optional<Expr> backward, SourceSpan span) {}

  /**
   * {@code conserve others + replaced = total}: {@code replaced} (the last state the law names)
   * has no equation of its own; it is {@code total - others}, in that order, after every step,
   * and the others' equations read it as that.
   *
   * @param others the law's other states, in the order it names them
   * @param total the law's total, which reads no state, input or update local
   */
  public record Conservation(Symbol.State replaced, List<Symbol.State> others, Expr total, SourceSpan span) {
    public Conservation {
      others = List.copyOf(others);
    }

    /**
     * {@code total - other_1 - other_2 - ...}, in the law's order, each other state as
     * {@code read} gives it (its value at the start of the step, or its next value).
     */
    public Expr replacedValue(Function<Symbol.State, Expr> read, SourceSpan span) {
      Expr rest = total;
      for (Symbol.State other : others) {
        rest = new Expr.Arithmetic(Expr.ArithmeticOperator.SUBTRACT, rest, read.apply(other), span);
      }
      return rest;
    }
  }
}
