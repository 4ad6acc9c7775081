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
import io.cleft.compiler.model.Expr;
import io.cleft.compiler.model.StateUpdate;
import io.cleft.compiler.model.Symbol;
import io.cleft.compiler.model.SynapseModel;
import io.cleft.compiler.units.Unit;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Lowers a solved model to the IR. This is where units become arithmetic: a parameter or state
 * declared in another unit than cleft's working one is converted where it is read, and a next
 * value is converted back to the state's declared unit; constants become numbers.
 *
 * <p>Lowering also derives the current's exact derivative with respect to {@code v_post}.
 *
 * <p>A conversion by a power of ten is a multiplication by an exact integer or a division by
 * one, so it is correctly rounded: {@code k = 25 1/s} gives exactly the double nearest 0.025,
 * the same as writing {@code k = 0.025 1/ms}.
 */
public final class Lowering {
  private Lowering() {}

  /** Requires a model whose updates the solver has turned into next values. */
  public static IrProgram lower(SynapseModel model) {
    List<IrLocal> locals =
        model.locals().stream()
            .map(l -> new IrLocal(l.name(), expr(l.definition()), OptionalInt.of(l.span().line())))
            .toList();
    List<IrExpr> nextStates = new ArrayList<>();
    for (Symbol.State state : model.states()) {
      IrExpr next =
          model.updateOf(state)
              .map(update -> fromWorkingUnit(expr(nextValue(update)), state.unit()))
              .orElse(new IrExpr.State(state.index()));
      nextStates.add(next);
    }
    IrExpr current = expr(model.current());
    IrExpr conductance = Differentiator.derivative(current, IrInput.V_POST);
    return new IrProgram(
        model,
        List.of(
            new IrKernel(KernelKind.UPDATE, new IrBlock(locals, nextStates)),
            new IrKernel(KernelKind.CURRENT, new IrBlock(List.of(), List.of(current, conductance)))));
  }

  private static Expr nextValue(StateUpdate update) {
    if (update instanceof StateUpdate.NextValue next) {
      return next.value();
    }
    throw new IllegalStateException("lowering needs solved updates; got " + update);
  }

  private static IrExpr expr(Expr expr) {
    return expr.accept(NUMBERS);
  }

  /** Lowers a number: a condition in its place is a checker's bug. */
  private static final Expr.Visitor<IrExpr> NUMBERS =
      new Expr.Visitor<>() {
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
          return reference(reference.symbol());
        }

        @Override
        public IrExpr visitNegate(Expr.Negate negate) {
          return new IrExpr.Negate(expr(negate.operand()));
        }

        @Override
        public IrExpr visitArithmetic(Expr.Arithmetic arithmetic) {
          return new IrExpr.Binary(
              IrBinaryOperator.valueOf(arithmetic.operator().name()),
              expr(arithmetic.left()),
              expr(arithmetic.right()));
        }

        @Override
        public IrExpr visitCall(Expr.Call call) {
          return new IrExpr.Call(call.function(), call.arguments().stream().map(Lowering::expr).toList());
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
              condition(conditional.condition()), expr(conditional.whenTrue()), expr(conditional.whenFalse()));
        }

        private IllegalStateException notANumber(Expr expr) {
          return new IllegalStateException("not a number in a checked model: " + expr);
        }
      };

  private static IrCondition condition(Expr expr) {
    return expr.accept(CONDITIONS);
  }

  /** Lowers a condition: a number in its place is a checker's bug. */
  private static final Expr.Visitor<IrCondition> CONDITIONS =
      new Expr.Visitor<>() {
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
          return new IrCondition.Compare(comparison.operator(), expr(comparison.left()), expr(comparison.right()));
        }

        @Override
        public IrCondition visitLogical(Expr.Logical logical) {
          IrCondition left = condition(logical.left());
          IrCondition right = condition(logical.right());
          return switch (logical.operator()) {
            case AND -> new IrCondition.And(left, right);
            case OR -> new IrCondition.Or(left, right);
          };
        }

        @Override
        public IrCondition visitNot(Expr.Not not) {
          return new IrCondition.Not(condition(not.operand()));
        }

        @Override
        public IrCondition visitConditional(Expr.Conditional conditional) {
          throw notACondition(conditional);
        }

        private IllegalStateException notACondition(Expr expr) {
          return new IllegalStateException("not a condition in a checked model: " + expr);
        }
      };

  private static IrExpr reference(Symbol symbol) {
    return symbol.accept(READS);
  }

  /** A read of each kind of symbol, converted to the working unit. */
  private static final Symbol.Visitor<IrExpr> READS =
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

        @Override
        public IrExpr visitLocal(Symbol.Local local) {
          return new IrExpr.Local(local.index());
        }

        @Override
        public IrExpr visitInput(Symbol.Input input) {
          return new IrExpr.Input(
              switch (input) {
                case DT -> IrInput.DT;
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
