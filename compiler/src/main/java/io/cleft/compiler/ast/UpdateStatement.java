package io.cleft.compiler.ast;

import io.cleft.compiler.source.SourceSpan;
import java.util.Optional;

/** One line of an {@code update} block. */
public sealed interface UpdateStatement {
  Identifier target();

  Expression value();

  SourceSpan span();

  <R> R accept(Visitor<R> visitor);

  /** One method per kind of update statement, so that a new kind fails to compile until handled. */
  interface Visitor<R> {
    R visitAssignment(Assignment assignment);

    R visitDifferentialEquation(DifferentialEquation equation);
  }

  /**
   * {@code name = expression}: the next value of a state when {@code name} is a state, otherwise
   * a local definition. Which one is the checker's call, not the parser's.
   */
  record Assignment(Identifier target, Expression value, SourceSpan span)
      implements UpdateStatement {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitAssignment(this);
    }
  }

  /** {@code x' = expression using method}. */
  record DifferentialEquation(
      Identifier target, Expression value, Optional<Identifier> method, SourceSpan span)
      implements UpdateStatement {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitDifferentialEquation(this);
    }
  }
}
