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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Proves, symbolically, that a right-hand side is linear in the states of a system, reading off
 * the coefficient of each, or finds the term that is not: {@link LinearDecomposer} for several
 * variables. Locals are looked through as there: a local that mentions none of the states stays
 * one opaque name; the form of one that does is found once, its parts read from locals of their
 * own ({@link SolverLocals}), so the work and the result grow linearly with the locals.
 */
final class SystemDecomposer {
  private final Set<Symbol.State> states;
  private final Exprs build;
  private final SolverLocals solverLocals;
  private final Map<Symbol.Local, Boolean> localMentions = new HashMap<>();
  private final Map<Symbol.Local, SystemForm> localForms = new HashMap<>();
  /**
   * The update block's locals, the only ones looked through. A value derived in 'initial' is a
   * Local too, but it is fixed over the step, so it is opaque like a parameter; looking through
   * it would also meet locals of another block, whose indices do not order them among the
   * update's (the fuzz test found the internal error that gave).
   */
  private final Set<Symbol.Local> stepLocals;

  /**
   * Which step locals mention a state of the system: the walk of {@link #prepareLocals} stops at
   * those that do not. One for all equations of a system, so that each local is looked at once
   * for the system, not once per equation (docs/BENCHMARKS.md, "Compile time").
   */
  private final StatesReadThroughLocals reads;

  SystemDecomposer(Set<Symbol.State> states, Exprs build, SolverLocals solverLocals, Set<Symbol.Local> stepLocals) {
    this(states, build, solverLocals, stepLocals, new StatesReadThroughLocals(states, stepLocals));
  }

  /** @param reads over {@code states} and {@code stepLocals}, shared by the system's equations */
  SystemDecomposer(
      Set<Symbol.State> states, Exprs build, SolverLocals solverLocals, Set<Symbol.Local> stepLocals,
      StatesReadThroughLocals reads) {
    this.states = states;
    this.build = build;
    this.solverLocals = solverLocals;
    this.stepLocals = stepLocals;
    this.reads = reads;
  }

  SystemForm decompose(Expr f) {
    prepareLocals(f);
    return decomposeExpr(f);
  }

  /** As in {@link LinearDecomposer}: every local f reaches, decomposed in definition order. */
  private void prepareLocals(Expr f) {
    List<Symbol.Local> reached = new ArrayList<>();
    Set<Symbol.Local> seen = new HashSet<>();
    Deque<Expr> pending = new ArrayDeque<>(List.of(f));
    while (!pending.isEmpty()) {
      Expr expr = pending.pop();
      if (expr instanceof Expr.Reference reference && reference.symbol() instanceof Symbol.Local local) {
        if (stepLocals.contains(local) && !localMentions.containsKey(local) && seen.add(local)) {
          if (reads.readsAny(local)) {
            reached.add(local);
            pending.push(local.definition());
          } else {
            // Opaque to the system, and so is everything it reads: no need to walk it.
            localMentions.put(local, false);
          }
        }
      } else {
        ExprWalker.children(expr).forEach(pending::push);
      }
    }
    reached.sort(Comparator.comparingInt(Symbol.Local::index));
    // Reached means it reads a state of the system (reads.readsAny): all are marked before any is
    // decomposed, as decomposing one looks its locals up.
    for (Symbol.Local local : reached) {
      localMentions.put(local, true);
    }
    for (Symbol.Local local : reached) {
      localForms.put(local, shared(local, decomposeExpr(local.definition())));
    }
  }

  /** {@code form} of {@code local} with each part more than a number or a name made a local. */
  private SystemForm shared(Symbol.Local local, SystemForm form) {
    if (form instanceof SystemForm.NonLinear nonLinear && nonLinear.local().isEmpty()) {
      return new SystemForm.NonLinear(nonLinear.term(), nonLinear.reason(), Optional.of(local.name()));
    }
    if (!(form instanceof SystemForm.Linear linear)) {
      return form;
    }
    // Parts in the order constant, coefficients, denominator, so that their locals are defined so.
    Optional<Expr> rest = linear.rest().map(p -> share(partName(local, "constant", Optional.empty()), p, local));
    Map<Symbol.State, Expr> coefficients = new LinkedHashMap<>();
    linear.coefficients().forEach(
        (x, c) -> coefficients.put(x, share(partName(local, "coefficient", Optional.of(x)), c, local)));
    return new SystemForm.Linear(
        rest, coefficients, linear.d().map(d -> share(partName(local, "denominator", Optional.empty()), d, local)));
  }

  /**
   * {@code tau_s_coefficient} for one state s, as {@link LinearDecomposer} has always named
   * them; {@code tau_exact_coefficient_s} in a system.
   */
  private String partName(Symbol.Local local, String part, Optional<Symbol.State> of) {
    if (states.size() == 1) {
      return local.name() + "_" + states.iterator().next().name() + "_" + part;
    }
    return local.name() + "_exact_" + part + of.map(x -> "_" + x.name()).orElse("");
  }

  private Expr share(String name, Expr part, Symbol.Local of) {
    if (isSimple(part)) {
      return part;
    }
    return build.read(solverLocals.define(name, part, of));
  }

  private static boolean isSimple(Expr expr) {
    if (expr instanceof Expr.Negate negate) {
      return isSimple(negate.operand());
    }
    return expr instanceof Expr.Literal || expr instanceof Expr.Reference;
  }

  private SystemForm decomposeExpr(Expr f) {
    if (!mentionsState(f)) {
      return new SystemForm.Independent(f);
    }
    return f.accept(forms);
  }

  private final Expr.Visitor<SystemForm> forms =
      new Expr.Visitor<>() {
        @Override
        public SystemForm visitReference(Expr.Reference reference) {
          if (reference.symbol() instanceof Symbol.State state && states.contains(state)) {
            return new SystemForm.Linear(Optional.empty(), Map.of(state, build.literal(1)), Optional.empty());
          }
          // Only a local that mentions a state of the system gets here, decomposed by prepareLocals.
          return localForms.get((Symbol.Local) reference.symbol());
        }

        @Override
        public SystemForm visitNegate(Expr.Negate negate) {
          SystemForm operand = decomposeExpr(negate.operand());
          if (operand instanceof SystemForm.Linear l) {
            Map<Symbol.State, Expr> negated = new LinkedHashMap<>();
            l.coefficients().forEach((x, c) -> negated.put(x, build.negate(c)));
            return new SystemForm.Linear(l.rest().map(build::negate), negated, l.d());
          }
          return operand;
        }

        @Override
        public SystemForm visitArithmetic(Expr.Arithmetic arithmetic) {
          return arithmetic(arithmetic);
        }

        @Override
        public SystemForm visitCall(Expr.Call call) {
          return new SystemForm.NonLinear(
              call, "'" + firstState(call) + "' appears inside " + call.function().symbol() + "(...)");
        }

        @Override
        public SystemForm visitConditional(Expr.Conditional conditional) {
          return new SystemForm.NonLinear(conditional, "'" + firstState(conditional) + "' appears in a conditional");
        }

        // The rest never mention a state in a checked model (see LinearDecomposer).
        @Override
        public SystemForm visitErroneous(Expr.Erroneous erroneous) {
          return nonArithmetic(erroneous);
        }

        @Override
        public SystemForm visitLiteral(Expr.Literal literal) {
          return nonArithmetic(literal);
        }

        @Override
        public SystemForm visitComparison(Expr.Comparison comparison) {
          return nonArithmetic(comparison);
        }

        @Override
        public SystemForm visitLogical(Expr.Logical logical) {
          return nonArithmetic(logical);
        }

        @Override
        public SystemForm visitNot(Expr.Not not) {
          return nonArithmetic(not);
        }

        private SystemForm nonArithmetic(Expr f) {
          return new SystemForm.NonLinear(f, "'" + firstState(f) + "' appears in a non-arithmetic expression");
        }
      };

  private SystemForm arithmetic(Expr.Arithmetic arithmetic) {
    SystemForm left = decomposeExpr(arithmetic.left());
    SystemForm right = decomposeExpr(arithmetic.right());
    if (left instanceof SystemForm.NonLinear) {
      return left;
    }
    if (right instanceof SystemForm.NonLinear && arithmetic.operator() != Expr.ArithmeticOperator.DIVIDE) {
      return right;
    }
    switch (arithmetic.operator()) {
      case ADD:
        return sum(left, right, false);
      case SUBTRACT:
        return sum(left, right, true);
      case MULTIPLY:
        if (left instanceof SystemForm.Linear l && right instanceof SystemForm.Independent r) {
          return scaled(l, r.expr());
        }
        if (left instanceof SystemForm.Independent l && right instanceof SystemForm.Linear r) {
          return scaled(r, l.expr());
        }
        return new SystemForm.NonLinear(arithmetic, bothFactors(arithmetic));
      case DIVIDE:
        if (!(right instanceof SystemForm.Independent)) {
          String name = firstState(arithmetic.right());
          boolean local =
              arithmetic.right() instanceof Expr.Reference divisor && divisor.symbol() instanceof Symbol.Local;
          return new SystemForm.NonLinear(
              arithmetic.right(),
              local
                  ? "it depends on '" + name + "' and is in a denominator"
                  : "'" + name + "' appears in a denominator");
        }
        SystemForm.Linear l = (SystemForm.Linear) left;
        Expr divisor = ((SystemForm.Independent) right).expr();
        return new SystemForm.Linear(
            l.rest(), l.coefficients(), Optional.of(l.d().map(d -> build.multiply(d, divisor)).orElse(divisor)));
      case POWER:
        return new SystemForm.NonLinear(arithmetic, "'" + firstState(arithmetic) + "' appears in a power");
      default:
        throw new AssertionError(arithmetic.operator());
    }
  }

  private String bothFactors(Expr.Arithmetic product) {
    String left = firstState(product.left());
    String right = firstState(product.right());
    if (left.equals(right)) {
      return "it multiplies two factors that both depend on '" + left + "'";
    }
    return "it multiplies two factors that depend on states of the system ('" + left + "' and '" + right + "')";
  }

  private SystemForm.Linear scaled(SystemForm.Linear l, Expr factor) {
    Map<Symbol.State, Expr> coefficients = new LinkedHashMap<>();
    l.coefficients().forEach((x, c) -> coefficients.put(x, build.multiply(c, factor)));
    return new SystemForm.Linear(l.rest().map(p -> build.multiply(p, factor)), coefficients, l.d());
  }

  /** left + right or left - right, where at least one side is linear. */
  private SystemForm sum(SystemForm left, SystemForm right, boolean subtract) {
    if (right instanceof SystemForm.Independent c) {
      SystemForm.Linear l = (SystemForm.Linear) left;
      Expr shifted = l.d().map(d -> build.multiply(c.expr(), d)).orElse(c.expr());
      return new SystemForm.Linear(combine(l.rest(), Optional.of(shifted), subtract), l.coefficients(), l.d());
    }
    SystemForm.Linear r = (SystemForm.Linear) right;
    if (left instanceof SystemForm.Independent c) {
      Expr shifted = r.d().map(d -> build.multiply(c.expr(), d)).orElse(c.expr());
      return new SystemForm.Linear(
          combine(Optional.of(shifted), r.rest(), subtract), merge(Map.of(), r.coefficients(), subtract), r.d());
    }
    SystemForm.Linear l = (SystemForm.Linear) left;
    if (l.d().isEmpty() && r.d().isEmpty()
        || l.d().isPresent() && r.d().isPresent() && Exprs.sameShape(l.d().get(), r.d().get())) {
      return new SystemForm.Linear(
          combine(l.rest(), r.rest(), subtract), merge(l.coefficients(), r.coefficients(), subtract), l.d());
    }
    // Bring both over the common denominator dl*dr (an absent one is 1).
    Expr dl = l.d().orElse(build.literal(1));
    Expr dr = r.d().orElse(build.literal(1));
    return new SystemForm.Linear(
        combine(l.rest().map(p -> build.multiply(p, dr)), r.rest().map(p -> build.multiply(p, dl)), subtract),
        merge(scale(l.coefficients(), dr), scale(r.coefficients(), dl), subtract),
        Optional.of(build.multiply(dl, dr)));
  }

  private Map<Symbol.State, Expr> scale(Map<Symbol.State, Expr> coefficients, Expr factor) {
    Map<Symbol.State, Expr> scaled = new LinkedHashMap<>();
    coefficients.forEach((x, c) -> scaled.put(x, build.multiply(c, factor)));
    return scaled;
  }

  /** The coefficients of a ± b, state by state. */
  private Map<Symbol.State, Expr> merge(Map<Symbol.State, Expr> a, Map<Symbol.State, Expr> b, boolean subtract) {
    Map<Symbol.State, Expr> merged = new LinkedHashMap<>(a);
    b.forEach((x, c) -> merged.put(x, combine(Optional.ofNullable(a.get(x)), Optional.of(c), subtract).orElseThrow()));
    return merged;
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

  /** The name of a state of the system that {@code expr} mentions, directly or through locals. */
  private String firstState(Expr expr) {
    Deque<Expr> pending = new ArrayDeque<>(List.of(expr));
    Set<Symbol.Local> seen = new HashSet<>();
    while (!pending.isEmpty()) {
      Expr e = pending.pop();
      if (e instanceof Expr.Reference reference) {
        if (reference.symbol() instanceof Symbol.State state && states.contains(state)) {
          return state.name();
        }
        if (reference.symbol() instanceof Symbol.Local local && stepLocals.contains(local) && seen.add(local)) {
          pending.push(local.definition());
        }
      } else {
        ExprWalker.children(e).forEach(pending::push);
      }
    }
    return "?";
  }

  private boolean mentionsState(Expr expr) {
    if (expr instanceof Expr.Reference reference) {
      if (reference.symbol() instanceof Symbol.State state && states.contains(state)) {
        return true;
      }
      if (reference.symbol() instanceof Symbol.Local local && stepLocals.contains(local)) {
        return localMentions.get(local);
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
