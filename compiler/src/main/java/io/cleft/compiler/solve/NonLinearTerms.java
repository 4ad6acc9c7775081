package io.cleft.compiler.solve;

import io.cleft.compiler.model.Expr;
import io.cleft.compiler.source.SourceSpan;
import java.util.Optional;

/** How diagnostics name the term that makes an equation not linear, for every method that needs it linear. */
final class NonLinearTerms {
  private NonLinearTerms() {}

  /**
   * "the term 'a*s'", as written, and where it is when that is in a local's definition.
   *
   * @param local the local whose definition holds the term, if it is not the equation's own
   */
  static String describe(Expr term, Optional<String> local) {
    SourceSpan span = term.span();
    String described = span.endLine() == span.line() ? "the term '" + span.textOnFirstLine() + "'" : "this term";
    return local.map(name -> described + " in the definition of '" + name + "'").orElse(described);
  }
}
