package io.cleft.compiler.solve;

import io.cleft.compiler.model.Expr;
import io.cleft.compiler.model.ExprWalker;
import io.cleft.compiler.model.Symbol;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Proves, symbolically, that a right-hand side is linear in a state, or finds the term that is
 * not. Locals are looked through: {@code tau = 1/(a + s)} makes {@code (1 - s)/tau} nonlinear
 * in {@code s}, while a local that does not mention the state stays one opaque name. The form
 * of a local that does is found once, and its parts are read from locals of their own
 * ({@link SolverLocals}), so the work and the result grow linearly with the locals.
 */
final class LinearDecomposer {
  private final Symbol.State x;
  private final Exprs build;
  private final SolverLocals solverLocals;
  private final Map<Symbol.Local, Boolean> localMentions = new HashMap<>();
  /** The form of each local that mentions x, its parts read from locals (see {@link SolverLocals}). */
  private final Map<Symbol.Local, LinearForm> localForms = new HashMap<>();
  /**
   * The update block's locals, the only ones looked through. A value derived in 'initial' is a
   * Local too, but it is fixed over the step (computed once, perhaps from the states' initial
   * values), so it is opaque like a parameter; looking through it would also meet locals of
   * another block, whose indices do not order them among the update's (an internal error).
   */
  private final Set<Symbol.Local> stepLocals;

  LinearDecomposer(Symbol.State x, Exprs build, SolverLocals solverLocals, Set<Symbol.Local> stepLocals) {
    this.x = x;
    this.build = build;
    this.solverLocals = solverLocals;
    this.stepLocals = stepLocals;
  }

  LinearForm decompose(Expr f) {
    prepareLocals(f);
    return decomposeExpr(f);
  }

  /**
   * Finds whether each local {@code f} reaches mentions x, and decomposes those that do, in
   * definition order: each then finds the locals it reads done, so nothing recurses from one
   * local's definition into another's, however long a chain of locals is.
   */
  private void prepareLocals(Expr f) {
    List<Symbol.Local> reached = new ArrayList<>();
    Set<Symbol.Local> seen = new HashSet<>();
    Deque<Expr> pending = new ArrayDeque<>(List.of(f));
    while (!pending.isEmpty()) {
      Expr expr = pending.pop();
      if (expr instanceof Expr.Reference reference && reference.symbol() instanceof Symbol.Local local) {
        if (stepLocals.contains(local) && seen.add(local)) {
          reached.add(local);
          pending.push(local.definition());
        }
      } else {
        ExprWalker.children(expr).forEach(pending::push);
      }
    }
    reached.sort(Comparator.comparingInt(Symbol.Local::index));
    for (Symbol.Local local : reached) {
      localMentions.put(local, mentionsState(local.definition()));
    }
    for (Symbol.Local local : reached) {
      if (localMentions.get(local)) {
        localForms.put(local, shared(local, decomposeExpr(local.definition())));
      }
    }
  }

  /**
   * {@code form} of {@code local} with each part that is more than a number or a name made a
   * local of its own, so that every use of {@code local} reads the parts instead of copying them.
   */
  private LinearForm shared(Symbol.Local local, LinearForm form) {
    if (form instanceof LinearForm.NonLinear nonLinear && nonLinear.local().isEmpty()) {
      return new LinearForm.NonLinear(nonLinear.term(), nonLinear.reason(), Optional.of(local.name()));
    }
    if (!(form instanceof LinearForm.Linear linear)) {
      return form;
    }
    String prefix = local.name() + "_" + x.name() + "_";
    return new LinearForm.Linear(
        linear.p().map(p -> share(prefix + "constant", p, local)),
        share(prefix + "coefficient", linear.q(), local),
        linear.d().map(d -> share(prefix + "denominator", d, local)));
  }

  private Expr share(String name, Expr part, Symbol.Local of) {
    if (isSimple(part)) {
      return part;
    }
    return build.read(solverLocals.define(name, part, of));
  }

  /** A number or a name, perhaps negated: as cheap to copy as to read from a local. */
  private static boolean isSimple(Expr expr) {
    if (expr instanceof Expr.Negate negate) {
      return isSimple(negate.operand());
    }
    return expr instanceof Expr.Literal || expr instanceof Expr.Reference;
  }

  private LinearForm decomposeExpr(Expr f) {
    if (!mentionsState(f)) {
      return new LinearForm.Independent(f);
    }
    return f.accept(forms);
  }

  /** The form of each kind of expression that mentions the state. */
  private final Expr.Visitor<LinearForm> forms =
      new Expr.Visitor<>() {
        @Override
        public LinearForm visitReference(Expr.Reference reference) {
          if (reference.symbol().equals(x)) {
            return new LinearForm.Linear(Optional.empty(), build.literal(1), Optional.empty());
          }
          // Only a local that mentions x gets here, and prepareLocals has decomposed it.
          return localForms.get((Symbol.Local) reference.symbol());
        }

        @Override
        public LinearForm visitNegate(Expr.Negate negate) {
          LinearForm operand = decomposeExpr(negate.operand());
          if (operand instanceof LinearForm.Linear l) {
            return new LinearForm.Linear(l.p().map(build::negate), build.negate(l.q()), l.d());
          }
          return operand;
        }

        @Override
        public LinearForm visitArithmetic(Expr.Arithmetic arithmetic) {
          return arithmetic(arithmetic);
        }

        @Override
        public LinearForm visitCall(Expr.Call call) {
          return new LinearForm.NonLinear(
              call, "'" + x.name() + "' appears inside " + call.function().symbol() + "(...)");
        }

        @Override
        public LinearForm visitConditional(Expr.Conditional conditional) {
          return new LinearForm.NonLinear(conditional, "'" + x.name() + "' appears in a conditional");
        }

        // The rest never mention the state in a checked model: a literal or an erroneous
        // expression reads nothing, and a condition is never a derivative.
        @Override
        public LinearForm visitErroneous(Expr.Erroneous erroneous) {
          return nonArithmetic(erroneous);
        }

        @Override
        public LinearForm visitLiteral(Expr.Literal literal) {
          return nonArithmetic(literal);
        }

        @Override
        public LinearForm visitComparison(Expr.Comparison comparison) {
          return nonArithmetic(comparison);
        }

        @Override
        public LinearForm visitLogical(Expr.Logical logical) {
          return nonArithmetic(logical);
        }

        @Override
        public LinearForm visitNot(Expr.Not not) {
          return nonArithmetic(not);
        }

        private LinearForm nonArithmetic(Expr f) {
          return new LinearForm.NonLinear(f, "'" + x.name() + "' appears in a non-arithmetic expression");
        }
      };

  private LinearForm arithmetic(Expr.Arithmetic arithmetic) {
    LinearForm left = decomposeExpr(arithmetic.left());
    LinearForm right = decomposeExpr(arithmetic.right());
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
        return stepLocals.contains(local) && localMentions.get(local);
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
