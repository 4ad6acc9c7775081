package io.cleft.compiler.check;

import io.cleft.compiler.Limits;
import io.cleft.compiler.ast.Expression;
import io.cleft.compiler.ast.ExpressionTraversal;
import io.cleft.compiler.ast.Identifier;
import io.cleft.compiler.ast.UpdateStatement;
import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.diagnostic.Spelling;
import io.cleft.compiler.model.Expr;
import io.cleft.compiler.model.ExprRewriter;
import io.cleft.compiler.model.ExprTraversal;
import io.cleft.compiler.model.KineticScheme;
import io.cleft.compiler.model.OdeMethod;
import io.cleft.compiler.model.StateUpdate;
import io.cleft.compiler.model.Symbol;
import io.cleft.compiler.source.SourceSpan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves the kinetic schemes of an update block, for {@link Resolver}, and writes each as its
 * equivalent ODEs by the law of mass action: a reaction {@code A <-> B (kf, kb)} has the flux
 * {@code kf * A} from A to B and {@code kb * B} back, and a state's derivative is the sum of the
 * fluxes of its reactions, in source order, each added where it enters the state and subtracted
 * where it leaves (the first negated if it leaves): for {@code C <-> O (a, b)} and
 * {@code O <-> D (c, d)}, {@code O' = a * C - b * O - c * O + d * D}. A conservation law's last
 * state gets no equation: the others' equations read it as {@code total - others} (in the law's
 * order), and the solver computes it so after their next values.
 *
 * <p>Checks: the method; each reaction between two different states; a state in one scheme, and
 * not also given an equation or a next value; at most one law per scheme, a plain sum of states
 * of the scheme, each once, that the reactions conserve (none leads out of the law's states),
 * with a total that reads no state, input or update local. Units are the unit checker's.
 */
final class KineticSchemeResolver {
  private final Resolver resolver;
  /** The scheme each state is in, for a state in two schemes. */
  private final Map<Symbol.State, SourceSpan> schemeOf = new HashMap<>();

  KineticSchemeResolver(Resolver resolver) {
    this.resolver = resolver;
  }

  /** The resolved scheme, its ODEs recorded as updates; empty if it cannot be (reported). */
  Optional<KineticScheme> resolve(UpdateStatement.KineticScheme scheme) {
    Optional<OdeMethod> method =
        resolver.method(scheme.method(), head(scheme.span()), "the kinetic scheme", "'using rk4' (or 'using euler')");
    boolean valid = method.isPresent();
    // Whether every reaction was resolved: if not, the law may name the states it would have added.
    boolean allReactions = true;
    Set<Symbol.State> states = new LinkedHashSet<>();
    // Where each state is first named, to report a state that another scheme or equation has.
    Map<Symbol.State, SourceSpan> mentions = new HashMap<>();
    List<KineticScheme.Reaction> reactions = new ArrayList<>();
    for (UpdateStatement.Reaction reaction : scheme.reactions()) {
      Expr forward = resolver.resolveExpression(reaction.forward(), Resolver.Scope.UPDATE, null);
      Optional<Expr> backward =
          reaction.backward().map(rate -> resolver.resolveExpression(rate, Resolver.Scope.UPDATE, null));
      Optional<Symbol.State> from = state(reaction.from());
      Optional<Symbol.State> to = state(reaction.to());
      if (from.isEmpty() || to.isEmpty()) {
        valid = false;
        allReactions = false;
        rejectRates(forward, backward);
        continue;
      }
      if (from.get().equals(to.get())) {
        resolver.diagnostics.error(
            DiagnosticCode.REACTION_TO_ITSELF,
            reaction.span(),
            "a reaction from '" + from.get().name() + "' to itself changes nothing; a reaction goes between two states");
        valid = false;
        rejectRates(forward, backward);
        continue;
      }
      if (states.add(from.get())) {
        mentions.put(from.get(), reaction.from().span());
      }
      if (states.add(to.get())) {
        mentions.put(to.get(), reaction.to().span());
      }
      reactions.add(new KineticScheme.Reaction(from.get(), to.get(), forward, backward, reaction.span()));
    }
    for (Symbol.State state : states) {
      valid &= ownedByThisScheme(state, mentions.get(state), scheme);
    }
    Optional<KineticScheme.Conservation> law = Optional.empty();
    for (int i = 0; i < scheme.laws().size(); i++) {
      UpdateStatement.Conservation written = scheme.laws().get(i);
      Optional<KineticScheme.Conservation> resolved = law(written, states, reactions, allReactions);
      if (i > 0) {
        resolver.diagnostics.error(
            DiagnosticCode.LAW_NOT_OF_ITS_SCHEME,
            head(written.span()),
            "a kinetic scheme has at most one conservation law; this is the second (the first is at line "
                + scheme.laws().get(0).span().line() + ")");
        valid = false;
      } else if (resolved.isPresent()) {
        law = resolved;
      } else {
        valid = false;
      }
    }
    if (!valid || method.isEmpty()) {
      // Not part of the model, but their units are still checked.
      reactions.forEach(reaction -> rejectRates(reaction.forward(), reaction.backward()));
      law.ifPresent(resolved -> resolver.rejected.add(resolved.total()));
      return Optional.empty();
    }
    KineticScheme resolved =
        new KineticScheme(method.get(), List.copyOf(states), reactions, law, scheme.span());
    recordEquations(resolved, scheme.span());
    return Optional.of(resolved);
  }

  /** The state {@code name} names; empty if it names none (reported). */
  private Optional<Symbol.State> state(Identifier name) {
    Symbol symbol = resolver.declared.get(name.name());
    if (symbol instanceof Symbol.State state) {
      return Optional.of(state);
    }
    Optional<String> what =
        symbol != null ? Optional.of("a " + Resolver.kindOf(symbol))
            : Symbol.Input.named(name.name()).isPresent() ? Optional.of("a built-in input")
            : resolver.localDefinitions.containsKey(name.name()) ? Optional.of("a local of the update block")
            : resolver.derived.containsKey(name.name()) ? Optional.of("a value derived in 'initial'")
            : Optional.empty();
    if (what.isEmpty()) {
      resolver.diagnostics.error(
          DiagnosticCode.UNKNOWN_NAME,
          name.span(),
          "unknown state '" + name.name() + "'" + Spelling.suggestion(name.name(), resolver.stateNames())
              + "; a reaction goes between states declared under 'states'");
    } else {
      resolver.diagnostics.error(
          DiagnosticCode.REACTION_OF_NON_STATE,
          name.span(),
          "a reaction goes between states, and '" + name.name() + "' is " + what.get()
              + "; a rate that depends on it goes in the parentheses");
    }
    return Optional.empty();
  }

  private void rejectRates(Expr forward, Optional<Expr> backward) {
    resolver.rejected.add(forward);
    backward.ifPresent(resolver.rejected::add);
  }

  /** Whether {@code state} is in no other scheme and has no equation or next value (if it does, reported). */
  private boolean ownedByThisScheme(Symbol.State state, SourceSpan mention, UpdateStatement.KineticScheme scheme) {
    SourceSpan other = schemeOf.putIfAbsent(state, scheme.span());
    if (other != null) {
      resolver.diagnostics.error(
          DiagnosticCode.STATE_IN_TWO_SCHEMES,
          mention,
          "state '" + state.name() + "' is already in the kinetic scheme at line " + other.line()
              + "; a state is in one scheme: merge the two");
      return false;
    }
    StateUpdate update = resolver.updates.get(state);
    if (update != null) {
      resolver.diagnostics.error(
          DiagnosticCode.STATE_IN_TWO_SCHEMES,
          mention,
          "state '" + state.name() + "' already has " + (update instanceof StateUpdate.Derivative ? "an equation" : "a next value")
              + " at line " + update.span().line() + "; the kinetic scheme gives it its equation: remove one of the two");
      return false;
    }
    return true;
  }

  /** The law resolved and checked; empty if it is wrong (reported). */
  private Optional<KineticScheme.Conservation> law(
      UpdateStatement.Conservation law,
      Set<Symbol.State> states,
      List<KineticScheme.Reaction> reactions,
      boolean allReactions) {
    Expr total = resolver.resolveExpression(law.total(), Resolver.Scope.UPDATE, null);
    List<Expression.NameReference> names = new ArrayList<>();
    Optional<Expression> notAName = termsOf(law.sum(), names);
    if (notAName.isPresent()) {
      resolver.diagnostics.error(
          DiagnosticCode.LAW_NOT_A_SUM,
          notAName.get().span(),
          "a conservation law is a sum of states, each with coefficient 1 ('conserve C + O + D = 1'); "
              + "this is not a state's name");
      resolver.rejected.add(total);
      return Optional.empty();
    }
    boolean valid = true;
    List<Symbol.State> named = new ArrayList<>();
    for (Expression.NameReference name : names) {
      Symbol symbol = resolver.declared.get(name.name());
      if (symbol instanceof Symbol.State state && states.contains(state)) {
        if (named.contains(state)) {
          resolver.diagnostics.error(
              DiagnosticCode.LAW_NOT_OF_ITS_SCHEME,
              name.span(),
              "the conservation law names '" + state.name() + "' twice; each state has coefficient 1");
          valid = false;
        }
        named.add(state);
      } else if (symbol == null && Symbol.Input.named(name.name()).isEmpty()) {
        resolver.diagnostics.error(
            DiagnosticCode.UNKNOWN_NAME,
            name.span(),
            "unknown state '" + name.name() + "'"
                + Spelling.suggestion(name.name(), states.stream().map(Symbol.State::name).toList()));
        valid = false;
      } else if (allReactions || !(symbol instanceof Symbol.State)) {
        resolver.diagnostics.error(
            DiagnosticCode.LAW_NOT_OF_ITS_SCHEME,
            name.span(),
            "the conservation law names '" + name.name() + "', which is not a state of this scheme; "
                + (states.isEmpty()
                    ? "the scheme has no reactions, so no states to conserve"
                    : "the law is a sum of the scheme's states ("
                        + String.join(", ", states.stream().map(Symbol.State::name).toList()) + ")"));
        valid = false;
      } else {
        // A state a rejected reaction (reported) would have put in the scheme.
        valid = false;
      }
    }
    Optional<Expr> varying = firstVarying(total);
    if (varying.isPresent()) {
      resolver.diagnostics.error(
          DiagnosticCode.LAW_NOT_A_SUM,
          varying.get().span(),
          "the total of a conservation law must be constant: it may read parameters, constants and values derived in 'initial', "
              + "not a state, an input or an update local");
      valid = false;
    }
    if (valid) {
      for (KineticScheme.Reaction reaction : reactions) {
        if (named.contains(reaction.from()) != named.contains(reaction.to())) {
          Symbol.State outside = named.contains(reaction.from()) ? reaction.to() : reaction.from();
          resolver.diagnostics.error(
              DiagnosticCode.LAW_NOT_OF_ITS_SCHEME,
              law.sum().span(),
              "the reactions do not conserve this sum: the reaction at line " + reaction.span().line()
                  + " moves material between it and '" + outside.name() + "'; name '" + outside.name() + "' in the law too");
          valid = false;
          break;
        }
      }
    }
    if (!valid) {
      resolver.rejected.add(total);
      return Optional.empty();
    }
    Symbol.State replaced = named.get(named.size() - 1);
    return Optional.of(new KineticScheme.Conservation(replaced, named.subList(0, named.size() - 1), total, law.span()));
  }

  /**
   * Collects the names of a sum {@code a + b + c} into {@code names}; the first part that is not a
   * name or a {@code +} of them, if there is one.
   */
  private static Optional<Expression> termsOf(Expression sum, List<Expression.NameReference> names) {
    Expression[] wrong = {null};
    new ExpressionTraversal() {
      @Override
      public Void visitNameReference(Expression.NameReference reference) {
        names.add(reference);
        return null;
      }

      @Override
      public Void visitBinary(Expression.Binary binary) {
        if (binary.operator() == Expression.BinaryOperator.ADD) {
          return super.visitBinary(binary);
        }
        return notAName(binary);
      }

      @Override
      public Void visitNumberLiteral(Expression.NumberLiteral literal) {
        return notAName(literal);
      }

      @Override
      public Void visitCall(Expression.Call call) {
        return notAName(call);
      }

      @Override
      public Void visitUnary(Expression.Unary unary) {
        return notAName(unary);
      }

      @Override
      public Void visitComparison(Expression.Comparison comparison) {
        return notAName(comparison);
      }

      @Override
      public Void visitLogical(Expression.Logical logical) {
        return notAName(logical);
      }

      @Override
      public Void visitNot(Expression.Not not) {
        return notAName(not);
      }

      @Override
      public Void visitConditional(Expression.Conditional conditional) {
        return notAName(conditional);
      }

      private Void notAName(Expression expression) {
        if (wrong[0] == null) {
          wrong[0] = expression;
        }
        return null;
      }
    }.visit(sum);
    return Optional.ofNullable(wrong[0]);
  }

  /** The first read in {@code total} of something that changes over time: a state, an input, an update local. */
  private Optional<Expr> firstVarying(Expr total) {
    Expr[] varying = {null};
    total.accept(
        new ExprTraversal() {
          @Override
          public Void visitReference(Expr.Reference reference) {
            Symbol symbol = reference.symbol();
            boolean constant =
                symbol instanceof Symbol.Parameter
                    || symbol instanceof Symbol.Constant
                    || (symbol instanceof Symbol.Local local && resolver.derived.get(local.name()) == local);
            if (!constant && varying[0] == null) {
              varying[0] = reference;
            }
            return null;
          }
        });
    return Optional.ofNullable(varying[0]);
  }

  /**
   * Records each state's equation by mass action, except the law's replaced state; a state in
   * more reactions than an expression may nest levels is reported instead (SYN010).
   */
  private void recordEquations(KineticScheme scheme, SourceSpan span) {
    Optional<ExprRewriter> throughLaw = scheme.law().map(KineticSchemeResolver::throughLaw);
    // Each state's reactions in source order, so that writing the equations is linear in the scheme.
    Map<Symbol.State, List<KineticScheme.Reaction>> reactionsOf = new HashMap<>();
    for (KineticScheme.Reaction reaction : scheme.reactions()) {
      reactionsOf.computeIfAbsent(reaction.from(), s -> new ArrayList<>()).add(reaction);
      reactionsOf.computeIfAbsent(reaction.to(), s -> new ArrayList<>()).add(reaction);
    }
    for (Symbol.State state : scheme.states()) {
      if (scheme.law().isPresent() && scheme.law().get().replaced().equals(state)) {
        continue;
      }
      Expr derivative = null;
      int terms = 0;
      for (KineticScheme.Reaction reaction : reactionsOf.getOrDefault(state, List.of())) {
        List<SignedFlux> fluxes = new ArrayList<>();
        fluxes.add(new SignedFlux(reaction.forward(), reaction.from(), reaction.to().equals(state)));
        reaction.backward().ifPresent(rate -> fluxes.add(new SignedFlux(rate, reaction.to(), reaction.from().equals(state))));
        if (!reaction.from().equals(state) && !reaction.to().equals(state)) {
          continue;
        }
        for (SignedFlux flux : fluxes) {
          Expr term = new Expr.Arithmetic(
              Expr.ArithmeticOperator.MULTIPLY, flux.rate(), new Expr.Reference(flux.source(), reaction.span()), reaction.span());
          if (++terms > Limits.MAX_EXPRESSION_DEPTH) {
            resolver.diagnostics.error(
                DiagnosticCode.NESTED_TOO_DEEPLY,
                reaction.span(),
                "state '" + state.name() + "' is in too many reactions: its equation would be a sum of more than "
                    + Limits.MAX_EXPRESSION_DEPTH + " fluxes, deeper than an expression may nest; split the scheme");
            return;
          }
          derivative =
              derivative == null
                  ? (flux.entering() ? term : new Expr.Negate(term, reaction.span()))
                  : new Expr.Arithmetic(
                      flux.entering() ? Expr.ArithmeticOperator.ADD : Expr.ArithmeticOperator.SUBTRACT,
                      derivative, term, reaction.span());
        }
      }
      Expr equation = throughLaw.isPresent() ? throughLaw.get().rewrite(derivative) : derivative;
      resolver.updates.put(state, new StateUpdate.Derivative(state, equation, scheme.method(), span));
    }
  }

  /** A flux {@code rate * source} of a reaction, and whether it enters the state whose equation it is in. */
  private record SignedFlux(Expr rate, Symbol.State source, boolean entering) {}

  /** Reads of the law's replaced state rewritten as {@code total - others}, in the law's order. */
  private static ExprRewriter throughLaw(KineticScheme.Conservation law) {
    return new ExprRewriter() {
      @Override
      public Expr visitReference(Expr.Reference reference) {
        if (!reference.symbol().equals(law.replaced())) {
          return reference;
        }
        return law.replacedValue(other -> new Expr.Reference(other, reference.span()), reference.span());
      }
    };
  }

  /** The keyword {@code kinetic} of a scheme. */
  private static SourceSpan head(SourceSpan span) {
    return Resolver.head(span, "kinetic".length());
  }
}
