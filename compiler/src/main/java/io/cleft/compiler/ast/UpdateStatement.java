package io.cleft.compiler.ast;

import io.cleft.compiler.source.SourceSpan;
import java.util.List;
import java.util.Optional;

/** One line of an {@code update} block, or a kinetic scheme. */
public sealed interface UpdateStatement {
  SourceSpan span();

  <R> R accept(Visitor<R> visitor);

  /** One method per kind of update statement, so that a new kind fails to compile until handled. */
  interface Visitor<R> {
    R visitAssignment(Assignment assignment);

    R visitDifferentialEquation(DifferentialEquation equation);

    R visitKineticScheme(KineticScheme scheme);
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

  /**
   * {@code kinetic using method { reactions, conservation laws }}: reactions between states, each
   * list in source order. How many laws a scheme may have, and what they may name, is the
   * checker's call.
   */
  record KineticScheme(
      Optional<Identifier> method, List<Reaction> reactions, List<Conservation> laws, SourceSpan span)
      implements UpdateStatement {
    public KineticScheme {
      reactions = List.copyOf(reactions);
      laws = List.copyOf(laws);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitKineticScheme(this);
    }
  }

  /**
   * {@code from <-> to (forward, backward)} or {@code from -> to (forward)}: a first-order
   * reaction, whose flux is {@code forward * from} (minus {@code backward * to}).
   */
  record Reaction(
      Identifier from, Identifier to, Expression forward, Optional<Expression> backward, SourceSpan span) {}

  /** {@code conserve C + O + D = total}: the sum as written, and the total. */
  record Conservation(Expression sum, Expression total, SourceSpan span) {}
}
