package io.cleft.compiler.optimize;

import io.cleft.compiler.ir.IrBinaryOperator;
import io.cleft.compiler.ir.IrBlock;
import io.cleft.compiler.ir.IrExpr;
import io.cleft.compiler.ir.IrInput;
import io.cleft.compiler.ir.IrLocal;
import io.cleft.compiler.ir.IrProgram;
import io.cleft.compiler.ir.IrWalker;
import java.util.ArrayList;
import java.util.List;

/**
 * The opt-in algebra of {@link MathMode#FAST}, which changes results by a few ulps to save
 * divisions, the slowest arithmetic in a synapse step:
 *
 * <ul>
 *   <li>{@code a / (b / c)} becomes {@code a * c / b}, also when {@code b / c} is a local
 *       ({@code slope = -1 / tau} with {@code tau = (1 - s_inf) / k} becomes
 *       {@code -k / (1 - s_inf)}: one division instead of two), and so does
 *       {@code a / (b * (1 / c))};
 *   <li>a division by a constant becomes a multiplication by its reciprocal;
 *   <li>a division by an expression of parameters and {@code dt} becomes a multiplication by its
 *       reciprocal, which hoisting then computes once per synapse;
 *   <li>constants in a product are gathered and multiplied at compile time
 *       ({@code 2 * (x * 3)} is {@code 6 * x}).
 * </ul>
 *
 * Locals no longer read after the rewrite are dropped.
 */
final class FastMath {
  private final List<IrLocal> locals;

  private FastMath(List<IrLocal> locals) {
    this.locals = locals;
  }

  static IrProgram rewrite(IrProgram program) {
    return program.mapKernels(kernel -> rewrite(kernel.block()));
  }

  private static IrBlock rewrite(IrBlock block) {
    List<IrLocal> locals = new ArrayList<>();
    FastMath rules = new FastMath(locals);
    for (IrLocal local : block.locals()) {
      locals.add(new IrLocal(local.name(), rules.simplify(local.value()), local.sourceLine()));
    }
    List<IrExpr> results = block.results().stream().map(rules::simplify).toList();
    return DeadLocals.remove(new IrBlock(locals, results));
  }

  /** Bottom-up: children first, then the rules on the node. */
  private IrExpr simplify(IrExpr expr) {
    IrExpr node = IrWalker.mapChildren(expr, this::simplify);
    if (!(node instanceof IrExpr.Binary binary)) {
      return node;
    }
    IrExpr left = binary.left();
    IrExpr right = binary.right();
    return switch (binary.operator()) {
      case DIVIDE -> divide(left, right);
      case MULTIPLY -> multiply(left, right);
      default -> node;
    };
  }

  private IrExpr divide(IrExpr numerator, IrExpr denominator) {
    IrExpr quotient = definitionOf(denominator);
    if (quotient instanceof IrExpr.Binary inner && inner.operator() == IrBinaryOperator.DIVIDE) {
      // a / (b / c) = (a * c) / b
      return divide(multiply(numerator, inner.right()), inner.left());
    }
    if (quotient instanceof IrExpr.Binary product
        && product.operator() == IrBinaryOperator.MULTIPLY
        && isReciprocal(product.right())) {
      // a / (b * (1 / c)) = (a * c) / b: a division by a parameter already made a reciprocal
      return divide(multiply(numerator, ((IrExpr.Binary) product.right()).right()), product.left());
    }
    if (denominator instanceof IrExpr.Constant c && c.value() != 0 && Double.isFinite(c.value())) {
      return multiply(numerator, new IrExpr.Constant(1.0 / c.value()));
    }
    if (!(denominator instanceof IrExpr.Constant) && readsOnlyParametersAndDt(denominator)) {
      return multiply(numerator, binary(IrBinaryOperator.DIVIDE, new IrExpr.Constant(1.0), denominator));
    }
    return binary(IrBinaryOperator.DIVIDE, numerator, denominator);
  }

  private static boolean isReciprocal(IrExpr expr) {
    return expr instanceof IrExpr.Binary binary
        && binary.operator() == IrBinaryOperator.DIVIDE
        && binary.left() instanceof IrExpr.Constant one
        && one.value() == 1.0;
  }

  private static IrExpr multiply(IrExpr left, IrExpr right) {
    if (left instanceof IrExpr.Constant a && right instanceof IrExpr.Constant b) {
      return new IrExpr.Constant(a.value() * b.value());
    }
    if (right instanceof IrExpr.Constant && !(left instanceof IrExpr.Constant)) {
      return multiply(right, left); // constants first, so that they meet
    }
    if (left instanceof IrExpr.Constant a) {
      if (a.value() == 1.0) {
        return right;
      }
      if (a.value() == -1.0) {
        return new IrExpr.Negate(right);
      }
      if (right instanceof IrExpr.Binary product
          && product.operator() == IrBinaryOperator.MULTIPLY
          && product.left() instanceof IrExpr.Constant b) {
        return multiply(new IrExpr.Constant(a.value() * b.value()), product.right());
      }
    }
    return binary(IrBinaryOperator.MULTIPLY, left, right);
  }

  /** What a local read stands for, looking through locals; any other expression as it is. */
  private IrExpr definitionOf(IrExpr expr) {
    return expr instanceof IrExpr.Local local ? definitionOf(locals.get(local.index()).value()) : expr;
  }

  private boolean readsOnlyParametersAndDt(IrExpr expr) {
    return expr.accept(readsOnlyParametersAndDt);
  }

  /** Whether an expression, looking through locals, reads nothing but parameters, constants and {@code dt}. */
  private final IrExpr.Visitor<Boolean> readsOnlyParametersAndDt =
      new IrExpr.Visitor<>() {
        @Override
        public Boolean visitConstant(IrExpr.Constant constant) {
          return true;
        }

        @Override
        public Boolean visitParameter(IrExpr.Parameter parameter) {
          return true;
        }

        @Override
        public Boolean visitState(IrExpr.State state) {
          return false;
        }

        @Override
        public Boolean visitLocal(IrExpr.Local local) {
          return readsOnlyParametersAndDt(locals.get(local.index()).value());
        }

        @Override
        public Boolean visitInvariant(IrExpr.Invariant invariant) {
          return true; // computed from parameters, constants and dt alone
        }

        @Override
        public Boolean visitInput(IrExpr.Input input) {
          return input.input() == IrInput.DT;
        }

        @Override
        public Boolean visitNegate(IrExpr.Negate negate) {
          return allChildren(negate);
        }

        @Override
        public Boolean visitBinary(IrExpr.Binary binary) {
          return allChildren(binary);
        }

        @Override
        public Boolean visitCall(IrExpr.Call call) {
          return allChildren(call);
        }

        @Override
        public Boolean visitSelect(IrExpr.Select select) {
          return allChildren(select);
        }

        private boolean allChildren(IrExpr expr) {
          return IrWalker.children(expr).stream().allMatch(FastMath.this::readsOnlyParametersAndDt);
        }
      };

  private static IrExpr binary(IrBinaryOperator operator, IrExpr left, IrExpr right) {
    return new IrExpr.Binary(operator, left, right);
  }
}
