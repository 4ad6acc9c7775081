package io.cleft.compiler.ast;

import io.cleft.compiler.source.SourceSpan;
import java.util.List;

/** One top-level section of a synapse. */
public sealed interface Section {
  SourceSpan span();

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
  }

  /** {@code update { ... }}. */
  record Update(List<UpdateStatement> statements, SourceSpan span) implements Section {
    public Update {
      statements = List.copyOf(statements);
    }
  }

  /** {@code current = expression}. */
  record Current(Expression value, SourceSpan span) implements Section {}
}
