package io.cleft.compiler.check;

import io.cleft.compiler.ast.Expression;
import io.cleft.compiler.ast.Identifier;
import io.cleft.compiler.ast.Statement;
import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.diagnostic.Spelling;
import io.cleft.compiler.model.Expr;
import io.cleft.compiler.model.Symbol;
import io.cleft.compiler.source.SourceSpan;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves the statements of a block that runs in order ({@code initial}, a handler, the
 * current block), for {@link Resolver}, which owns the declarations it reads and the
 * diagnostics and rejected expressions it adds to. A name assigned for the first time defines a
 * local of the innermost {@code if} branch it is in (or of the block); later assignments and
 * reads see it until that branch ends. States are read with the value the statements before
 * wrote.
 */
final class BlockResolver implements Statement.Visitor<Optional<io.cleft.compiler.model.Statement>> {
  private final Resolver resolver;
  private final Resolver.Scope scope;
  private final Map<String, Symbol.EventArgument> arguments;
  private final Deque<Map<String, Symbol.Local>> branches = new ArrayDeque<>();
  /** Locals whose branch has ended, with the span of their 'if', for a clear diagnostic. */
  private final Map<String, SourceSpan> endedInBranch = new HashMap<>();
  /** The locals defined outside any branch, in order. */
  final List<Symbol.Local> topLevel = new ArrayList<>();
  private int localCount;

  BlockResolver(Resolver resolver, Resolver.Scope scope, Map<String, Symbol.EventArgument> arguments) {
    this.resolver = resolver;
    this.scope = scope;
    this.arguments = arguments;
  }

  List<io.cleft.compiler.model.Statement> resolve(List<Statement> statements) {
    branches.push(new LinkedHashMap<>());
    List<io.cleft.compiler.model.Statement> resolved = resolveAll(statements);
    topLevel.addAll(branches.pop().values());
    return resolved;
  }

  private List<io.cleft.compiler.model.Statement> resolveAll(List<Statement> statements) {
    List<io.cleft.compiler.model.Statement> resolved = new ArrayList<>();
    for (Statement statement : statements) {
      statement.accept(this).ifPresent(resolved::add);
    }
    return resolved;
  }

  Optional<Symbol> lookup(String name) {
    if (arguments.containsKey(name)) {
      return Optional.of(arguments.get(name));
    }
    for (Map<String, Symbol.Local> branch : branches) {
      if (branch.containsKey(name)) {
        return Optional.of(branch.get(name));
      }
    }
    return Optional.empty();
  }

  Optional<SourceSpan> definedOnlyInBranch(String name) {
    return Optional.ofNullable(endedInBranch.get(name));
  }

  List<String> visibleNames() {
    List<String> names = new ArrayList<>(arguments.keySet());
    branches.forEach(branch -> names.addAll(branch.keySet()));
    return names;
  }

  private Expr expression(Expression expression) {
    return resolver.new ExpressionResolver(scope, null, this).resolve(expression);
  }

  @Override
  public Optional<io.cleft.compiler.model.Statement> visitAssignment(Statement.Assignment assignment) {
    Expr value = expression(assignment.value());
    Optional<Symbol> targetSymbol = target(assignment, value);
    if (targetSymbol.isEmpty()) {
      resolver.rejected.add(value);
      return Optional.empty();
    }
    return Optional.of(
        new io.cleft.compiler.model.Statement.Assignment(targetSymbol.get(), assignment.operator(), value, assignment.span()));
  }

  /** The symbol an assignment writes, defining a local on first assignment; empty if reported. */
  private Optional<Symbol> target(Statement.Assignment assignment, Expr value) {
    Identifier target = assignment.target();
    String name = target.name();
    Optional<Symbol.Input> input = Symbol.Input.named(name);
    if (input.isPresent()) {
      resolver.diagnostics.error(
          DiagnosticCode.ASSIGNMENT_TO_INPUT,
          target.span(),
          "cannot assign to '" + name + "': it is a built-in input, " + input.get().description());
      return Optional.empty();
    }
    if (arguments.containsKey(name)) {
      resolver.diagnostics.error(
          DiagnosticCode.ASSIGNMENT_TO_EVENT_ARGUMENT,
          target.span(),
          "cannot assign to '" + name + "': it is the event's argument; compute a local under another name");
      return Optional.empty();
    }
    Symbol symbol = resolver.declared.get(name);
    if (symbol instanceof Symbol.Parameter) {
      resolver.diagnostics.error(
          DiagnosticCode.ASSIGNMENT_TO_PARAMETER,
          target.span(),
          "cannot assign to parameter '" + name + "': parameters are set from outside; "
              + (scope == Resolver.Scope.INITIAL
                  ? "derive a value under another name here (as Exp2Syn's clamped tau1), and use that"
                  : "declare it under 'states' if it changes over time"));
      return Optional.empty();
    }
    if (symbol instanceof Symbol.Constant) {
      resolver.diagnostics.error(DiagnosticCode.ASSIGNMENT_TO_CONSTANT, target.span(), "cannot assign to constant '" + name + "'");
      return Optional.empty();
    }
    if (symbol instanceof Symbol.State state) {
      if (scope == Resolver.Scope.CURRENT) {
        resolver.diagnostics.error(
            DiagnosticCode.STATE_ASSIGNED_IN_CURRENT,
            target.span(),
            "the current cannot change state '" + name + "': states change in 'update' and in event handlers");
        return Optional.empty();
      }
      return Optional.of(state);
    }
    if (scope != Resolver.Scope.INITIAL && resolver.derived.containsKey(name)) {
      resolver.diagnostics.error(
          DiagnosticCode.ASSIGNMENT_TO_DERIVED,
          target.span(),
          "cannot assign to '" + name + "': it is derived from the parameters in 'initial' (line "
              + resolver.derived.get(name).span().line() + "); compute a local under another name");
      return Optional.empty();
    }
    Optional<Symbol> existing = lookup(name);
    if (existing.isPresent()) {
      return existing;
    }
    if (assignment.operator() != Statement.AssignmentOperator.SET) {
      resolver.diagnostics.error(
          DiagnosticCode.COMPOUND_BEFORE_DEFINITION,
          target.span(),
          "'" + name + " " + assignment.operator().symbol + "' needs a value of '" + name + "' to start from; "
              + "write '" + name + " = ...' first" + Spelling.suggestion(name, resolver.stateNames()));
      // Defined all the same, so that the statements after it are checked without follow-ups.
      branches.peek().put(name, new Symbol.Local(name, localCount++, value, target.span()));
      return Optional.empty();
    }
    Symbol.Local local = new Symbol.Local(name, localCount++, value, target.span());
    branches.peek().put(name, local);
    endedInBranch.remove(name);
    return Optional.of(local);
  }

  @Override
  public Optional<io.cleft.compiler.model.Statement> visitEquation(Statement.Equation equation) {
    resolver.diagnostics.error(
        DiagnosticCode.EQUATION_OUTSIDE_UPDATE,
        Resolver.head(equation.span(), equation.target().name().length() + 1),
        "an equation belongs in the update block; " + scope.description
            + (scope == Resolver.Scope.HANDLER ? " changes states by jumps ('g = g + weight', 'g += weight')"
                : " assigns values ('x = ...')"));
    resolver.rejected.add(expression(equation.value()));
    return Optional.empty();
  }

  @Override
  public Optional<io.cleft.compiler.model.Statement> visitIf(Statement.If conditional) {
    Expr condition = expression(conditional.condition());
    List<io.cleft.compiler.model.Statement> whenTrue = branch(conditional.whenTrue(), conditional.span());
    List<io.cleft.compiler.model.Statement> whenFalse = branch(conditional.whenFalse(), conditional.span());
    return Optional.of(new io.cleft.compiler.model.Statement.If(condition, whenTrue, whenFalse, conditional.span()));
  }

  private List<io.cleft.compiler.model.Statement> branch(List<Statement> statements, SourceSpan ifSpan) {
    branches.push(new LinkedHashMap<>());
    List<io.cleft.compiler.model.Statement> resolved = resolveAll(statements);
    branches.pop().keySet().forEach(name -> endedInBranch.putIfAbsent(name, ifSpan));
    return resolved;
  }
}
