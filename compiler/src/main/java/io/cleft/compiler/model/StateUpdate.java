package io.cleft.compiler.model;

import io.cleft.compiler.source.SourceSpan;

/** How the update block advances one state. */
public sealed interface StateUpdate {
  Symbol.State state();

  SourceSpan span();

  /** The expression on the right: the next value, or the derivative. */
  Expr rightHandSide();

  <R> R accept(Visitor<R> visitor);

  /** One method per kind of update, so that a new kind fails to compile until handled. */
  interface Visitor<R> {
    R visitNextValue(NextValue next);

    R visitDerivative(Derivative derivative);
  }

  /** {@code s = expression}: the next value, computed from the old states. */
  record NextValue(Symbol.State state, Expr value, SourceSpan span) implements StateUpdate {
    @Override
    public Expr rightHandSide() {
      return value;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitNextValue(this);
    }
  }

  /** {@code s' = derivative using method}. */
  record Derivative(Symbol.State state, Expr derivative, OdeMethod method, SourceSpan span)
      implements StateUpdate {
    @Override
    public Expr rightHandSide() {
      return derivative;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitDerivative(this);
    }
  }
}
