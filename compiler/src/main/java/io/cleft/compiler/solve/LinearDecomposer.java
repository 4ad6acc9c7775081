package io.cleft.compiler.solve;

import io.cleft.compiler.model.Expr;
import io.cleft.compiler.model.ExprWalker;
import io.cleft.compiler.model.Symbol;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Proves, symbolically, that a right-hand side is linear in a state, or finds the term that is
 * not. Locals are looked through: {@code tau = 1/(a + s)} makes {@code (1 - s)/tau} nonlinear
 * in {@code s}, while a local that does not mention the state stays one opaque name.
 */
final class LinearDecomposer {
  private final Symbol.State x;
  private final Exprs build;
  private final Map<Symbol.Local, Boolean> localMentions = new HashMap<>();

  LinearDecomposer(Symbol.State x, Exprs build) {
    this.x = x;
    this.build = build;
  }

  LinearForm decompose(Expr f) {
    if (!mentionsState(f)) {
      return new LinearForm.Independent(f);
    }
    if (f instanceof Expr.Reference reference) {
      if (reference.symbol().equals(x)) {
        return new LinearForm.Linear(Optional.empty(), build.literal(1), Optional.empty());
      }
      // Only a local that mentions x gets here.
      Symbol.Local local = (Symbol.Local) reference.symbol();
      LinearForm form = decompose(local.definition());
      if (form instanceof LinearForm.NonLinear nonLinear && nonLinear.local().isEmpty()) {
        return new LinearForm.NonLinear(nonLinear.term(), nonLinear.reason(), Optional.of(local.name()));
      }
      return form;
    }
    if (f instanceof Expr.Negate negate) {
      LinearForm operand = decompose(negate.operand());
      if (operand instanceof LinearForm.Linear l) {
        return new LinearForm.Linear(l.p().map(build::negate), build.negate(l.q()), l.d());
      }
      return operand;
    }
    if (f instanceof Expr.Arithmetic arithmetic) {
      return arithmetic(arithmetic);
    }
    String name = x.name();
    if (f instanceof Expr.Call call) {
      return new LinearForm.NonLinear(
          call, "'" + name + "' appears inside " + call.function().symbol() + "(...)");
    }
    if (f instanceof Expr.Conditional) {
      return new LinearForm.NonLinear(f, "'" + name + "' appears in a conditional");
    }
    return new LinearForm.NonLinear(f, "'" + name + "' appears in a non-arithmetic expression");
  }

  private LinearForm arithmetic(Expr.Arithmetic arithmetic) {
    LinearForm left = decompose(arithmetic.left());
    LinearForm right = decompose(arithmetic.right());
    if (left instanceof LinearForm.NonLinear) {
      return left;
    }
    if (right instanceof LinearForm.NonLinear && arithmetic.operator() != Expr.ArithmeticOperator.DIVIDE) {
      return right;
    }
    String name = x.name();
    switch (arithmetic.operator()) {
      case ADD:
        return sum(left, right, false);
      case SUBTRACT:
        return sum(left, right, true);
      case MULTIPLY:
        if (left instanceof LinearForm.Linear l && right instanceof LinearForm.Independent r) {
          return scaled(l, r.expr());
        }
        if (left instanceof LinearForm.Independent l && right instanceof LinearForm.Linear r) {
          return scaled(r, l.expr());
        }
        return new LinearForm.NonLinear(
            arithmetic, "it multiplies two factors that both depend on '" + name + "'");
      case DIVIDE:
        if (!(right instanceof LinearForm.Independent)) {
          boolean local =
              arithmetic.right() instanceof Expr.Reference divisor && divisor.symbol() instanceof Symbol.Local;
          return new LinearForm.NonLinear(
              arithmetic.right(),
              local
                  ? "it depends on '" + name + "' and is in a denominator"
                  : "'" + name + "' appears in a denominator");
        }
        LinearForm.Linear l = (LinearForm.Linear) left;
        Expr divisor = ((LinearForm.Independent) right).expr();
        return new LinearForm.Linear(
            l.p(), l.q(), Optional.of(l.d().map(d -> build.multiply(d, divisor)).orElse(divisor)));
      case POWER:
        return new LinearForm.NonLinear(arithmetic, "'" + name + "' appears in a power");
      default:
        throw new AssertionError(arithmetic.operator());
    }
  }

  private LinearForm.Linear scaled(LinearForm.Linear l, Expr factor) {
    return new LinearForm.Linear(
        l.p().map(p -> build.multiply(p, factor)), build.multiply(l.q(), factor), l.d());
  }

  /** left + right or left - right, where at least one side is linear. */
  private LinearForm sum(LinearForm left, LinearForm right, boolean subtract) {
    if (right instanceof LinearForm.Independent c) {
      LinearForm.Linear l = (LinearForm.Linear) left;
      // (p + q*x)/d ± c = (p ± c*d + q*x)/d
      Expr shifted = l.d().map(d -> build.multiply(c.expr(), d)).orElse(c.expr());
      return new LinearForm.Linear(combine(l.p(), Optional.of(shifted), subtract), l.q(), l.d());
    }
    LinearForm.Linear r = (LinearForm.Linear) right;
    if (left instanceof LinearForm.Independent c) {
      // c ± (p + q*x)/d = (c*d ± p ± q*x)/d
      Expr shifted = r.d().map(d -> build.multiply(c.expr(), d)).orElse(c.expr());
      Expr q = subtract ? build.negate(r.q()) : r.q();
      return new LinearForm.Linear(combine(Optional.of(shifted), r.p(), subtract), q, r.d());
    }
    LinearForm.Linear l = (LinearForm.Linear) left;
    if (l.d().isEmpty() && r.d().isEmpty()
        || l.d().isPresent() && r.d().isPresent() && Exprs.sameShape(l.d().get(), r.d().get())) {
      return new LinearForm.Linear(
          combine(l.p(), r.p(), subtract),
          combine(Optional.of(l.q()), Optional.of(r.q()), subtract).orElseThrow(),
          l.d());
    }
    // Bring both over the common denominator dl*dr (an absent one is 1).
    Expr dl = l.d().orElse(build.literal(1));
    Expr dr = r.d().orElse(build.literal(1));
    return new LinearForm.Linear(
        combine(l.p().map(p -> build.multiply(p, dr)), r.p().map(p -> build.multiply(p, dl)), subtract),
        combine(Optional.of(build.multiply(l.q(), dr)), Optional.of(build.multiply(r.q(), dl)), subtract)
            .orElseThrow(),
        Optional.of(build.multiply(dl, dr)));
  }

  private Optional<Expr> combine(Optional<Expr> a, Optional<Expr> b, boolean subtract) {
    if (a.isEmpty()) {
      return b.map(v -> subtract ? build.negate(v) : v);
    }
    if (b.isEmpty()) {
      return a;
    }
    return Optional.of(subtract ? build.subtract(a.get(), b.get()) : build.add(a.get(), b.get()));
  }

  private boolean mentionsState(Expr expr) {
    if (expr instanceof Expr.Reference reference) {
      if (reference.symbol().equals(x)) {
        return true;
      }
      if (reference.symbol() instanceof Symbol.Local local) {
        Boolean known = localMentions.get(local);
        if (known == null) {
          known = mentionsState(local.definition());
          localMentions.put(local, known);
        }
        return known;
      }
      return false;
    }
    for (Expr child : ExprWalker.children(expr)) {
      if (mentionsState(child)) {
        return true;
      }
    }
    return false;
  }
}
