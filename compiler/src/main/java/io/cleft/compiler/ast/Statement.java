package io.cleft.compiler.ast;

import io.cleft.compiler.source.SourceSpan;
import java.util.List;
import java.util.Optional;

/**
 * A statement of a block that runs in order: {@code initial}, an event handler, or
 * {@code current { ... }}. Unlike the update block, each statement reads what the ones before it
 * wrote.
 */
public sealed interface Statement {
  SourceSpan span();

  <R> R accept(Visitor<R> visitor);

  /** One method per kind of statement, so that a new kind fails to compile until handled. */
  interface Visitor<R> {
    R visitAssignment(Assignment assignment);

    R visitEquation(Equation equation);

    R visitIf(If conditional);
  }

  /** How an assignment combines its value with the target's. */
  enum AssignmentOperator {
    SET("="),
    ADD("+="),
    SUBTRACT("-=");

    public final String symbol;

    AssignmentOperator(String symbol) {
      this.symbol = symbol;
    }
  }

  /**
   * {@code name = value}, {@code name += value} or {@code name -= value}: a jump of a state, or
   * a local's value. Which one is the checker's call.
   */
  record Assignment(Identifier target, AssignmentOperator operator, Expression value, SourceSpan span)
      implements Statement {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitAssignment(this);
    }
  }

  /**
   * {@code x' = value using method} where it does not belong: parsed so that the checker can say
   * that equations go in the update block.
   */
  record Equation(Identifier target, Expression value, Optional<Identifier> method, SourceSpan span)
      implements Statement {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitEquation(this);
    }
  }

  /** {@code if condition { ... } else { ... }}; {@code else if} is an {@code If} alone in {@code whenFalse}. */
  record If(Expression condition, List<Statement> whenTrue, List<Statement> whenFalse, SourceSpan span)
      implements Statement {
    public If {
      whenTrue = List.copyOf(whenTrue);
      whenFalse = List.copyOf(whenFalse);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitIf(this);
    }
  }
}
