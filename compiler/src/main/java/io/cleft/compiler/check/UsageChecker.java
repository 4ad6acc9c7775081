package io.cleft.compiler.check;

import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.diagnostic.DiagnosticCollector;
import io.cleft.compiler.model.Expr;
import io.cleft.compiler.model.ExprTraversal;
import io.cleft.compiler.model.Statement;
import io.cleft.compiler.model.Symbol;
import io.cleft.compiler.model.SynapseModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Warns about declarations that have no effect: a local, parameter or constant nobody reads, and
 * a state nothing updates (it keeps its initial value forever).
 */
public final class UsageChecker {
  private UsageChecker() {}

  public static void check(SynapseModel model, DiagnosticCollector diagnostics) {
    Set<Symbol> used = new HashSet<>();
    model.locals().forEach(l -> collect(l.definition(), used));
    model.updates().forEach(update -> collect(update.rightHandSide(), used));
    collect(model.current(), used);
    // A law's total is read where its last state is computed, which the ODEs may not show.
    Set<Symbol.State> conserved = new HashSet<>();
    model.schemes().forEach(scheme -> scheme.law().ifPresent(law -> {
      collect(law.total(), used);
      conserved.add(law.replaced());
    }));
    List<List<Statement>> blocks = new ArrayList<>();
    blocks.add(model.initial());
    model.handlers().forEach(handler -> blocks.add(handler.statements()));
    blocks.add(model.currentStatements());
    Set<Symbol.State> jumped = new HashSet<>();
    // Locals of these blocks in order of definition; the current block's are recorded, so used.
    Set<Symbol.Local> blockLocals = new LinkedHashSet<>();
    for (List<Statement> block : blocks) {
      Statement.forEachExpression(block, expr -> collect(expr, used));
      Statement.forEachAssignment(block, assignment -> {
        if (assignment.target() instanceof Symbol.State state && block != model.initial()) {
          jumped.add(state);
        } else if (assignment.target() instanceof Symbol.Local local && block != model.currentStatements()) {
          blockLocals.add(local);
        }
      });
    }

    for (Symbol.Local local : blockLocals) {
      if (!used.contains(local)) {
        diagnostics.warning(
            DiagnosticCode.UNUSED_LOCAL, local.span(), "local '" + local.name() + "' is never used");
      }
    }
    for (Symbol.Local local : model.locals()) {
      if (!used.contains(local)) {
        diagnostics.warning(
            DiagnosticCode.UNUSED_LOCAL, local.span(), "local '" + local.name() + "' is never used");
      }
    }
    for (Symbol.Parameter parameter : model.parameters()) {
      if (!used.contains(parameter)) {
        diagnostics.warning(
            DiagnosticCode.UNUSED_PARAMETER, parameter.span(), "parameter '" + parameter.name() + "' is never used");
      }
    }
    for (Symbol.Constant constant : model.constants()) {
      if (!used.contains(constant)) {
        diagnostics.warning(
            DiagnosticCode.UNUSED_CONSTANT, constant.span(), "constant '" + constant.name() + "' is never used");
      }
    }
    for (Symbol.State state : model.states()) {
      if (model.updateOf(state).isEmpty() && !jumped.contains(state) && !conserved.contains(state)) {
        diagnostics.warning(
            DiagnosticCode.STATE_NEVER_UPDATED,
            state.span(),
            "state '" + state.name() + "' is never updated and keeps its initial value; give it a next value or an equation in 'update', or a jump in a handler");
      }
    }
  }

  private static void collect(Expr expr, Set<Symbol> used) {
    expr.accept(
        new ExprTraversal() {
          @Override
          public Void visitReference(Expr.Reference reference) {
            used.add(reference.symbol());
            return null;
          }
        });
  }
}
