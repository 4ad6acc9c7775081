package io.cleft.compiler.model;

import io.cleft.compiler.source.SourceSpan;

/** How the update block advances one state. */
public sealed interface StateUpdate {
  Symbol.State state();

  SourceSpan span();

  /** {@code s = expression}: the next value, computed from the old states. */
  record NextValue(Symbol.State state, Expr value, SourceSpan span) implements StateUpdate {}

  /** {@code s' = derivative using method}. */
  record Derivative(Symbol.State state, Expr derivative, OdeMethod method, SourceSpan span)
      implements StateUpdate {}
}
