package io.cleft.compiler.check;

import io.cleft.compiler.diagnostic.Diagnostic;
import io.cleft.compiler.model.Expr;
import io.cleft.compiler.model.ExprTraversal;
import io.cleft.compiler.model.StateUpdate;
import io.cleft.compiler.model.Symbol;
import io.cleft.compiler.model.SynapseModel;
import io.cleft.compiler.source.SourceSpan;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The differential equations of a model with errors that no error touches, so that the solver
 * can still prove their linearity and one run reports those problems too. An equation is
 * untouched when neither it nor the definition of any local it reads (through other locals)
 * holds an unresolved name or the position of an error; anything else could make the solver
 * report a consequence of an error already reported.
 */
public final class UntouchedEquations {
  private UntouchedEquations() {}

  /** {@code model} with only its untouched equations as updates (no next values). */
  public static SynapseModel of(SynapseModel model, List<Diagnostic> diagnostics) {
    List<SourceSpan> errors =
        diagnostics.stream().filter(Diagnostic::isError).flatMap(d -> d.span().stream()).toList();
    List<StateUpdate> untouched =
        model.updates().stream()
            .filter(update -> update instanceof StateUpdate.Derivative)
            .filter(update -> isUntouched((StateUpdate.Derivative) update, errors))
            .toList();
    return model.withUpdate(model.locals(), untouched);
  }

  private static boolean isUntouched(StateUpdate.Derivative equation, List<SourceSpan> errors) {
    if (containsAny(equation.span(), errors)) {
      return false;
    }
    // Every local read, once: locals may share locals, and visiting each path would be exponential.
    Set<Symbol.Local> seen = new HashSet<>();
    Deque<Expr> pending = new ArrayDeque<>(List.of(equation.derivative()));
    while (!pending.isEmpty()) {
      boolean[] erroneous = {false};
      pending.pop().accept(
          new ExprTraversal() {
            @Override
            public Void visitErroneous(Expr.Erroneous expr) {
              erroneous[0] = true;
              return null;
            }

            @Override
            public Void visitReference(Expr.Reference reference) {
              if (reference.symbol() instanceof Symbol.Local local && seen.add(local)) {
                pending.push(local.definition());
              }
              return null;
            }
          });
      if (erroneous[0]) {
        return false;
      }
    }
    return seen.stream()
        .noneMatch(local -> containsAny(local.span(), errors) || containsAny(local.definition().span(), errors));
  }

  private static boolean containsAny(SourceSpan outer, List<SourceSpan> spans) {
    return spans.stream().anyMatch(inner -> contains(outer, inner));
  }

  private static boolean contains(SourceSpan outer, SourceSpan inner) {
    boolean startsInside =
        inner.line() > outer.line() || (inner.line() == outer.line() && inner.column() >= outer.column());
    boolean endsInside =
        inner.endLine() < outer.endLine()
            || (inner.endLine() == outer.endLine() && inner.endColumn() <= outer.endColumn());
    return inner.file().equals(outer.file()) && startsInside && endsInside;
  }
}
