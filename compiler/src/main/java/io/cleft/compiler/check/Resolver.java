package io.cleft.compiler.check;

import io.cleft.compiler.ast.Declaration;
import io.cleft.compiler.ast.Expression;
import io.cleft.compiler.ast.ExpressionTraversal;
import io.cleft.compiler.ast.Identifier;
import io.cleft.compiler.ast.Section;
import io.cleft.compiler.ast.Statement;
import io.cleft.compiler.ast.SynapseDecl;
import io.cleft.compiler.ast.UpdateStatement;
import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.diagnostic.DiagnosticCollector;
import io.cleft.compiler.diagnostic.Spelling;
import io.cleft.compiler.model.BuiltinFunction;
import io.cleft.compiler.model.EventHandler;
import io.cleft.compiler.model.EventKind;
import io.cleft.compiler.model.Expr;
import io.cleft.compiler.model.OdeMethod;
import io.cleft.compiler.model.StateUpdate;
import io.cleft.compiler.model.Symbol;
import io.cleft.compiler.model.SynapseModel;
import io.cleft.compiler.model.ValueRange;
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
  /** {@code clip(x, low, high)}, which the resolver writes as {@code min(max(x, low), high)}. */
  private static final String CLIP = "clip";
  /** A method as NMODL names it: cleft's method, and what it is, for the note. */
  private record NmodlMethod(OdeMethod method, String what) {}

  /** NMODL's names of cleft's methods. */
  private static final Map<String, NmodlMethod> NMODL_METHODS = Map.of(
      "cnexp", new NmodlMethod(
          OdeMethod.EXPONENTIAL_EULER, "the exact step of x' = a + b*x for one state, with a and b frozen over the step"),
      "derivimplicit", new NmodlMethod(
          OdeMethod.IMPLICIT_EULER, "backward Euler, by Newton's method where the equations are nonlinear"));
  /** The name the current block gives the current. */
  public static final String CURRENT_NAME = "i";

  final DiagnosticCollector diagnostics;
  private final UnitResolver units;

  final Map<String, Symbol> declared = new LinkedHashMap<>();
  private final List<Symbol.Parameter> parameters = new ArrayList<>();
  private final List<Symbol.Constant> constants = new ArrayList<>();
  private final List<Symbol.State> states = new ArrayList<>();
  private final Map<String, Symbol.Local> locals = new LinkedHashMap<>();
  final Map<Symbol.State, StateUpdate> updates = new LinkedHashMap<>();
  /** The update block's kinetic schemes, resolved after its other statements. */
  private final List<io.cleft.compiler.model.KineticScheme> schemes = new ArrayList<>();
  /**
   * Declared names whose unit is unknown (reported): their uses resolve to
   * {@link Expr.Erroneous}, so the unit checker does not go on to report them as dimensionless.
   */
  private final Set<String> withUnknownUnit = new HashSet<>();
  /** Every local the update block defines, by name, for forward-reference diagnostics. */
  final Map<String, UpdateStatement.Assignment> localDefinitions = new HashMap<>();
  /** The values the initial block derives from the parameters, visible in every other block. */
  final Map<String, Symbol.Local> derived = new LinkedHashMap<>();
  /** The names the current block defines, for diagnostics where they are not visible. */
  private final Set<String> currentBlockNames = new HashSet<>();
  /** Handler arguments by name, with their event, for diagnostics where they are not visible. */
  private final Map<String, EventKind> argumentNames = new HashMap<>();
  /** Expressions left out of the model with the statement or call around them; see {@link Resolution}. */
  final List<Expr> rejected = new ArrayList<>();

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
    SectionsByKind byKind = SectionsByKind.of(synapse);
    // A duplicate section is reported, but what it declares still counts, so that its names
    // do not show up again as unknown wherever they are used.
    for (Section.DeclarationKind kind : Section.DeclarationKind.values()) {
      for (Section.Declarations declarations : byKind.declarations()) {
        if (declarations.kind() == kind) {
          declarations.declarations().forEach(d -> declare(kind, d));
        }
      }
    }
    Section.Initial initialSection = (Section.Initial) sections.get("initial");
    List<io.cleft.compiler.model.Statement> initial = List.of();
    if (initialSection != null) {
      BlockResolver block = new BlockResolver(this, Scope.INITIAL, Map.of());
      initial = block.resolve(initialSection.statements());
      block.topLevel.forEach(local -> derived.put(local.name(), local));
    }
    List<UpdateStatement> statements = new ArrayList<>();
    byKind.updates().forEach(update -> statements.addAll(update.statements()));
    Section.Current current = (Section.Current) sections.get("current");
    if (current != null) {
      currentBlockNames.addAll(assignedAtTopLevel(current.statements()));
    }
    // The first handler of each event; a second one is reported, not resolved.
    List<Section.Handler> handlerSections = new ArrayList<>();
    for (Section.Handler handler : byKind.handlers()) {
      if (sections.get(handler.keyword()) == handler) {
        handlerSections.add(handler);
        handler.arguments().forEach(a -> EventKind.named(handler.event().name())
            .ifPresent(kind -> argumentNames.putIfAbsent(a.name().name(), kind)));
      }
    }
    resolveUpdate(statements);
    List<EventHandler> handlers = new ArrayList<>();
    for (Section.Handler handler : handlerSections) {
      resolveHandler(handler).ifPresent(handlers::add);
    }
    Expr currentExpr;
    List<io.cleft.compiler.model.Statement> currentStatements = List.of();
    List<Symbol.Local> currentValues = List.of();
    if (current == null) {
      diagnostics.error(
          DiagnosticCode.MISSING_CURRENT,
          synapse.name().span(),
          "synapse '" + synapse.name().name() + "' has no current; add 'current = ...' (in nA)");
      currentExpr = new Expr.Erroneous(synapse.name().span());
    } else if (current.value().isPresent()) {
      currentExpr = resolveExpression(current.value().get(), Scope.CURRENT, null);
    } else {
      BlockResolver block = new BlockResolver(this, Scope.CURRENT, Map.of());
      currentStatements = block.resolve(current.statements());
      Optional<Symbol.Local> i = block.topLevel.stream().filter(l -> l.name().equals(CURRENT_NAME)).findFirst();
      currentValues = block.topLevel.stream().filter(l -> !l.name().equals(CURRENT_NAME)).toList();
      if (i.isEmpty()) {
        diagnostics.error(
            DiagnosticCode.CURRENT_WITHOUT_I,
            head(current.span(), "current".length()),
            "the current block does not assign the current: end it with 'i = ...' (in nA), outside any 'if'");
        currentExpr = new Expr.Erroneous(current.span());
      } else {
        currentExpr = new Expr.Reference(i.get(), i.get().span());
      }
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
        initial,
        List.copyOf(derived.values()),
        handlers,
        currentStatements,
        currentValues,
        currentExpr,
        schemes);
  }

  /** The handler's event and argument checked, its statements resolved; empty for an unknown event. */
  private Optional<EventHandler> resolveHandler(Section.Handler handler) {
    Optional<EventKind> kind = EventKind.named(handler.event().name());
    if (kind.isEmpty()) {
      List<String> known = Arrays.stream(EventKind.values()).map(EventKind::symbol).toList();
      String hint =
          Spelling.suggestion(handler.event().name(), known).isEmpty()
              ? " (a presynaptic spike is 'on pre(weight uS)', a postsynaptic one 'on post')"
              : Spelling.suggestion(handler.event().name(), known);
      diagnostics.error(
          DiagnosticCode.UNKNOWN_EVENT,
          handler.event().span(),
          "unknown event '" + handler.event().name() + "'" + hint + "; the events are " + String.join(", ", known));
      return Optional.empty();
    }
    Map<String, Symbol.EventArgument> arguments = new LinkedHashMap<>();
    for (int a = 0; a < handler.arguments().size(); a++) {
      Section.HandlerArgument argument = handler.arguments().get(a);
      if (a >= kind.get().maxArguments()) {
        // Reported, but still declared, so that its uses in the handler are not errors too.
        diagnostics.error(
            DiagnosticCode.HANDLER_ARGUMENTS,
            argument.span(),
            kind.get() == EventKind.POST
                ? "'on post' takes no argument: a postsynaptic spike brings no weight"
                : "'on pre' takes one argument, the spike's weight; this is one more");
      }
      String name = argument.name().name();
      if (declared.containsKey(name) || Symbol.Input.named(name).isPresent() || derived.containsKey(name)) {
        diagnostics.error(
            DiagnosticCode.ARGUMENT_SHADOWS,
            argument.name().span(),
            "the argument '" + name + "' has the name of "
                + (Symbol.Input.named(name).isPresent() ? "a built-in input"
                    : declared.containsKey(name) ? "a " + kindOf(declared.get(name))
                    : "a value derived in 'initial'")
                + "; give it another name");
        continue;
      }
      Optional<Unit> unit = argument.unit().isPresent() ? units.resolve(argument.unit().get()) : Optional.of(Unit.ONE);
      String unitText = argument.unit().map(u -> textOf(u.span())).orElse("1");
      if (unit.isPresent() && !convertibleAtRunTime(unit.get())) {
        diagnostics.error(
            DiagnosticCode.UNIT_FACTOR_OUT_OF_RANGE,
            argument.unit().get().span(),
            "converting " + unitText + " to cleft's working unit multiplies by about "
                + Literals.scientific(unit.get().toCanonicalFactor())
                + ", which a double cannot hold; choose a unit closer to the working one");
        unit = Optional.empty();
      }
      if (unit.isEmpty()) {
        withUnknownUnit.add(name);
      }
      arguments.put(name, new Symbol.EventArgument(name, unit.orElse(Unit.ONE), unitText, argument.name().span()));
    }
    BlockResolver block = new BlockResolver(this, Scope.HANDLER, arguments);
    List<io.cleft.compiler.model.Statement> statements = block.resolve(handler.statements());
    Optional<Symbol.EventArgument> weight =
        kind.get().maxArguments() > 0 ? arguments.values().stream().findFirst() : Optional.empty();
    return Optional.of(new EventHandler(kind.get(), weight, statements, handler.span()));
  }

  /** The sections of each kind, in source order: a section of a new kind fails to compile here. */
  private record SectionsByKind(
      List<Section.Declarations> declarations, List<Section.Update> updates, List<Section.Handler> handlers) {
    static SectionsByKind of(SynapseDecl synapse) {
      SectionsByKind byKind = new SectionsByKind(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
      Section.Visitor<Void> sort =
          new Section.Visitor<>() {
            @Override
            public Void visitDeclarations(Section.Declarations declarations) {
              byKind.declarations().add(declarations);
              return null;
            }

            @Override
            public Void visitUpdate(Section.Update update) {
              byKind.updates().add(update);
              return null;
            }

            // One of each of these is allowed; uniqueSections finds it by its keyword.
            @Override
            public Void visitInitial(Section.Initial initial) {
              return null;
            }

            @Override
            public Void visitHandler(Section.Handler handler) {
              byKind.handlers().add(handler);
              return null;
            }

            @Override
            public Void visitCurrent(Section.Current current) {
              return null;
            }
          };
      synapse.sections().forEach(section -> section.accept(sort));
      return byKind;
    }
  }

  /** The names a block assigns outside any {@code if}. */
  private static List<String> assignedAtTopLevel(List<Statement> statements) {
    List<String> names = new ArrayList<>();
    Statement.Visitor<Void> collect =
        new Statement.Visitor<>() {
          @Override
          public Void visitAssignment(Statement.Assignment assignment) {
            names.add(assignment.target().name());
            return null;
          }

          @Override
          public Void visitEquation(Statement.Equation equation) {
            return null;
          }

          @Override
          public Void visitIf(Statement.If conditional) {
            return null;
          }
        };
    statements.forEach(statement -> statement.accept(collect));
    return names;
  }

  private Map<String, Section> uniqueSections(SynapseDecl synapse) {
    Map<String, Section> sections = new HashMap<>();
    for (Section section : synapse.sections()) {
      String keyword = section.keyword();
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
    if (kind != Section.DeclarationKind.PARAMETERS && declaration.shared().isPresent()) {
      // A constant is one value already, and a state changes per synapse with its inputs.
      diagnostics.error(
          DiagnosticCode.SHARED_NOT_A_PARAMETER,
          declaration.shared().get(),
          "only a parameter can be shared; '" + name.name() + "' is declared in "
              + kind.keyword());
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
                    declaration.doc(), name.span(), declaration.shared().isPresent());
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
    List<UpdateStatement.KineticScheme> kinetic = new ArrayList<>();
    UpdateStatement.Visitor<Void> resolution =
        new UpdateStatement.Visitor<>() {
          @Override
          public Void visitAssignment(UpdateStatement.Assignment assignment) {
            resolveAssignment(assignment);
            return null;
          }

          @Override
          public Void visitDifferentialEquation(UpdateStatement.DifferentialEquation equation) {
            resolveDifferentialEquation(equation);
            return null;
          }

          @Override
          public Void visitKineticScheme(UpdateStatement.KineticScheme scheme) {
            kinetic.add(scheme);
            return null;
          }
        };
    statements.forEach(statement -> statement.accept(resolution));
    // After the equations and next values, so that a scheme's state that has one is reported at the scheme.
    KineticSchemeResolver schemeResolver = new KineticSchemeResolver(this);
    kinetic.forEach(scheme -> schemeResolver.resolve(scheme).ifPresent(schemes::add));
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
    return method(
        equation.method(), equation.span(), "the equation for " + equation.target().name() + "'",
        "'using exponential_euler' (or 'using euler')");
  }

  /**
   * The method {@code named} names, or empty if it is missing or unknown (reported); {@code what}
   * needs it, and {@code suggestion} is what to add when it is missing.
   */
  Optional<OdeMethod> method(Optional<Identifier> named, SourceSpan span, String what, String suggestion) {
    if (named.isEmpty()) {
      diagnostics.error(
          DiagnosticCode.MISSING_METHOD,
          span,
          what + " needs a method: add " + suggestion);
      return Optional.empty();
    }
    Identifier name = named.get();
    NmodlMethod nmodl = NMODL_METHODS.get(name.name());
    if (nmodl != null) {
      // NMODL users write these; each is the same step for the same equations, so the model is
      // right and only the name is NMODL's.
      diagnostics.note(
          DiagnosticCode.NMODL_METHOD_NAME,
          name.span(),
          "'" + name.name() + "' is NMODL's name for " + nmodl.method().symbol() + " (" + nmodl.what()
              + "); cleft reads it so, write 'using " + nmodl.method().symbol() + "' to say it in cleft's words");
      return Optional.of(nmodl.method());
    }
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
      rejected.add(update.rightHandSide());
    }
  }

  List<String> stateNames() {
    return states.stream().map(Symbol.State::name).toList();
  }

  // ------------------------------------------------------------------------------------------
  // Expressions

  /** The block an expression is in, which decides the inputs and locals it sees. */
  enum Scope {
    UPDATE("the update block", Set.of(Symbol.Input.DT, Symbol.Input.T, Symbol.Input.V_PRE, Symbol.Input.V_POST)),
    CURRENT("the current", Set.of(Symbol.Input.T, Symbol.Input.V_PRE, Symbol.Input.V_POST)),
    INITIAL("'initial'", Set.of()),
    HANDLER("an event handler", Set.of(Symbol.Input.T));

    final String description;
    final Set<Symbol.Input> inputs;

    Scope(String description, Set<Symbol.Input> inputs) {
      this.description = description;
      this.inputs = inputs;
    }

    /** Why an input outside {@link #inputs} is not there, for the diagnostic. */
    String whatItSees() {
      return switch (this) {
        case INITIAL -> "initial values are computed from the parameters and constants once, before any time passes";
        case HANDLER -> "a handler sees the states, the parameters, 't' (the event's time) and its argument";
        case UPDATE, CURRENT -> "";
      };
    }
  }

  /**
   * @param definingLocal the local whose definition this is, for cycle diagnostics; else null
   */
  Expr resolveExpression(Expression expression, Scope scope, String definingLocal) {
    return new ExpressionResolver(scope, definingLocal, null).resolve(expression);
  }

  final class ExpressionResolver {
    private final Scope scope;
    private final String definingLocal;
    /** The block of statements the expression is in, for its locals and arguments; null in the update block. */
    private final BlockResolver block;

    ExpressionResolver(Scope scope, String definingLocal, BlockResolver block) {
      this.scope = scope;
      this.definingLocal = definingLocal;
      this.block = block;
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
        if (!scope.inputs.contains(input.get())) {
          if (scope == Scope.CURRENT && CURRENT_ONLY_INVISIBLE.contains(name)) {
            diagnostics.error(
                DiagnosticCode.NOT_VISIBLE_IN_CURRENT,
                reference.span(),
                "'dt' cannot be used in the current: the current depends on the states and voltages only");
          } else {
            diagnostics.error(
                DiagnosticCode.NOT_VISIBLE_IN_BLOCK,
                reference.span(),
                "'" + name + "' cannot be used in " + scope.description + ": " + scope.whatItSees());
          }
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
      if (block != null) {
        Optional<Symbol> inBlock = block.lookup(name);
        if (inBlock.isPresent()) {
          return withUnknownUnit.contains(name)
              ? new Expr.Erroneous(reference.span())
              : new Expr.Reference(inBlock.get(), reference.span());
        }
      }
      if (scope != Scope.INITIAL && derived.containsKey(name)) {
        return new Expr.Reference(derived.get(name), reference.span());
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
        if (scope == Scope.CURRENT) {
          diagnostics.error(
              DiagnosticCode.NOT_VISIBLE_IN_CURRENT,
              reference.span(),
              "'" + name + "' is a local of the update block and cannot be used in the current;"
                  + " write its expression here instead");
        } else {
          diagnostics.error(
              DiagnosticCode.NOT_VISIBLE_IN_BLOCK,
              reference.span(),
              "'" + name + "' is a local of the update block and cannot be used in " + scope.description
                  + "; compute it here, or in 'initial' if it depends on parameters only");
        }
        return new Expr.Erroneous(reference.span());
      }
      Optional<SourceSpan> branch = block == null ? Optional.empty() : block.definedOnlyInBranch(name);
      if (branch.isPresent()) {
        diagnostics.error(
            DiagnosticCode.DEFINED_ONLY_IN_BRANCH,
            reference.span(),
            "'" + name + "' is defined only inside the 'if' at line " + branch.get().line()
                + ", so it has no value here; give it a value before that 'if'");
        return new Expr.Erroneous(reference.span());
      }
      if (scope != Scope.CURRENT && currentBlockNames.contains(name)) {
        diagnostics.error(
            DiagnosticCode.NOT_VISIBLE_IN_BLOCK,
            reference.span(),
            "'" + name + "' is a value of the current block and cannot be used in " + scope.description);
        return new Expr.Erroneous(reference.span());
      }
      if (argumentNames.containsKey(name)) {
        diagnostics.error(
            DiagnosticCode.NOT_VISIBLE_IN_BLOCK,
            reference.span(),
            "'" + name + "' is the argument of 'on " + argumentNames.get(name).symbol()
                + "' and can be used only in that handler");
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
      if (name.equals(CLIP) && arguments.size() == 3) {
        // numpy's (and Brian2's) clip, to the bit: minimum(maximum(x, low), high).
        Expr atLeastLow = new Expr.Call(BuiltinFunction.MAX, List.of(arguments.get(0), arguments.get(1)), call.span());
        return new Expr.Call(BuiltinFunction.MIN, List.of(atLeastLow, arguments.get(2)), call.span());
      }
      Optional<BuiltinFunction> function = BuiltinFunction.named(name);
      if (function.isEmpty() && !name.equals(CLIP)) {
        List<String> known = new ArrayList<>(Arrays.stream(BuiltinFunction.values()).map(BuiltinFunction::symbol).toList());
        known.add(CLIP);
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
      int arity = function.map(BuiltinFunction::arity).orElse(3);
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
      scope.inputs.forEach(input -> names.add(input.symbol()));
      if (scope == Scope.UPDATE) {
        names.addAll(localDefinitions.keySet());
      }
      if (scope != Scope.INITIAL) {
        names.addAll(derived.keySet());
      }
      if (block != null) {
        names.addAll(block.visibleNames());
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

  static String kindOf(Symbol symbol) {
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
        public DeclaredAs visitEventArgument(Symbol.EventArgument argument) {
          return new DeclaredAs("handler argument", argument.span());
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
  static SourceSpan head(SourceSpan span, int length) {
    return new SourceSpan(span.file(), span.line(), span.column(), span.line(), span.column() + length);
  }

  /** The source text of a span on one line, as the user wrote it. */
  private static String textOf(SourceSpan span) {
    return span.textOnFirstLine();
  }
}
