package io.cleft.compiler.check;

import io.cleft.compiler.Limits;
import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.diagnostic.DiagnosticCollector;
import io.cleft.compiler.ast.Statement.AssignmentOperator;
import io.cleft.compiler.model.BuiltinFunction;
import io.cleft.compiler.model.Expr;
import io.cleft.compiler.model.KineticScheme;
import io.cleft.compiler.model.Statement;
import io.cleft.compiler.model.StateUpdate;
import io.cleft.compiler.model.Symbol;
import io.cleft.compiler.model.SynapseModel;
import io.cleft.compiler.source.SourceSpan;
import io.cleft.compiler.units.Dimension;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Infers the type of every expression, a quantity of some {@link Dimension} or a condition, and
 * checks:
 *
 * <ol>
 *   <li>both sides of {@code + - < <= > >= == !=}, both arguments of {@code min}/{@code max} and
 *       both branches of {@code if} have one dimension;
 *   <li>{@code exp}, {@code safe_exp}, {@code log}, {@code tanh}, {@code sigmoid} take
 *       dimensionless arguments; {@code sqrt} a dimension with even exponents; an exponent is
 *       dimensionless, and a constant whole number when the base has a dimension;
 *   <li>numbers and conditions are not mixed; locals are numbers;
 *   <li>a next value has its state's dimension, a derivative the state's per time, and the
 *       current is a current.
 * </ol>
 *
 * Scale never matters here: values are converted to working units before they meet, so only
 * dimensions are compared.
 */
public final class UnitChecker {
  /** The type of an expression; {@link #UNKNOWN} after an error, to avoid follow-up errors. */
  private sealed interface Type {}

  private record Quantity(Dimension dimension) implements Type {}

  private enum Condition implements Type {
    INSTANCE
  }

  private enum Unknown implements Type {
    INSTANCE
  }

  private static final Type UNKNOWN = Unknown.INSTANCE;
  private static final Type CONDITION = Condition.INSTANCE;

  private final DiagnosticCollector diagnostics;
  private final Map<Symbol.Local, Type> localTypes = new HashMap<>();
  private final Typing typing = new Typing();

  private UnitChecker(DiagnosticCollector diagnostics) {
    this.diagnostics = diagnostics;
  }

  public static void check(SynapseModel model, DiagnosticCollector diagnostics) {
    check(model, List.of(), diagnostics);
  }

  /**
   * Checks {@code model}, and also the expressions the resolver left out of it with a rejected
   * statement or call ({@link Resolver.Resolution#rejectedValues()}): within themselves only, as
   * they have no target whose dimension they must have.
   */
  public static void check(SynapseModel model, List<Expr> rejectedValues, DiagnosticCollector diagnostics) {
    UnitChecker checker = new UnitChecker(diagnostics);
    checker.checkModel(model);
    rejectedValues.forEach(checker::typeOf);
  }

  /**
   * The dimension of each of {@code locals} of a checked model (empty where it has none, as a
   * condition), for the metadata of the values a simulator may record.
   */
  public static List<Optional<Dimension>> dimensionsOf(SynapseModel model, List<Symbol.Local> locals) {
    UnitChecker checker = new UnitChecker(new DiagnosticCollector());
    checker.checkModel(model);
    return locals.stream()
        .map(local -> checker.localTypes.get(local) instanceof Quantity quantity
            ? Optional.of(quantity.dimension())
            : Optional.<Dimension>empty())
        .toList();
  }

  private void checkModel(SynapseModel model) {
    // The initial block first: the values it derives are read everywhere else.
    checkStatements(model.initial());
    for (Symbol.Local local : model.locals()) {
      Type type = typeOf(local.definition());
      if (type == CONDITION) {
        diagnostics.error(
            DiagnosticCode.EXPECTED_NUMBER,
            local.definition().span(),
            "local '" + local.name() + "' must be a number, but this is a condition; write the condition where it is used");
        type = UNKNOWN;
      }
      localTypes.put(local, type);
    }
    Set<Symbol.State> inSchemes = new HashSet<>();
    model.schemes().forEach(scheme -> inSchemes.addAll(scheme.states()));
    StateUpdate.Visitor<Void> updates =
        new StateUpdate.Visitor<>() {
          @Override
          public Void visitNextValue(StateUpdate.NextValue next) {
            Symbol.State state = next.state();
            Dimension perTime = state.dimension().over(Dimension.TIME);
            expect(
                next.value(),
                state.dimension(),
                DiagnosticCode.NEXT_STATE_DIMENSION,
                "the next value of '" + state.name() + "' must be " + described(state.dimension()) + ", like the state",
                actual ->
                    actual.equals(perTime)
                        ? "; this looks like a derivative: write it as " + state.name()
                            + "' = ... using exponential_euler"
                        : "");
            return null;
          }

          @Override
          public Void visitDerivative(StateUpdate.Derivative derivative) {
            Symbol.State state = derivative.state();
            if (inSchemes.contains(state)) {
              // Its equation is the scheme's fluxes, checked where they are written (checkScheme).
              return null;
            }
            Dimension perTime = state.dimension().over(Dimension.TIME);
            expect(
                derivative.derivative(),
                perTime,
                DiagnosticCode.DERIVATIVE_DIMENSION,
                "the derivative " + state.name() + "' must be " + described(perTime) + ", the state's unit per ms",
                actual ->
                    actual.equals(state.dimension()) ? "; divide it by a time constant, or multiply it by a rate" : "");
            return null;
          }
        };
    model.updates().forEach(update -> update.accept(updates));
    model.schemes().forEach(scheme -> checkScheme(scheme, model.initial()));
    model.handlers().forEach(handler -> checkStatements(handler.statements()));
    checkStatements(model.currentStatements());
    expect(
        model.current(),
        Dimension.CURRENT,
        DiagnosticCode.CURRENT_DIMENSION,
        "the current must be a current (nA)",
        actual ->
            actual.equals(Dimension.CONDUCTANCE)
                ? "; multiply the conductance by the driving force, v_post minus the reversal potential"
                : "; a conductance times a voltage, uS*mV, is one");
  }

  /**
   * A block that runs in order: a local takes the type of its first value, and keeps it; a
   * state's new value (a jump) has the state's dimension; so does what {@code +=} and {@code -=}
   * add or take away; an {@code if} tests a condition.
   */
  private void checkStatements(List<Statement> statements) {
    for (Statement statement : statements) {
      statement.accept(
          new Statement.Visitor<Void>() {
            @Override
            public Void visitAssignment(Statement.Assignment assignment) {
              checkAssignment(assignment);
              return null;
            }

            @Override
            public Void visitIf(Statement.If conditional) {
              condition(conditional.condition());
              checkStatements(conditional.whenTrue());
              checkStatements(conditional.whenFalse());
              return null;
            }
          });
    }
  }

  private void checkAssignment(Statement.Assignment assignment) {
    Optional<Dimension> value = quantity(assignment.value());
    String name = assignment.target().name();
    String what =
        assignment.operator() == AssignmentOperator.SET
            ? "the new value of '" + name + "'"
            : "what '" + name + " " + assignment.operator().symbol + "' "
                + (assignment.operator() == AssignmentOperator.ADD ? "adds" : "takes away");
    if (assignment.target() instanceof Symbol.State state) {
      if (value.isPresent() && !value.get().equals(state.dimension())) {
        diagnostics.error(
            DiagnosticCode.JUMP_UNIT,
            assignment.value().span(),
            what + " must be " + described(state.dimension()) + ", like the state, but it is " + described(value.get()));
      }
      return;
    }
    Symbol.Local local = (Symbol.Local) assignment.target();
    if (!localTypes.containsKey(local)) {
      localTypes.put(local, value.<Type>map(Quantity::new).orElse(UNKNOWN));
      return;
    }
    Type type = localTypes.get(local);
    if (type instanceof Quantity quantity && value.isPresent() && !value.get().equals(quantity.dimension())) {
      diagnostics.error(
          DiagnosticCode.LOCAL_UNIT_CHANGED,
          assignment.value().span(),
          what + " must be " + described(quantity.dimension()) + ", as its first value at line " + local.span().line()
              + ", but it is " + described(value.get()) + "; a local keeps its dimension");
    }
  }

  /**
   * A kinetic scheme's states have one dimension, and so has its law's total; each rate is per
   * time (a first-order rate), so that every flux is the states' unit per time. If they are, a
   * law whose states' declared initial values and total are constants is checked against them.
   */
  private void checkScheme(KineticScheme scheme, List<Statement> initial) {
    if (scheme.states().isEmpty()) {
      // A scheme without reactions: nothing to check, and nothing it does.
      return;
    }
    Dimension perTime = Dimension.NONE.over(Dimension.TIME);
    Symbol.State first = scheme.states().get(0);
    boolean consistent = true;
    // Each state once, at the first reaction that names it.
    Set<Symbol.State> checked = new HashSet<>();
    for (KineticScheme.Reaction reaction : scheme.reactions()) {
      for (Symbol.State state : List.of(reaction.from(), reaction.to())) {
        if (checked.add(state) && !state.dimension().equals(first.dimension())) {
          diagnostics.error(
              DiagnosticCode.SCHEME_UNITS,
              reaction.span(),
              "the states of a kinetic scheme must have one dimension: '" + state.name() + "' is "
                  + described(state.dimension()) + ", but '" + first.name() + "' is " + described(first.dimension()));
          consistent = false;
        }
      }
      List<Expr> rates = new ArrayList<>(List.of(reaction.forward()));
      reaction.backward().ifPresent(rates::add);
      for (Expr rate : rates) {
        Optional<Dimension> actual = quantity(rate);
        if (actual.isPresent() && !actual.get().equals(perTime)) {
          diagnostics.error(
              DiagnosticCode.RATE_UNIT,
              rate.span(),
              "the rate of a reaction must be " + described(perTime) + " (a first-order rate), but it is "
                  + described(actual.get())
                  + (actual.get().equals(Dimension.TIME) ? "; a time constant's rate is 1 / tau"
                      : actual.get().isDimensionless() ? "; divide it by a time constant, or multiply it by a rate"
                      : "; a binding rate is multiplied by the concentration it binds, as in 'rb * T'"));
          consistent = false;
        }
      }
    }
    if (scheme.law().isEmpty()) {
      return;
    }
    KineticScheme.Conservation law = scheme.law().get();
    Optional<Dimension> total = quantity(law.total());
    if (total.isPresent() && !total.get().equals(first.dimension())) {
      diagnostics.error(
          DiagnosticCode.SCHEME_UNITS,
          law.total().span(),
          "the total of a conservation law must be " + described(first.dimension()) + ", like the scheme's states, but it is "
              + described(total.get()));
      consistent = false;
    }
    // The initial values are compared with the total only where their units agree with it: the
    // comparison is a sum of values, meaningful in one dimension alone.
    if (consistent && total.isPresent()) {
      KineticInitialValues.check(law, initial, diagnostics);
    }
  }

  /**
   * Reports {@code expr} unless it has the {@code expected} dimension: "{@code requirement},
   * but it is {@code actual}{@code hint(actual)}".
   */
  private void expect(
      Expr expr, Dimension expected, DiagnosticCode code, String requirement, Function<Dimension, String> hint) {
    Optional<Dimension> actual = quantity(expr);
    if (actual.isPresent() && !actual.get().equals(expected)) {
      diagnostics.error(
          code, expr.span(), requirement + ", but it is " + described(actual.get()) + hint.apply(actual.get()));
    }
  }

  private static String described(Dimension dimension) {
    return dimension.isDimensionless() ? "dimensionless" : "in " + dimension.describe();
  }

  /** The dimension of a numeric expression; empty if unknown, or if it is a condition (reported). */
  private Optional<Dimension> quantity(Expr expr) {
    Type type = typeOf(expr);
    if (type instanceof Quantity quantity) {
      return Optional.of(quantity.dimension());
    }
    if (type == CONDITION) {
      diagnostics.error(
          DiagnosticCode.EXPECTED_NUMBER,
          expr.span(),
          "expected a number, but this is a condition; use 'if ... then ... else ...' to choose a number");
    }
    return Optional.empty();
  }

  private void condition(Expr expr) {
    Type type = typeOf(expr);
    if (type instanceof Quantity) {
      diagnostics.error(
          DiagnosticCode.EXPECTED_CONDITION,
          expr.span(),
          "expected a condition, but this is a number; compare it, as in 'x > 0'");
    }
  }

  private Type typeOf(Expr expr) {
    return expr.accept(typing);
  }

  /** The type of each kind of expression, reporting what is wrong in it on the way. */
  private final class Typing implements Expr.Visitor<Type>, Symbol.Visitor<Type> {
    @Override
    public Type visitErroneous(Expr.Erroneous erroneous) {
      return UNKNOWN;
    }

    @Override
    public Type visitLiteral(Expr.Literal literal) {
      return new Quantity(literal.dimension());
    }

    @Override
    public Type visitReference(Expr.Reference reference) {
      return referenceType(reference.symbol());
    }

    @Override
    public Type visitNegate(Expr.Negate negate) {
      return quantity(negate.operand()).<Type>map(Quantity::new).orElse(UNKNOWN);
    }

    @Override
    public Type visitArithmetic(Expr.Arithmetic arithmetic) {
      return arithmeticType(arithmetic);
    }

    @Override
    public Type visitCall(Expr.Call call) {
      return callType(call);
    }

    @Override
    public Type visitComparison(Expr.Comparison comparison) {
      if (comparison.left() instanceof Expr.Comparison inner) {
        // 0 < x < 1 means something in Python, and a modeller may expect it to here.
        typeOf(inner);
        quantity(comparison.right());
        diagnostics.error(
            DiagnosticCode.EXPECTED_NUMBER,
            comparison.span(),
            "comparisons cannot be chained; write two comparisons joined by 'and', as in 'a < x and x < b'");
        return CONDITION;
      }
      same(comparison.left(), comparison.right(), comparison.span(), "compare");
      return CONDITION;
    }

    @Override
    public Type visitLogical(Expr.Logical logical) {
      condition(logical.left());
      condition(logical.right());
      return CONDITION;
    }

    @Override
    public Type visitNot(Expr.Not not) {
      condition(not.operand());
      return CONDITION;
    }

    @Override
    public Type visitConditional(Expr.Conditional conditional) {
      condition(conditional.condition());
      return same(conditional.whenTrue(), conditional.whenFalse(), conditional.span(), "choose between");
    }

    @Override
    public Type visitParameter(Symbol.Parameter parameter) {
      return new Quantity(parameter.dimension());
    }

    @Override
    public Type visitConstant(Symbol.Constant constant) {
      return new Quantity(constant.dimension());
    }

    @Override
    public Type visitState(Symbol.State state) {
      return new Quantity(state.dimension());
    }

    @Override
    public Type visitInput(Symbol.Input input) {
      return new Quantity(input.dimension());
    }

    @Override
    public Type visitLocal(Symbol.Local local) {
      return localTypes.getOrDefault(local, UNKNOWN);
    }

    @Override
    public Type visitEventArgument(Symbol.EventArgument argument) {
      return new Quantity(argument.dimension());
    }
  }

  private Type referenceType(Symbol symbol) {
    return symbol.accept(typing);
  }

  /** Both operands must have one dimension, which is the result's. */
  private Type same(Expr left, Expr right, SourceSpan span, String verb) {
    Optional<Dimension> l = quantity(left);
    Optional<Dimension> r = quantity(right);
    if (l.isEmpty() || r.isEmpty()) {
      return UNKNOWN;
    }
    if (!l.get().equals(r.get())) {
      diagnostics.error(
          DiagnosticCode.INCOMPATIBLE_DIMENSIONS,
          span,
          "cannot " + verb + " " + l.get().describe() + " and " + r.get().describe()
              + hintForLiteral(left, right, r.get())
              + hintForLiteral(right, left, l.get()));
      return UNKNOWN;
    }
    return new Quantity(l.get());
  }

  /** When {@code side} is a bare number and {@code other} has a unit: how to give it one. */
  private static String hintForLiteral(Expr side, Expr other, Dimension otherDimension) {
    if (side instanceof Expr.Literal literal && literal.dimension().isDimensionless()) {
      return otherDimension
          .workingUnit()
          .map(unit -> "; give the number a unit, as in '" + trim(literal.value()) + " [" + unit + "]'")
          .orElse("; give the number a unit");
    }
    return "";
  }

  private static String trim(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
  }

  private Type arithmeticType(Expr.Arithmetic arithmetic) {
    switch (arithmetic.operator()) {
      case ADD:
        return same(arithmetic.left(), arithmetic.right(), arithmetic.span(), "add");
      case SUBTRACT:
        return same(arithmetic.left(), arithmetic.right(), arithmetic.span(), "subtract");
      case MULTIPLY:
      case DIVIDE:
        Optional<Dimension> l = quantity(arithmetic.left());
        Optional<Dimension> r = quantity(arithmetic.right());
        if (l.isEmpty() || r.isEmpty()) {
          return UNKNOWN;
        }
        return bounded(
            arithmetic.operator() == Expr.ArithmeticOperator.MULTIPLY
                ? l.get().times(r.get())
                : l.get().over(r.get()),
            arithmetic);
      case POWER:
        return powerType(arithmetic.left(), arithmetic.right(), arithmetic);
      default:
        throw new AssertionError(arithmetic.operator());
    }
  }

  /**
   * A quantity of {@code dimension}, unless an exponent of it is beyond
   * {@link Limits#MAX_UNIT_EXPONENT} (reported at {@code at}), the range of units as written.
   * Operands are within it, so the dimension arithmetic that made {@code dimension} is exact.
   */
  private Type bounded(Dimension dimension, Expr at) {
    if (dimension.largestExponent() > Limits.MAX_UNIT_EXPONENT) {
      diagnostics.error(
          DiagnosticCode.UNIT_EXPONENT_OUT_OF_RANGE,
          at.span(),
          "this is in " + dimension.describe() + ", beyond cleft's range of unit exponents, -"
              + Limits.MAX_UNIT_EXPONENT + " to " + Limits.MAX_UNIT_EXPONENT);
      return UNKNOWN;
    }
    return new Quantity(dimension);
  }

  private Type powerType(Expr base, Expr exponent, Expr power) {
    Optional<Dimension> b = quantity(base);
    Optional<Dimension> e = quantity(exponent);
    if (b.isEmpty() || e.isEmpty()) {
      return UNKNOWN;
    }
    if (!e.get().isDimensionless()) {
      diagnostics.error(
          DiagnosticCode.INVALID_EXPONENT,
          exponent.span(),
          "an exponent must be dimensionless, but this is in " + e.get().describe());
      return UNKNOWN;
    }
    if (b.get().isDimensionless()) {
      return new Quantity(Dimension.NONE);
    }
    Optional<Double> constant = ConstantValue.of(exponent);
    if (constant.isEmpty() || constant.get() != Math.rint(constant.get()) || Math.abs(constant.get()) > Limits.MAX_UNIT_EXPONENT) {
      diagnostics.error(
          DiagnosticCode.INVALID_EXPONENT,
          exponent.span(),
          "a quantity in " + b.get().describe()
              + " can only be raised to a constant whole number, so that the result has a unit");
      return UNKNOWN;
    }
    return bounded(b.get().power((int) (double) constant.get()), power);
  }

  private Type callType(Expr.Call call) {
    BuiltinFunction function = call.function();
    switch (function) {
      case EXP:
      case SAFE_EXP:
      case LOG:
      case TANH:
      case SIGMOID:
        Optional<Dimension> argument = quantity(call.arguments().get(0));
        if (argument.isPresent() && !argument.get().isDimensionless()) {
          diagnostics.error(
              DiagnosticCode.DIMENSIONED_ARGUMENT,
              call.arguments().get(0).span(),
              "the argument of " + function.symbol() + " must be dimensionless, but it is in "
                  + argument.get().describe() + "; divide it by a quantity of the same unit");
        }
        return new Quantity(Dimension.NONE);
      case SQRT:
        Optional<Dimension> radicand = quantity(call.arguments().get(0));
        if (radicand.isEmpty()) {
          return UNKNOWN;
        }
        if (!radicand.get().hasSquareRoot()) {
          diagnostics.error(
              DiagnosticCode.SQRT_DIMENSION,
              call.arguments().get(0).span(),
              "the square root of a quantity in " + radicand.get().describe() + " has no unit");
          return UNKNOWN;
        }
        return new Quantity(radicand.get().squareRoot());
      case POW:
        return powerType(call.arguments().get(0), call.arguments().get(1), call);
      case MIN:
      case MAX:
        return same(call.arguments().get(0), call.arguments().get(1), call.span(), "compare");
      case ABS:
        return quantity(call.arguments().get(0)).<Type>map(Quantity::new).orElse(UNKNOWN);
      default:
        throw new AssertionError(function);
    }
  }
}
