package io.cleft.compiler.lower;

import io.cleft.compiler.ir.IrBinaryOperator;
import io.cleft.compiler.ir.IrBlock;
import io.cleft.compiler.ir.IrCondition;
import io.cleft.compiler.ir.IrExpr;
import io.cleft.compiler.ir.IrInput;
import io.cleft.compiler.ir.IrKernel;
import io.cleft.compiler.ir.IrLocal;
import io.cleft.compiler.ir.IrProgram;
import io.cleft.compiler.ir.KernelKind;
import io.cleft.compiler.model.EventHandler;
import io.cleft.compiler.model.Expr;
import io.cleft.compiler.model.StateUpdate;
import io.cleft.compiler.model.Symbol;
import io.cleft.compiler.model.SynapseModel;
import io.cleft.compiler.symbolic.IrDerivative;
import io.cleft.compiler.units.Unit;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.List;
import java.util.OptionalInt;

/**
 * Lowers a solved model to the IR. This is where units become arithmetic: a parameter or state
 * declared in another unit than cleft's working one is converted where it is read, and a next
 * value is converted back to the state's declared unit; constants become numbers.
 *
 * <p>Lowering also derives the current's exact derivative with respect to {@code v_post}, and
 * turns the blocks that run in order (initial, handlers, the current block) into straight-line
 * code ({@link StatementLowering}). The initial block's values, computed from parameters only,
 * become the program's first invariants; its results are the INITIAL kernel's.
 *
 * <p>A conversion by a power of ten is a multiplication by an exact integer or a division by
 * one, so it is correctly rounded: {@code k = 25 1/s} gives exactly the double nearest 0.025,
 * the same as writing {@code k = 0.025 1/ms}.
 */
public final class Lowering {
  private final SynapseModel model;
  /** Each value the initial block derives, as the invariant that holds it. */
  private final Map<Symbol.Local, IrExpr> derived = new HashMap<>();

  private Lowering(SynapseModel model) {
    this.model = model;
  }

  /** Requires a model whose updates the solver has turned into next values. */
  public static IrProgram lower(SynapseModel model) {
    return new Lowering(model).program();
  }

  private IrProgram program() {
    List<IrKernel> kernels = new ArrayList<>();
    // The initial block reads parameters and constants only, so all of it is invariant: it
    // becomes the start of the program's invariants, which every kernel reads.
    StatementLowering initial = new StatementLowering(EXPRESSIONS, this::initialReference).lower(model.initial());
    IrBlock invariants = new IrBlock(initial.locals(), List.of());
    model.derived().forEach(value -> derived.put(value, asInvariant(initial.valueOf(value))));
    List<IrExpr> initialStates = new ArrayList<>();
    for (Symbol.State state : model.states()) {
      initialStates.add(
          initial.assigns(state)
              ? fromWorkingUnit(asInvariant(initial.valueOf(state)), state.unit())
              : new IrExpr.Constant(state.initialValue()));
    }
    kernels.add(new IrKernel(KernelKind.INITIAL, new IrBlock(List.of(), initialStates)));
    kernels.add(new IrKernel(KernelKind.UPDATE, update()));
    kernels.add(new IrKernel(KernelKind.CURRENT, current()));
    for (EventHandler handler : model.handlers()) {
      StatementLowering body = new StatementLowering(EXPRESSIONS, this::reference).lower(handler.statements());
      List<IrExpr> states = new ArrayList<>();
      for (Symbol.State state : model.states()) {
        states.add(
            body.assigns(state) ? fromWorkingUnit(body.valueOf(state), state.unit()) : new IrExpr.State(state.index()));
      }
      KernelKind kind =
          switch (handler.kind()) {
            case PRE -> KernelKind.ON_PRE;
            case POST -> KernelKind.ON_POST;
          };
      kernels.add(new IrKernel(kind, new IrBlock(body.locals(), states)));
    }
    return new IrProgram(model, invariants, kernels);
  }

  private IrBlock update() {
    List<IrLocal> locals =
        model.locals().stream()
            .map(l -> new IrLocal(l.name(), expr(l.definition(), this::reference), OptionalInt.of(l.span().line())))
            .toList();
    List<IrExpr> nextStates = new ArrayList<>();
    for (Symbol.State state : model.states()) {
      IrExpr next =
          model.updateOf(state)
              .map(update -> fromWorkingUnit(expr(nextValue(update), this::reference), state.unit()))
              .orElse(new IrExpr.State(state.index()));
      nextStates.add(next);
    }
    return new IrBlock(locals, nextStates);
  }

  /**
   * The current, its derivative with respect to {@code v_post}, then the named values. The
   * derivative goes forward through the block's locals: each local that depends on
   * {@code v_post} gets a local holding its derivative, right after all the block's own.
   */
  private IrBlock current() {
    StatementLowering block = new StatementLowering(EXPRESSIONS, this::reference).lower(model.currentStatements());
    IrExpr current = expr(model.current(), block::valueOf);
    List<IrLocal> locals = new ArrayList<>(block.locals());
    int count = locals.size();
    IrExpr[] derivatives = new IrExpr[count];
    for (int k = 0; k < count; k++) {
      IrLocal local = locals.get(k);
      IrExpr derivative = IrDerivative.of(local.value(), IrInput.V_POST, j -> derivatives[j]);
      if (derivative.isTrivial()) {
        derivatives[k] = derivative;
      } else {
        locals.add(new IrLocal("d_" + local.name(), derivative, local.sourceLine()));
        derivatives[k] = new IrExpr.Local(locals.size() - 1);
      }
    }
    List<IrExpr> results = new ArrayList<>();
    results.add(current);
    results.add(IrDerivative.of(current, IrInput.V_POST, j -> derivatives[j]));
    model.currentValues().forEach(value -> results.add(block.valueOf(value)));
    return new IrBlock(locals, results);
  }

  /** {@code Local(k)} of the invariants block, as the other blocks read it. */
  private static IrExpr asInvariant(IrExpr value) {
    return value instanceof IrExpr.Local local ? new IrExpr.Invariant(local.index()) : value;
  }

  private static Expr nextValue(StateUpdate update) {
    return update.accept(
        new StateUpdate.Visitor<Expr>() {
          @Override
          public Expr visitNextValue(StateUpdate.NextValue next) {
            return next.value();
          }

          @Override
          public Expr visitDerivative(StateUpdate.Derivative derivative) {
            throw new IllegalStateException("lowering needs solved updates; got " + derivative);
          }
        });
  }

  private static final StatementLowering.Expressions EXPRESSIONS =
      new StatementLowering.Expressions() {
        @Override
        public IrExpr number(Expr expr, Function<Symbol, IrExpr> references) {
          return Lowering.expr(expr, references);
        }

        @Override
        public IrCondition condition(Expr expr, Function<Symbol, IrExpr> references) {
          return Lowering.condition(expr, references);
        }
      };

  /**
   * {@code expr} as IR, node for node, each name read as {@code references} says (which is where
   * lowering converts a value to its working unit).
   */
  public static IrExpr expr(Expr expr, Function<Symbol, IrExpr> references) {
    return expr.accept(new Numbers(references));
  }

  /** Lowers a number, each name read as {@code references} says: a condition in its place is a checker's bug. */
  private static final class Numbers implements Expr.Visitor<IrExpr> {
    private final Function<Symbol, IrExpr> references;

    Numbers(Function<Symbol, IrExpr> references) {
      this.references = references;
    }

    @Override
    public IrExpr visitErroneous(Expr.Erroneous erroneous) {
      throw notANumber(erroneous);
    }

    @Override
    public IrExpr visitLiteral(Expr.Literal literal) {
      return new IrExpr.Constant(literal.value());
    }

    @Override
    public IrExpr visitReference(Expr.Reference reference) {
      return references.apply(reference.symbol());
    }

    @Override
    public IrExpr visitNegate(Expr.Negate negate) {
      return new IrExpr.Negate(negate.operand().accept(this));
    }

    @Override
    public IrExpr visitArithmetic(Expr.Arithmetic arithmetic) {
      return new IrExpr.Binary(
          IrBinaryOperator.valueOf(arithmetic.operator().name()), arithmetic.left().accept(this), arithmetic.right().accept(this));
    }

    @Override
    public IrExpr visitCall(Expr.Call call) {
      return new IrExpr.Call(call.function(), call.arguments().stream().map(a -> a.accept(this)).toList());
    }

    @Override
    public IrExpr visitComparison(Expr.Comparison comparison) {
      throw notANumber(comparison);
    }

    @Override
    public IrExpr visitLogical(Expr.Logical logical) {
      throw notANumber(logical);
    }

    @Override
    public IrExpr visitNot(Expr.Not not) {
      throw notANumber(not);
    }

    @Override
    public IrExpr visitConditional(Expr.Conditional conditional) {
      return new IrExpr.Select(
          condition(conditional.condition(), references), conditional.whenTrue().accept(this), conditional.whenFalse().accept(this));
    }

    private static IllegalStateException notANumber(Expr expr) {
      return new IllegalStateException("not a number in a checked model: " + expr);
    }
  }

  private static IrCondition condition(Expr expr, Function<Symbol, IrExpr> references) {
    return expr.accept(new Conditions(references));
  }

  /** Lowers a condition: a number in its place is a checker's bug. */
  private static final class Conditions implements Expr.Visitor<IrCondition> {
    private final Function<Symbol, IrExpr> references;

    Conditions(Function<Symbol, IrExpr> references) {
      this.references = references;
    }

    @Override
    public IrCondition visitErroneous(Expr.Erroneous erroneous) {
      throw notACondition(erroneous);
    }

    @Override
    public IrCondition visitLiteral(Expr.Literal literal) {
      throw notACondition(literal);
    }

    @Override
    public IrCondition visitReference(Expr.Reference reference) {
      throw notACondition(reference);
    }

    @Override
    public IrCondition visitNegate(Expr.Negate negate) {
      throw notACondition(negate);
    }

    @Override
    public IrCondition visitArithmetic(Expr.Arithmetic arithmetic) {
      throw notACondition(arithmetic);
    }

    @Override
    public IrCondition visitCall(Expr.Call call) {
      throw notACondition(call);
    }

    @Override
    public IrCondition visitComparison(Expr.Comparison comparison) {
      return new IrCondition.Compare(
          comparison.operator(), expr(comparison.left(), references), expr(comparison.right(), references));
    }

    @Override
    public IrCondition visitLogical(Expr.Logical logical) {
      IrCondition left = logical.left().accept(this);
      IrCondition right = logical.right().accept(this);
      return switch (logical.operator()) {
        case AND -> new IrCondition.And(left, right);
        case OR -> new IrCondition.Or(left, right);
      };
    }

    @Override
    public IrCondition visitNot(Expr.Not not) {
      return new IrCondition.Not(not.operand().accept(this));
    }

    @Override
    public IrCondition visitConditional(Expr.Conditional conditional) {
      throw notACondition(conditional);
    }

    private static IllegalStateException notACondition(Expr expr) {
      return new IllegalStateException("not a condition in a checked model: " + expr);
    }
  }

  /** What a name reads in the initial block: a state its declared initial value, as nothing has run yet. */
  private IrExpr initialReference(Symbol symbol) {
    if (symbol instanceof Symbol.State state) {
      return toWorkingUnit(new IrExpr.Constant(state.initialValue()), state.unit());
    }
    return reference(symbol);
  }

  private IrExpr reference(Symbol symbol) {
    return symbol.accept(reads);
  }

  /** A read of each kind of symbol, converted to the working unit. */
  private final Symbol.Visitor<IrExpr> reads =
      new Symbol.Visitor<>() {
        @Override
        public IrExpr visitParameter(Symbol.Parameter parameter) {
          return toWorkingUnit(new IrExpr.Parameter(parameter.index()), parameter.unit());
        }

        @Override
        public IrExpr visitConstant(Symbol.Constant constant) {
          return new IrExpr.Constant(constant.canonicalValue());
        }

        @Override
        public IrExpr visitState(Symbol.State state) {
          return toWorkingUnit(new IrExpr.State(state.index()), state.unit());
        }

        /** An update local, or a value the initial block derived, which is an invariant. */
        @Override
        public IrExpr visitLocal(Symbol.Local local) {
          IrExpr value = derived.get(local);
          return value != null ? value : new IrExpr.Local(local.index());
        }

        @Override
        public IrExpr visitEventArgument(Symbol.EventArgument argument) {
          return toWorkingUnit(new IrExpr.Input(IrInput.WEIGHT), argument.unit());
        }

        @Override
        public IrExpr visitInput(Symbol.Input input) {
          return new IrExpr.Input(
              switch (input) {
                case DT -> IrInput.DT;
                case T -> IrInput.T;
                case V_PRE -> IrInput.V_PRE;
                case V_POST -> IrInput.V_POST;
              });
        }
      };

  static IrExpr toWorkingUnit(IrExpr value, Unit unit) {
    return scale(value, unit.toCanonicalFactor());
  }

  static IrExpr fromWorkingUnit(IrExpr value, Unit unit) {
    return scale(value, BigDecimal.ONE.divide(unit.toCanonicalFactor(), MathContext.DECIMAL128));
  }

  /** {@code value * factor}, as a multiplication or division by an exact double where possible. */
  private static IrExpr scale(IrExpr value, BigDecimal factor) {
    if (factor.compareTo(BigDecimal.ONE) == 0) {
      return value;
    }
    if (isExactDouble(factor)) {
      return new IrExpr.Binary(IrBinaryOperator.MULTIPLY, value, new IrExpr.Constant(factor.doubleValue()));
    }
    BigDecimal reciprocal = BigDecimal.ONE.divide(factor, MathContext.DECIMAL128);
    if (isExactDouble(reciprocal)) {
      return new IrExpr.Binary(IrBinaryOperator.DIVIDE, value, new IrExpr.Constant(reciprocal.doubleValue()));
    }
    return new IrExpr.Binary(IrBinaryOperator.MULTIPLY, value, new IrExpr.Constant(factor.doubleValue()));
  }

  private static boolean isExactDouble(BigDecimal value) {
    double d = value.doubleValue();
    return !Double.isInfinite(d) && new BigDecimal(d).compareTo(value) == 0;
  }
}
