package io.cleft.compiler.model;

import io.cleft.compiler.ast.Statement.AssignmentOperator;
import io.cleft.compiler.source.SourceSpan;
import java.util.List;

/**
 * A resolved statement of a block that runs in order ({@code initial}, a handler, the current
 * block): each reads the values the statements before it wrote.
 */
public sealed interface Statement {
  SourceSpan span();

  <R> R accept(Visitor<R> visitor);

  /** One method per kind of statement, so that a new kind fails to compile until handled. */
  interface Visitor<R> {
    R visitAssignment(Assignment assignment);

    R visitIf(If conditional);
  }

  /**
   * {@code target = value} (or {@code +=}, {@code -=}): target is a {@link Symbol.State} (a
   * jump) or a {@link Symbol.Local} of the block; for the local's first assignment, its
   * definition is {@code value}.
   */
  record Assignment(Symbol target, AssignmentOperator operator, Expr value, SourceSpan span) implements Statement {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitAssignment(this);
    }
  }

  /** {@code if condition { whenTrue } else { whenFalse }}; locals first defined in a branch stay in it. */
  record If(Expr condition, List<Statement> whenTrue, List<Statement> whenFalse, SourceSpan span) implements Statement {
    public If {
      whenTrue = List.copyOf(whenTrue);
      whenFalse = List.copyOf(whenFalse);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitIf(this);
    }
  }

  /** Calls {@code action} on every expression of the statements, branches included, in order. */
  static void forEachExpression(List<Statement> statements, java.util.function.Consumer<Expr> action) {
    for (Statement statement : statements) {
      statement.accept(
          new Visitor<Void>() {
            @Override
            public Void visitAssignment(Assignment assignment) {
              action.accept(assignment.value());
              return null;
            }

            @Override
            public Void visitIf(If conditional) {
              action.accept(conditional.condition());
              forEachExpression(conditional.whenTrue(), action);
              forEachExpression(conditional.whenFalse(), action);
              return null;
            }
          });
    }
  }

  /** Calls {@code action} on every assignment of the statements, branches included, in order. */
  static void forEachAssignment(List<Statement> statements, java.util.function.Consumer<Assignment> action) {
    for (Statement statement : statements) {
      statement.accept(
          new Visitor<Void>() {
            @Override
            public Void visitAssignment(Assignment assignment) {
              action.accept(assignment);
              return null;
            }

            @Override
            public Void visitIf(If conditional) {
              forEachAssignment(conditional.whenTrue(), action);
              forEachAssignment(conditional.whenFalse(), action);
              return null;
            }
          });
    }
  }
}
