package io.cleft.compiler.symbolic;

import io.cleft.compiler.ast.Expression.ComparisonOperator;
import io.cleft.compiler.ir.IrBinaryOperator;
import io.cleft.compiler.ir.IrCondition;
import io.cleft.compiler.ir.IrExpr;
import io.cleft.compiler.ir.IrInput;
import io.cleft.compiler.model.BuiltinFunction;
import io.cleft.compiler.model.Expr.ArithmeticOperator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.IntFunction;

/**
 * The exact derivative of an IR expression with respect to one input, by {@link
 * DerivativeRules}. cleft uses it for dI/dv_post, the conductance an implicit voltage solver
 * needs (where Jaxley evaluates the current twice, 1e-3 mV apart): the current block is lowered
 * to single-assignment form first, its ifs and {@code +=} resolved, and then differentiated
 * forward through its locals. This class only says which rule each kind of IR node takes.
 */
public final class IrDerivative {
  private static final DerivativeRules<IrExpr, IrCondition> RULES = new DerivativeRules<>(new IrAlgebra());

  private final IrInput variable;
  private final IntFunction<IrExpr> localDerivatives;
  private final Visitor visitor = new Visitor();

  private IrDerivative(IrInput variable, IntFunction<IrExpr> localDerivatives) {
    this.variable = variable;
    this.localDerivatives = localDerivatives;
  }

  /** d expr / d variable; the expression must not read locals. */
  public static IrExpr of(IrExpr expr, IrInput variable) {
    return of(expr, variable, null);
  }

  /**
   * d expr / d variable, where {@code Local(k)} has the derivative {@code localDerivatives(k)}
   * (forward differentiation through a block's locals, in order).
   */
  public static IrExpr of(IrExpr expr, IrInput variable, IntFunction<IrExpr> localDerivatives) {
    return new IrDerivative(variable, localDerivatives).d(expr);
  }

  private IrExpr d(IrExpr e) {
    return e.accept(visitor);
  }

  /** Which rule each kind of node takes. */
  private final class Visitor implements IrExpr.Visitor<IrExpr> {
    @Override
    public IrExpr visitConstant(IrExpr.Constant constant) {
      return RULES.zero();
    }

    @Override
    public IrExpr visitParameter(IrExpr.Parameter parameter) {
      return RULES.zero();
    }

    @Override
    public IrExpr visitState(IrExpr.State state) {
      return RULES.zero();
    }

    @Override
    public IrExpr visitLocal(IrExpr.Local local) {
      if (localDerivatives == null) {
        throw new IllegalArgumentException("cannot differentiate through a local without its derivative: " + local);
      }
      return localDerivatives.apply(local.index());
    }

    /** A value the initial block derived from the parameters: no voltage moves it. */
    @Override
    public IrExpr visitInvariant(IrExpr.Invariant invariant) {
      return RULES.zero();
    }

    @Override
    public IrExpr visitInput(IrExpr.Input input) {
      return input.input() == variable ? RULES.one() : RULES.zero();
    }

    @Override
    public IrExpr visitNegate(IrExpr.Negate negate) {
      return RULES.negation(d(negate.operand()));
    }

    @Override
    public IrExpr visitBinary(IrExpr.Binary b) {
      // The IR's operators are the model's, by name (lowering maps them so).
      ArithmeticOperator operator = ArithmeticOperator.valueOf(b.operator().name());
      return RULES.arithmetic(operator, b.left(), d(b.left()), b.right(), d(b.right()), b);
    }

    @Override
    public IrExpr visitCall(IrExpr.Call call) {
      List<IrExpr> derivatives = call.arguments().stream().map(IrDerivative.this::d).toList();
      return RULES.call(call.function(), call, call.arguments(), derivatives);
    }

    @Override
    public IrExpr visitSelect(IrExpr.Select select) {
      return RULES.conditional(select.condition(), d(select.whenTrue()), d(select.whenFalse()));
    }
  }

  /** IR expressions; records compare by value, so no node needs more than its parts. */
  private static final class IrAlgebra implements ExpressionAlgebra<IrExpr, IrCondition> {
    @Override
    public IrExpr constant(double value) {
      return new IrExpr.Constant(value);
    }

    @Override
    public OptionalDouble constantValue(IrExpr e) {
      return e instanceof IrExpr.Constant c ? OptionalDouble.of(c.value()) : OptionalDouble.empty();
    }

    @Override
    public Optional<IrExpr> negatedOperand(IrExpr e) {
      return e instanceof IrExpr.Negate negate ? Optional.of(negate.operand()) : Optional.empty();
    }

    @Override
    public IrExpr negate(IrExpr operand) {
      return new IrExpr.Negate(operand);
    }

    @Override
    public IrExpr add(IrExpr left, IrExpr right) {
      return new IrExpr.Binary(IrBinaryOperator.ADD, left, right);
    }

    @Override
    public IrExpr subtract(IrExpr left, IrExpr right) {
      return new IrExpr.Binary(IrBinaryOperator.SUBTRACT, left, right);
    }

    @Override
    public IrExpr multiply(IrExpr left, IrExpr right) {
      return new IrExpr.Binary(IrBinaryOperator.MULTIPLY, left, right);
    }

    @Override
    public IrExpr divide(IrExpr left, IrExpr right) {
      return new IrExpr.Binary(IrBinaryOperator.DIVIDE, left, right);
    }

    @Override
    public IrExpr power(IrExpr base, IrExpr exponent) {
      return new IrExpr.Binary(IrBinaryOperator.POWER, base, exponent);
    }

    @Override
    public IrExpr call(BuiltinFunction function, IrExpr argument) {
      return new IrExpr.Call(function, List.of(argument));
    }

    @Override
    public IrCondition compare(ComparisonOperator operator, IrExpr left, IrExpr right) {
      return new IrCondition.Compare(operator, left, right);
    }

    @Override
    public IrExpr select(IrCondition condition, IrExpr whenTrue, IrExpr whenFalse) {
      return new IrExpr.Select(condition, whenTrue, whenFalse);
    }
  }
}
