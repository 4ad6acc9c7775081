package io.cleft.compiler.check;

import io.cleft.compiler.ast.Declaration;
import io.cleft.compiler.ast.Expression;
import io.cleft.compiler.ast.ExpressionTraversal;
import io.cleft.compiler.ast.Identifier;
import io.cleft.compiler.ast.Section;
import io.cleft.compiler.ast.SynapseDecl;
import io.cleft.compiler.ast.UpdateStatement;
import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.diagnostic.DiagnosticCollector;
import io.cleft.compiler.diagnostic.Spelling;
import io.cleft.compiler.model.BuiltinFunction;
import io.cleft.compiler.model.Expr;
import io.cleft.compiler.model.OdeMethod;
import io.cleft.compiler.model.StateUpdate;
import io.cleft.compiler.model.Symbol;
import io.cleft.compiler.model.SynapseModel;
import io.cleft.compiler.model.ValueRange;
import io.cleft.compiler.source.SourceFile;
import io.cleft.compiler.source.SourceSpan;
import io.cleft.compiler.units.Dimension;
import io.cleft.compiler.units.Unit;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Links a synapse's syntax tree into a {@link SynapseModel}: declarations become symbols with
 * units and values, names in expressions are bound, the update block is sorted into locals and
 * state updates. Checks, each reported where it happens and never thrown:
 *
 * <ol>
 *   <li>each section at most once, and a current present;
 *   <li>declared names unique and not the built-in inputs; units known; literals in range;
 *       ranges non-empty and holding their default;
 *   <li>update targets: parameters, constants and inputs cannot be assigned, a state is
 *       updated once, a local is defined once, an ODE names a state and a known method;
 *   <li>names known and visible (update locals and {@code dt} are not visible in the current),
 *       locals used after their definition and not defined in a cycle;
 *   <li>functions known and called with their arity.
 * </ol>
 *
 * <p>Where a name cannot be resolved, an {@link Expr.Erroneous} stands in, so the unit checker
 * can still run over the rest of the model. The right-hand sides of update statements that are
 * rejected (an assignment to a parameter, a state's second update, an equation without a
 * method), and the arguments of rejected calls, are resolved too and kept aside
 * ({@link Resolution#rejectedValues()}), so that the unit checker can report their own problems
 * in the same run.
 */
public final class Resolver {
  private static final Set<String> CURRENT_ONLY_INVISIBLE = Set.of(Symbol.Input.DT.symbol());

  private final DiagnosticCollector diagnostics;
  private final UnitResolver units;

  private final Map<String, Symbol> declared = new LinkedHashMap<>();
  private final List<Symbol.Parameter> parameters = new ArrayList<>();
  private final List<Symbol.Constant> constants = new ArrayList<>();
  private final List<Symbol.State> states = new ArrayList<>();
  private final Map<String, Symbol.Local> locals = new LinkedHashMap<>();
  private final Map<Symbol.State, StateUpdate> updates = new LinkedHashMap<>();
  /**
   * Declared names whose unit is unknown (reported): their uses resolve to
   * {@link Expr.Erroneous}, so the unit checker does not go on to report them as dimensionless.
   */
  private final Set<String> withUnknownUnit = new HashSet<>();
  /** Every local the update block defines, by name, for forward-reference diagnostics. */
  private final Map<String, UpdateStatement.Assignment> localDefinitions = new HashMap<>();
  /** Expressions left out of the model with the statement or call around them; see {@link Resolution}. */
  private final List<Expr> rejected = new ArrayList<>();

  private Resolver(DiagnosticCollector diagnostics) {
    this.diagnostics = diagnostics;
    this.units = new UnitResolver(diagnostics);
  }

  /**
   * What the resolver made of a synapse.
   *
   * @param rejectedValues resolved expressions that are not part of the model because the
   *     statement or call around them was rejected (reported): right-hand sides of rejected
   *     update statements, arguments of unknown functions and of calls with the wrong arity
   */
  public record Resolution(SynapseModel model, List<Expr> rejectedValues) {
    public Resolution {
      rejectedValues = List.copyOf(rejectedValues);
    }
  }

  public static SynapseModel resolve(SynapseDecl synapse, DiagnosticCollector diagnostics) {
    return resolveAll(synapse, diagnostics).model();
  }

  /** The model, and the expressions it left out with rejected statements, for the unit checker. */
  public static Resolution resolveAll(SynapseDecl synapse, DiagnosticCollector diagnostics) {
    Resolver resolver = new Resolver(diagnostics);
    SynapseModel model = resolver.resolveSynapse(synapse);
    return new Resolution(model, resolver.rejected);
  }

  private SynapseModel resolveSynapse(SynapseDecl synapse) {
    Map<String, Section> sections = uniqueSections(synapse);
    // A duplicate section is reported, but what it declares still counts, so that its names
    // do not show up again as unknown wherever they are used.
    for (Section.DeclarationKind kind : Section.DeclarationKind.values()) {
      for (Section section : synapse.sections()) {
        if (section instanceof Section.Declarations declarations && declarations.kind() == kind) {
          declarations.declarations().forEach(d -> declare(kind, d));
        }
      }
    }
    List<UpdateStatement> statements = new ArrayList<>();
    for (Section section : synapse.sections()) {
      if (section instanceof Section.Update update) {
        statements.addAll(update.statements());
      }
    }
    resolveUpdate(statements);
    Section.Current current = (Section.Current) sections.get("current");
    Expr currentExpr;
    if (current == null) {
      diagnostics.error(
          DiagnosticCode.MISSING_CURRENT,
          synapse.name().span(),
          "synapse '" + synapse.name().name() + "' has no current; add 'current = ...' (in nA)");
      currentExpr = new Expr.Erroneous(synapse.name().span());
    } else {
      currentExpr = resolveExpression(current.value(), Scope.CURRENT, null);
    }
    return new SynapseModel(
        synapse.name().name(),
        synapse.docComment(),
        synapse.span().file(),
        synapse.span(),
        parameters,
        constants,
        states,
        List.copyOf(locals.values()),
        List.copyOf(updates.values()),
        currentExpr);
  }

  private Map<String, Section> uniqueSections(SynapseDecl synapse) {
    Map<String, Section> sections = new HashMap<>();
    for (Section section : synapse.sections()) {
      String keyword = keywordOf(section);
      Section previous = sections.putIfAbsent(keyword, section);
      if (previous != null) {
        diagnostics.error(
            DiagnosticCode.DUPLICATE_SECTION,
            head(section.span(), keyword.length()),
            "a synapse has one '" + keyword + "' section; this is the second (the first is at line "
                + previous.span().line() + "); merge them");
      }
    }
    return sections;
  }

  private static String keywordOf(Section section) {
    if (section instanceof Section.Declarations declarations) {
      return declarations.kind().keyword();
    }
    if (section instanceof Section.Update) {
      return "update";
    }
    if (section instanceof Section.Current) {
      return "current";
    }
    throw new AssertionError(section);
  }

  // ------------------------------------------------------------------------------------------
  // Declarations

  private void declare(Section.DeclarationKind kind, Declaration declaration) {
    Identifier name = declaration.name();
    if (Symbol.Input.named(name.name()).isPresent()) {
      diagnostics.error(
          DiagnosticCode.RESERVED_NAME,
          name.span(),
          "'" + name.name() + "' is a built-in input, " + Symbol.Input.named(name.name()).get().description()
              + ", and cannot be declared");
      return;
    }
    Symbol previous = declared.get(name.name());
    if (previous != null) {
      diagnostics.error(
          DiagnosticCode.DUPLICATE_DECLARATION,
          name.span(),
          "'" + name.name() + "' is already declared as a " + kindOf(previous) + " at line "
              + spanOf(previous).line());
      return;
    }
    Optional<Unit> unit = declaration.unit().isPresent() ? units.resolve(declaration.unit().get()) : Optional.of(Unit.ONE);
    String unitText = declaration.unit().map(u -> textOf(u.span())).orElse("1");
    if (kind != Section.DeclarationKind.CONSTANTS && unit.isPresent() && !convertibleAtRunTime(unit.get())) {
      // Parameters and states are converted where they are read, by a double factor.
      diagnostics.error(
          DiagnosticCode.UNIT_FACTOR_OUT_OF_RANGE,
          declaration.unit().get().span(),
          "converting " + unitText + " to cleft's working unit multiplies by about "
              + Literals.scientific(unit.get().toCanonicalFactor())
              + ", which a double cannot hold; choose a unit closer to the working one");
      unit = Optional.empty();
    }
    Optional<Double> value = Literals.value(declaration.value(), diagnostics);
    // Every value is read in the working unit (a constant is folded into the code in it), so it
    // must be a double there too.
    Optional<Double> canonicalValue =
        value.isPresent() && unit.isPresent()
            ? Literals.converted(
                declaration.value(), unit.get().toCanonicalFactor(), unitText, workingUnitName(unit.get()), diagnostics)
            : value;
    Optional<ValueRange> range;
    if (kind == Section.DeclarationKind.CONSTANTS && declaration.range().isPresent()) {
      diagnostics.error(
          DiagnosticCode.RANGE_ON_CONSTANT,
          declaration.range().get().span(),
          "constant '" + name.name() + "' cannot have a valid range: it never changes");
      range = Optional.empty();
    } else {
      range = declaration.range().flatMap(this::range);
    }
    if (range.isPresent() && value.isPresent() && !range.get().contains(value.get())) {
      diagnostics.error(
          DiagnosticCode.DEFAULT_OUT_OF_RANGE,
          declaration.value().span(),
          "the " + (kind == Section.DeclarationKind.STATES ? "initial value" : "default") + " of '"
              + name.name() + "', " + declaration.value().text() + ", is outside its valid range "
              + bracketsOf(declaration.range().get()));
    }
    if (unit.isEmpty()) {
      withUnknownUnit.add(name.name());
    }
    // Keep the name declared even when its unit or value is broken, so uses of it resolve.
    Unit resolvedUnit = unit.orElse(Unit.ONE);
    double resolvedValue = value.orElse(0.0);
    Symbol symbol =
        switch (kind) {
          case PARAMETERS -> {
            Symbol.Parameter parameter =
                new Symbol.Parameter(
                    name.name(), parameters.size(), resolvedUnit, unitText, resolvedValue, range,
                    declaration.doc(), name.span());
            parameters.add(parameter);
            yield parameter;
          }
          case CONSTANTS -> {
            double canonical = canonicalValue.orElse(resolvedValue);
            Symbol.Constant constant =
                new Symbol.Constant(
                    name.name(), resolvedUnit, unitText, resolvedValue, canonical, declaration.doc(), name.span());
            constants.add(constant);
            yield constant;
          }
          case STATES -> {
            Symbol.State state =
                new Symbol.State(
                    name.name(), states.size(), resolvedUnit, unitText, resolvedValue, range,
                    declaration.doc(), name.span());
            states.add(state);
            yield state;
          }
        };
    declared.put(name.name(), symbol);
  }

  private Optional<ValueRange> range(Declaration.ValueRange range) {
    Optional<Double> lower = bound(range.lower());
    Optional<Double> upper = bound(range.upper());
    if (lower.isEmpty() || upper.isEmpty()) {
      return Optional.empty();
    }
    if (lower.get() > upper.get()) {
      diagnostics.error(
          DiagnosticCode.EMPTY_RANGE,
          range.span(),
          "the range " + bracketsOf(range) + " is empty: its lower bound is above its upper bound");
      return Optional.empty();
    }
    return Optional.of(new ValueRange(lower.get(), upper.get()));
  }

  private Optional<Double> bound(Declaration.Bound bound) {
    if (bound.value().isEmpty()) {
      return Optional.of(bound.negativeInfinity() ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
    }
    return Literals.value(bound.value().get(), diagnostics);
  }

  // ------------------------------------------------------------------------------------------
  // The update block

  private void resolveUpdate(List<UpdateStatement> statements) {
    for (UpdateStatement statement : statements) {
      if (statement instanceof UpdateStatement.Assignment assignment
          && !declared.containsKey(assignment.target().name())
          && Symbol.Input.named(assignment.target().name()).isEmpty()) {
        localDefinitions.putIfAbsent(assignment.target().name(), assignment);
      }
    }
    for (UpdateStatement statement : statements) {
      if (statement instanceof UpdateStatement.Assignment assignment) {
        resolveAssignment(assignment);
      } else if (statement instanceof UpdateStatement.DifferentialEquation equation) {
        resolveDifferentialEquation(equation);
      } else {
        throw new AssertionError(statement);
      }
    }
  }

  private void resolveAssignment(UpdateStatement.Assignment assignment) {
    Identifier target = assignment.target();
    if (Symbol.Input.named(target.name()).isPresent()) {
      diagnostics.error(
          DiagnosticCode.ASSIGNMENT_TO_INPUT,
          target.span(),
          "cannot assign to '" + target.name() + "': it is a built-in input, "
              + Symbol.Input.named(target.name()).get().description());
      rejected.add(resolveExpression(assignment.value(), Scope.UPDATE, null));
      return;
    }
    Symbol symbol = declared.get(target.name());
    if (symbol instanceof Symbol.Parameter) {
      diagnostics.error(
          DiagnosticCode.ASSIGNMENT_TO_PARAMETER,
          target.span(),
          "cannot assign to parameter '" + target.name()
              + "': parameters are set from outside; declare it under 'states' if it changes over time");
      rejected.add(resolveExpression(assignment.value(), Scope.UPDATE, null));
    } else if (symbol instanceof Symbol.Constant) {
      diagnostics.error(
          DiagnosticCode.ASSIGNMENT_TO_CONSTANT,
          target.span(),
          "cannot assign to constant '" + target.name() + "'");
      rejected.add(resolveExpression(assignment.value(), Scope.UPDATE, null));
    } else if (symbol instanceof Symbol.State state) {
      Expr value = resolveExpression(assignment.value(), Scope.UPDATE, null);
      recordUpdate(state, new StateUpdate.NextValue(state, value, assignment.span()), target.span());
    } else {
      defineLocal(assignment);
    }
  }

  private void defineLocal(UpdateStatement.Assignment assignment) {
    Identifier target = assignment.target();
    Symbol.Local previous = locals.get(target.name());
    Expr value = resolveExpression(assignment.value(), Scope.UPDATE, target.name());
    if (previous != null) {
      diagnostics.error(
          DiagnosticCode.LOCAL_DEFINED_TWICE,
          target.span(),
          "'" + target.name() + "' is already defined at line " + previous.span().line()
              + "; a local is defined once");
      rejected.add(value);
      return;
    }
    locals.put(target.name(), new Symbol.Local(target.name(), locals.size(), value, target.span()));
  }

  private void resolveDifferentialEquation(UpdateStatement.DifferentialEquation equation) {
    Identifier target = equation.target();
    Symbol symbol = declared.get(target.name());
    Expr derivative = resolveExpression(equation.value(), Scope.UPDATE, null);
    if (!(symbol instanceof Symbol.State state)) {
      String what =
          symbol instanceof Symbol.Parameter ? "parameter"
              : symbol instanceof Symbol.Constant ? "constant"
              : Symbol.Input.named(target.name()).isPresent() ? "built-in input"
              : localDefinitions.containsKey(target.name()) ? "local" : null;
      diagnostics.error(
          DiagnosticCode.DERIVATIVE_OF_NON_STATE,
          target.span(),
          what == null
              ? "'" + target.name() + "' is not a state" + Spelling.suggestion(target.name(), stateNames())
                  + "; declare it under 'states' to give it an equation"
              : "only a state can have a derivative, and '" + target.name() + "' is a " + what);
      rejected.add(derivative);
      return;
    }
    Optional<OdeMethod> method = method(equation);
    if (method.isPresent()) {
      recordUpdate(
          state, new StateUpdate.Derivative(state, derivative, method.get(), equation.span()), target.span());
    } else {
      rejected.add(derivative);
    }
  }

  private Optional<OdeMethod> method(UpdateStatement.DifferentialEquation equation) {
    if (equation.method().isEmpty()) {
      diagnostics.error(
          DiagnosticCode.MISSING_METHOD,
          equation.span(),
          "the equation for " + equation.target().name() + "' needs a method: add 'using exponential_euler' (or 'using euler')");
      return Optional.empty();
    }
    Identifier name = equation.method().get();
    Optional<OdeMethod> method = OdeMethod.named(name.name());
    if (method.isEmpty()) {
      List<String> known = Arrays.stream(OdeMethod.values()).map(OdeMethod::symbol).toList();
      diagnostics.error(
          DiagnosticCode.UNKNOWN_METHOD,
          name.span(),
          "unknown method '" + name.name() + "'" + Spelling.suggestion(name.name(), known)
              + "; the methods are " + String.join(", ", known));
    }
    return method;
  }

  private void recordUpdate(Symbol.State state, StateUpdate update, SourceSpan targetSpan) {
    StateUpdate previous = updates.putIfAbsent(state, update);
    if (previous != null) {
      diagnostics.error(
          DiagnosticCode.STATE_ASSIGNED_TWICE,
          targetSpan,
          "state '" + state.name() + "' is already updated at line " + previous.span().line()
              + "; a state gets one next value or one equation per step");
      rejected.add(
          update instanceof StateUpdate.NextValue next ? next.value() : ((StateUpdate.Derivative) update).derivative());
    }
  }

  private List<String> stateNames() {
    return states.stream().map(Symbol.State::name).toList();
  }

  // ------------------------------------------------------------------------------------------
  // Expressions

  private enum Scope {
    UPDATE,
    CURRENT
  }

  /**
   * @param definingLocal the local whose definition this is, for cycle diagnostics; else null
   */
  private Expr resolveExpression(Expression expression, Scope scope, String definingLocal) {
    return new ExpressionResolver(scope, definingLocal).resolve(expression);
  }

  private final class ExpressionResolver {
    private final Scope scope;
    private final String definingLocal;

    ExpressionResolver(Scope scope, String definingLocal) {
      this.scope = scope;
      this.definingLocal = definingLocal;
    }

    Expr resolve(Expression expression) {
      return expression.accept(resolution);
    }

    /** Each kind of expression as written, resolved. */
    private final Expression.Visitor<Expr> resolution =
        new Expression.Visitor<>() {
          @Override
          public Expr visitNumberLiteral(Expression.NumberLiteral literal) {
            return literal(literal);
          }

          @Override
          public Expr visitNameReference(Expression.NameReference reference) {
            return reference(reference);
          }

          @Override
          public Expr visitCall(Expression.Call call) {
            return call(call);
          }

          @Override
          public Expr visitUnary(Expression.Unary unary) {
            Expr operand = resolve(unary.operand());
            return unary.operator() == Expression.UnaryOperator.MINUS
                ? new Expr.Negate(operand, unary.span())
                : operand;
          }

          @Override
          public Expr visitBinary(Expression.Binary binary) {
            return new Expr.Arithmetic(
                Expr.ArithmeticOperator.valueOf(binary.operator().name()),
                resolve(binary.left()),
                resolve(binary.right()),
                binary.span());
          }

          @Override
          public Expr visitComparison(Expression.Comparison comparison) {
            return new Expr.Comparison(
                comparison.operator(), resolve(comparison.left()), resolve(comparison.right()), comparison.span());
          }

          @Override
          public Expr visitLogical(Expression.Logical logical) {
            return new Expr.Logical(
                logical.operator(), resolve(logical.left()), resolve(logical.right()), logical.span());
          }

          @Override
          public Expr visitNot(Expression.Not not) {
            return new Expr.Not(resolve(not.operand()), not.span());
          }

          @Override
          public Expr visitConditional(Expression.Conditional conditional) {
            return new Expr.Conditional(
                resolve(conditional.condition()),
                resolve(conditional.whenTrue()),
                resolve(conditional.whenFalse()),
                conditional.span());
          }
        };

    private Expr literal(Expression.NumberLiteral literal) {
      Unit unit = Unit.ONE;
      if (literal.unit().isPresent()) {
        Optional<Unit> resolved = units.resolve(literal.unit().get());
        if (resolved.isEmpty()) {
          return new Expr.Erroneous(literal.span());
        }
        unit = resolved.get();
      }
      Optional<Double> value =
          literal.unit().isEmpty()
              ? Literals.value(literal.number(), diagnostics)
              : Literals.converted(
                  literal.number(), unit.toCanonicalFactor(), textOf(literal.unit().get().span()),
                  workingUnitName(unit), diagnostics);
      Dimension dimension = unit.dimension();
      return value.<Expr>map(v -> new Expr.Literal(v, dimension, literal.span()))
          .orElseGet(() -> new Expr.Erroneous(literal.span()));
    }

    private Expr reference(Expression.NameReference reference) {
      String name = reference.name();
      Optional<Symbol.Input> input = Symbol.Input.named(name);
      if (input.isPresent()) {
        if (scope == Scope.CURRENT && CURRENT_ONLY_INVISIBLE.contains(name)) {
          diagnostics.error(
              DiagnosticCode.NOT_VISIBLE_IN_CURRENT,
              reference.span(),
              "'dt' cannot be used in the current: the current depends on the states and voltages only");
          return new Expr.Erroneous(reference.span());
        }
        return new Expr.Reference(input.get(), reference.span());
      }
      Symbol symbol = declared.get(name);
      if (symbol != null) {
        return withUnknownUnit.contains(name)
            ? new Expr.Erroneous(reference.span())
            : new Expr.Reference(symbol, reference.span());
      }
      if (scope == Scope.UPDATE) {
        Symbol.Local local = locals.get(name);
        if (local != null) {
          return new Expr.Reference(local, reference.span());
        }
        if (localDefinitions.containsKey(name)) {
          reportForwardReference(reference);
          return new Expr.Erroneous(reference.span());
        }
      } else if (localDefinitions.containsKey(name)) {
        diagnostics.error(
            DiagnosticCode.NOT_VISIBLE_IN_CURRENT,
            reference.span(),
            "'" + name + "' is a local of the update block and cannot be used in the current;"
                + " write its expression here instead");
        return new Expr.Erroneous(reference.span());
      }
      diagnostics.error(
          DiagnosticCode.UNKNOWN_NAME,
          reference.span(),
          "unknown name '" + name + "'" + Spelling.suggestion(name, visibleNames()));
      return new Expr.Erroneous(reference.span());
    }

    private void reportForwardReference(Expression.NameReference reference) {
      String name = reference.name();
      if (definingLocal != null && (name.equals(definingLocal) || dependsOn(name, definingLocal, new HashSet<>()))) {
        diagnostics.error(
            DiagnosticCode.LOCAL_CYCLE,
            reference.span(),
            name.equals(definingLocal)
                ? "'" + name + "' is defined in terms of itself"
                : "'" + definingLocal + "' and '" + name + "' are defined in terms of each other");
        return;
      }
      diagnostics.error(
          DiagnosticCode.LOCAL_USED_BEFORE_DEFINITION,
          reference.span(),
          "'" + name + "' is used before its definition at line "
              + localDefinitions.get(name).span().line() + "; move that definition above this line");
    }

    /** Whether local {@code name}'s definition refers, through other locals, to {@code target}. */
    private boolean dependsOn(String name, String target, Set<String> visited) {
      if (!visited.add(name)) {
        return false;
      }
      UpdateStatement.Assignment definition = localDefinitions.get(name);
      if (definition == null) {
        return false;
      }
      for (String used : namesIn(definition.value())) {
        if (used.equals(target) || dependsOn(used, target, visited)) {
          return true;
        }
      }
      return false;
    }

    private Expr call(Expression.Call call) {
      String name = call.function().name();
      List<Expr> arguments = call.arguments().stream().map(this::resolve).toList();
      Optional<BuiltinFunction> function = BuiltinFunction.named(name);
      if (function.isEmpty()) {
        List<String> known = Arrays.stream(BuiltinFunction.values()).map(BuiltinFunction::symbol).toList();
        String hint =
            name.equals("save_exp")
                ? " (Jaxley's save_exp is 'safe_exp' here)"
                : Spelling.suggestion(name, known);
        diagnostics.error(
            DiagnosticCode.UNKNOWN_FUNCTION,
            call.function().span(),
            "unknown function '" + name + "'" + hint);
        rejected.addAll(arguments);
        return new Expr.Erroneous(call.span());
      }
      int arity = function.get().arity();
      if (arguments.size() != arity) {
        diagnostics.error(
            DiagnosticCode.WRONG_ARITY,
            call.span(),
            "'" + name + "' takes " + arity + (arity == 1 ? " argument" : " arguments") + ", but "
                + arguments.size() + (arguments.size() == 1 ? " was" : " were") + " given");
        rejected.addAll(arguments);
        return new Expr.Erroneous(call.span());
      }
      return new Expr.Call(function.get(), arguments, call.span());
    }

    private List<String> visibleNames() {
      List<String> names = new ArrayList<>(declared.keySet());
      for (Symbol.Input input : Symbol.Input.values()) {
        if (scope == Scope.UPDATE || !CURRENT_ONLY_INVISIBLE.contains(input.symbol())) {
          names.add(input.symbol());
        }
      }
      if (scope == Scope.UPDATE) {
        names.addAll(localDefinitions.keySet());
      }
      return names;
    }
  }

  /** The names an expression refers to, functions excluded. */
  private static List<String> namesIn(Expression expression) {
    List<String> names = new ArrayList<>();
    collectNames(expression, names);
    return names;
  }

  private static void collectNames(Expression expression, List<String> names) {
    expression.accept(
        new ExpressionTraversal() {
          @Override
          public Void visitNameReference(Expression.NameReference reference) {
            names.add(reference.name());
            return null;
          }
        });
  }


  // ------------------------------------------------------------------------------------------
  // Helpers

  private static SourceSpan spanOf(Symbol symbol) {
    return symbol.accept(DECLARATIONS).span();
  }

  private static String kindOf(Symbol symbol) {
    return symbol.accept(DECLARATIONS).kind();
  }

  /** What a declared symbol is called in messages, and where it is declared. */
  private record DeclaredAs(String kind, SourceSpan span) {}

  private static final Symbol.Visitor<DeclaredAs> DECLARATIONS =
      new Symbol.Visitor<>() {
        @Override
        public DeclaredAs visitParameter(Symbol.Parameter parameter) {
          return new DeclaredAs("parameter", parameter.span());
        }

        @Override
        public DeclaredAs visitConstant(Symbol.Constant constant) {
          return new DeclaredAs("constant", constant.span());
        }

        @Override
        public DeclaredAs visitState(Symbol.State state) {
          return new DeclaredAs("state", state.span());
        }

        @Override
        public DeclaredAs visitLocal(Symbol.Local local) {
          return new DeclaredAs("local", local.span());
        }

        @Override
        public DeclaredAs visitInput(Symbol.Input input) {
          throw new AssertionError("a built-in input has no declaration: " + input);
        }
      };

  /** Whether the factor from {@code unit} to the working unit and back are both nonzero doubles. */
  private static boolean convertibleAtRunTime(Unit unit) {
    BigDecimal factor = unit.toCanonicalFactor();
    double there = factor.doubleValue();
    double back = BigDecimal.ONE.divide(factor, MathContext.DECIMAL128).doubleValue();
    return there != 0 && back != 0 && Double.isFinite(there) && Double.isFinite(back);
  }

  /** How messages name the working unit of {@code unit}'s dimension: "nA", or "" if it has no name. */
  private static String workingUnitName(Unit unit) {
    return unit.dimension().workingUnit().orElse("");
  }

  /** A range as the user wrote it, from '[' to ']', without the {@code in}. */
  private String bracketsOf(Declaration.ValueRange range) {
    String text = textOf(range.span());
    int bracket = text.indexOf('[');
    return bracket >= 0 ? text.substring(bracket) : text;
  }

  /** The first {@code length} characters of {@code span}: a section's keyword, say. */
  private static SourceSpan head(SourceSpan span, int length) {
    return new SourceSpan(span.file(), span.line(), span.column(), span.line(), span.column() + length);
  }

  /** The source text of a span on one line, as the user wrote it. */
  private static String textOf(SourceSpan span) {
    return span.textOnFirstLine();
  }
}
