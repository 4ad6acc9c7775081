package io.cleft.compiler.lower;

import io.cleft.compiler.ir.IrBinaryOperator;
import io.cleft.compiler.ir.IrCondition;
import io.cleft.compiler.ir.IrExpr;
import io.cleft.compiler.ir.IrLocal;
import io.cleft.compiler.model.Expr;
import io.cleft.compiler.model.Statement;
import io.cleft.compiler.model.Symbol;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

/**
 * Lowers a block that runs in order ({@code initial}, a handler, the current block) to
 * straight-line IR in single-assignment form: every assignment is a new local, which the
 * statements after it read; an {@code if} lowers both branches and then, for each state or
 * earlier local a branch changed, chooses between the two values with the condition. Nothing is
 * evaluated conditionally but the choice, which is exact: IEEE arithmetic has no side effects,
 * and a branch not taken only computes a value that is then dropped.
 *
 * <p>Values are in working units, as everywhere in the IR; the caller converts states in and out.
 */
final class StatementLowering {
  /** How the caller lowers one expression, given what each symbol stands for. */
  interface Expressions {
    IrExpr number(Expr expr, Function<Symbol, IrExpr> references);

    IrCondition condition(Expr expr, Function<Symbol, IrExpr> references);
  }

  private final Expressions expressions;
  private final Function<Symbol, IrExpr> outer;
  private final List<IrLocal> locals = new ArrayList<>();
  /** The current value of each symbol the block has assigned so far. */
  private Map<Symbol, IrExpr> values = new LinkedHashMap<>();

  /**
   * @param outer what a symbol the block has not assigned stands for: a state's value at the
   *     start (in working units), a parameter, a constant, an input, a derived value
   */
  StatementLowering(Expressions expressions, Function<Symbol, IrExpr> outer) {
    this.expressions = expressions;
    this.outer = outer;
  }

  /** Lowers the statements, appending to the locals and values of those lowered before. */
  StatementLowering lower(List<Statement> statements) {
    for (Statement statement : statements) {
      statement.accept(
          new Statement.Visitor<Void>() {
            @Override
            public Void visitAssignment(Statement.Assignment assignment) {
              assign(assignment);
              return null;
            }

            @Override
            public Void visitIf(Statement.If conditional) {
              choose(conditional);
              return null;
            }
          });
    }
    return this;
  }

  /** The locals in order: the block's IR. */
  List<IrLocal> locals() {
    return List.copyOf(locals);
  }

  /** What {@code symbol} holds after the statements lowered so far. */
  IrExpr valueOf(Symbol symbol) {
    IrExpr value = values.get(symbol);
    return value != null ? value : outer.apply(symbol);
  }

  /** Whether the statements assign {@code symbol} (outside any branch, or in one and merged). */
  boolean assigns(Symbol symbol) {
    return values.containsKey(symbol);
  }

  private void assign(Statement.Assignment assignment) {
    Symbol target = assignment.target();
    IrExpr value = expressions.number(assignment.value(), this::valueOf);
    IrExpr next =
        switch (assignment.operator()) {
          case SET -> value;
          case ADD -> new IrExpr.Binary(IrBinaryOperator.ADD, valueOf(target), value);
          case SUBTRACT -> new IrExpr.Binary(IrBinaryOperator.SUBTRACT, valueOf(target), value);
        };
    define(target, next, OptionalInt.of(assignment.span().line()));
  }

  private void choose(Statement.If conditional) {
    IrCondition condition = expressions.condition(conditional.condition(), this::valueOf);
    Map<Symbol, IrExpr> before = values;
    values = new LinkedHashMap<>(before);
    lower(conditional.whenTrue());
    Map<Symbol, IrExpr> whenTrue = values;
    values = new LinkedHashMap<>(before);
    lower(conditional.whenFalse());
    Map<Symbol, IrExpr> whenFalse = values;
    values = new LinkedHashMap<>(before);
    // A local first defined inside a branch ends with it; states and earlier locals go on.
    Set<Symbol> changed = new LinkedHashSet<>();
    for (Map<Symbol, IrExpr> branch : List.of(whenTrue, whenFalse)) {
      for (Symbol symbol : branch.keySet()) {
        if (symbol instanceof Symbol.State || before.containsKey(symbol)) {
          changed.add(symbol);
        }
      }
    }
    for (Symbol symbol : changed) {
      IrExpr ifTrue = whenTrue.containsKey(symbol) ? whenTrue.get(symbol) : valueOf(symbol);
      IrExpr ifFalse = whenFalse.containsKey(symbol) ? whenFalse.get(symbol) : valueOf(symbol);
      if (!ifTrue.equals(ifFalse)) {
        define(symbol, new IrExpr.Select(condition, ifTrue, ifFalse), OptionalInt.of(conditional.span().line()));
      }
    }
  }

  private void define(Symbol symbol, IrExpr value, OptionalInt line) {
    locals.add(new IrLocal(symbol.name(), value, line));
    values.put(symbol, new IrExpr.Local(locals.size() - 1));
  }
}
