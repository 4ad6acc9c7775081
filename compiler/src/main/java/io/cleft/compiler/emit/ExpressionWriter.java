package io.cleft.compiler.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import io.cleft.compiler.ir.IrCondition;
import io.cleft.compiler.ir.IrExpr;
import java.util.function.Function;

/**
 * Prints IR expressions as Java with as few parentheses as Java's precedence allows, but never
 * fewer than the IR's evaluation order needs: {@code a - (b - c)} and {@code a + (b + c)} keep
 * theirs, because floating-point addition is not associative.
 */
final class ExpressionWriter {
  static final ClassName CLEFT_MATH = ClassName.get("io.cleft.runtime", "CleftMath");

  private static final int CONDITIONAL = 0;
  private static final int ADDITIVE = 1;
  private static final int MULTIPLICATIVE = 2;
  private static final int UNARY = 3;
  private static final int PRIMARY = 4;

  private final Function<IrExpr, String> reads;

  /** @param reads the Java expression for a parameter, state, local or input read */
  ExpressionWriter(Function<IrExpr, String> reads) {
    this.reads = reads;
  }

  CodeBlock write(IrExpr expr) {
    return write(expr, CONDITIONAL);
  }

  private CodeBlock write(IrExpr expr, int context) {
    int precedence = precedence(expr);
    CodeBlock code = unparenthesized(expr);
    return precedence < context ? CodeBlock.of("($L)", code) : code;
  }

  private CodeBlock unparenthesized(IrExpr expr) {
    if (expr instanceof IrExpr.Constant constant) {
      return CodeBlock.of("$L", JavaLiterals.doubleLiteral(constant.value()));
    }
    if (expr.isLeaf()) {
      return CodeBlock.of("$L", reads.apply(expr));
    }
    if (expr instanceof IrExpr.Negate negate) {
      // PRIMARY, not UNARY: "-(-x)" must not become "--x".
      return CodeBlock.of("-$L", write(negate.operand(), PRIMARY));
    }
    if (expr instanceof IrExpr.Binary binary) {
      return binary(binary);
    }
    if (expr instanceof IrExpr.Call call) {
      CodeBlock.Builder code = CodeBlock.builder().add("$T.$L(", CLEFT_MATH, call.function().runtimeMethod());
      for (int i = 0; i < call.arguments().size(); i++) {
        code.add(i == 0 ? "$L" : ", $L", write(call.arguments().get(i), CONDITIONAL));
      }
      return code.add(")").build();
    }
    if (expr instanceof IrExpr.Select select) {
      return CodeBlock.of(
          "$L ? $L : $L",
          condition(select.condition()),
          write(select.whenTrue(), ADDITIVE),
          write(select.whenFalse(), ADDITIVE));
    }
    throw new AssertionError(expr);
  }

  private CodeBlock binary(IrExpr.Binary binary) {
    return switch (binary.operator()) {
      case POWER -> CodeBlock.of(
          "$T.pow($L, $L)", CLEFT_MATH, write(binary.left(), CONDITIONAL), write(binary.right(), CONDITIONAL));
      case ADD, SUBTRACT -> CodeBlock.of(
          "$L $L $L", write(binary.left(), ADDITIVE), binary.operator().symbol, write(binary.right(), ADDITIVE + 1));
      case MULTIPLY, DIVIDE -> CodeBlock.of(
          "$L $L $L",
          write(binary.left(), MULTIPLICATIVE),
          binary.operator().symbol,
          write(binary.right(), MULTIPLICATIVE + 1));
    };
  }

  CodeBlock condition(IrCondition condition) {
    if (condition instanceof IrCondition.Compare compare) {
      return CodeBlock.of(
          "$L $L $L", write(compare.left(), ADDITIVE), compare.operator().symbol, write(compare.right(), ADDITIVE));
    }
    if (condition instanceof IrCondition.And and) {
      return CodeBlock.of("($L) && ($L)", condition(and.left()), condition(and.right()));
    }
    if (condition instanceof IrCondition.Or or) {
      return CodeBlock.of("($L) || ($L)", condition(or.left()), condition(or.right()));
    }
    if (condition instanceof IrCondition.Not not) {
      return CodeBlock.of("!($L)", condition(not.operand()));
    }
    throw new AssertionError(condition);
  }

  private static int precedence(IrExpr expr) {
    if (expr instanceof IrExpr.Constant constant) {
      double v = constant.value();
      return v < 0 || (v == 0 && 1 / v < 0) ? UNARY : PRIMARY;
    }
    if (expr instanceof IrExpr.Negate) {
      return UNARY;
    }
    if (expr instanceof IrExpr.Binary binary) {
      return switch (binary.operator()) {
        case ADD, SUBTRACT -> ADDITIVE;
        case MULTIPLY, DIVIDE -> MULTIPLICATIVE;
        case POWER -> PRIMARY;
      };
    }
    if (expr instanceof IrExpr.Select) {
      return CONDITIONAL;
    }
    return PRIMARY;
  }
}
