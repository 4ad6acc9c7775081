package io.cleft.compiler.solve;

import io.cleft.compiler.model.Expr;
import io.cleft.compiler.model.Symbol;
import io.cleft.compiler.source.SourceSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * The locals the solver adds to a model: parts of the linear form of a local that mentions the
 * state, and the stages of a Runge-Kutta step, computed once and read wherever they are used,
 * rather than copied into every use (copies of copies grow exponentially with locals that each
 * use the one before twice). They
 * come after the model's own locals, and each after those it reads, so definition order stays
 * dependency order.
 */
final class SolverLocals {
  private final List<Symbol.Local> added = new ArrayList<>();
  private int nextIndex;

  SolverLocals(int modelLocals) {
    this.nextIndex = modelLocals;
  }

  /** A new local {@code name} defined as {@code definition}, where {@code of} is defined. */
  Symbol.Local define(String name, Expr definition, Symbol.Local of) {
    return define(name, definition, of.span());
  }

  /** A new local {@code name} defined as {@code definition}, reported at {@code span}. */
  Symbol.Local define(String name, Expr definition, SourceSpan span) {
    Symbol.Local local = new Symbol.Local(name, nextIndex++, definition, span);
    added.add(local);
    return local;
  }

  List<Symbol.Local> added() {
    return List.copyOf(added);
  }
}
