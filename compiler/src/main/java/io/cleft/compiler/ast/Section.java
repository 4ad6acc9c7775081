package io.cleft.compiler.ast;

import io.cleft.compiler.source.SourceSpan;
import java.util.List;
import java.util.Optional;

/** One top-level section of a synapse. */
public sealed interface Section {
  SourceSpan span();

  /** The keyword that opens the section; a synapse has at most one section per keyword. */
  String keyword();

  <R> R accept(Visitor<R> visitor);

  /** One method per kind of section, so that a new kind fails to compile until handled. */
  interface Visitor<R> {
    R visitDeclarations(Declarations declarations);

    R visitUpdate(Update update);

    R visitInitial(Initial initial);

    R visitHandler(Handler handler);

    R visitCurrent(Current current);
  }

  /** Which kind of declarations a declaration section holds. */
  enum DeclarationKind {
    PARAMETERS("parameters"),
    CONSTANTS("constants"),
    STATES("states");

    private final String keyword;

    DeclarationKind(String keyword) {
      this.keyword = keyword;
    }

    public String keyword() {
      return keyword;
    }
  }

  /** {@code parameters { ... }}, {@code constants { ... }} or {@code states { ... }}. */
  record Declarations(DeclarationKind kind, List<Declaration> declarations, SourceSpan span)
      implements Section {
    public Declarations {
      declarations = List.copyOf(declarations);
    }

    @Override
    public String keyword() {
      return kind.keyword();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitDeclarations(this);
    }
  }

  /** {@code update { ... }}. */
  record Update(List<UpdateStatement> statements, SourceSpan span) implements Section {
    public Update {
      statements = List.copyOf(statements);
    }

    @Override
    public String keyword() {
      return "update";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitUpdate(this);
    }
  }

  /** {@code initial { ... }}: initial states and values derived from the parameters. */
  record Initial(List<Statement> statements, SourceSpan span) implements Section {
    public Initial {
      statements = List.copyOf(statements);
    }

    @Override
    public String keyword() {
      return "initial";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitInitial(this);
    }
  }

  /** {@code on event(argument unit, ...) { ... }}: what an event does to the states. */
  record Handler(Identifier event, List<HandlerArgument> arguments, List<Statement> statements, SourceSpan span)
      implements Section {
    public Handler {
      arguments = List.copyOf(arguments);
      statements = List.copyOf(statements);
    }

    /** {@code on pre} and {@code on post} are two sections: the keyword includes the event. */
    @Override
    public String keyword() {
      return "on " + event.name();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitHandler(this);
    }
  }

  /** {@code weight uS} in {@code on pre(weight uS)}; without a unit, dimensionless. */
  record HandlerArgument(Identifier name, Optional<UnitExpression> unit, SourceSpan span) {}

  /**
   * {@code current = expression}, or {@code current { ... }} whose statements define named
   * values and assign the current to {@code i}.
   *
   * @param value the expression of the short form; empty for the block form
   * @param statements the block form's statements; empty for the short form
   */
  record Current(Optional<Expression> value, List<Statement> statements, SourceSpan span) implements Section {
    public Current {
      statements = List.copyOf(statements);
    }

    @Override
    public String keyword() {
      return "current";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitCurrent(this);
    }
  }
}
