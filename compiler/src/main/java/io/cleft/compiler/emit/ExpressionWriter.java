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
  private final Unparenthesized unparenthesized = new Unparenthesized();

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
    return expr.accept(unparenthesized);
  }

  /** Each kind of node as Java, without parentheses around the whole. */
  private final class Unparenthesized implements IrExpr.Visitor<CodeBlock>, IrCondition.Visitor<CodeBlock> {
    @Override
    public CodeBlock visitConstant(IrExpr.Constant constant) {
      return CodeBlock.of("$L", JavaLiterals.doubleLiteral(constant.value()));
    }

    @Override
    public CodeBlock visitParameter(IrExpr.Parameter parameter) {
      return read(parameter);
    }

    @Override
    public CodeBlock visitState(IrExpr.State state) {
      return read(state);
    }

    @Override
    public CodeBlock visitLocal(IrExpr.Local local) {
      return read(local);
    }

    @Override
    public CodeBlock visitInvariant(IrExpr.Invariant invariant) {
      return read(invariant);
    }

    @Override
    public CodeBlock visitInput(IrExpr.Input input) {
      return read(input);
    }

    private CodeBlock read(IrExpr leaf) {
      return CodeBlock.of("$L", reads.apply(leaf));
    }

    @Override
    public CodeBlock visitNegate(IrExpr.Negate negate) {
      // PRIMARY, not UNARY: "-(-x)" must not become "--x".
      return CodeBlock.of("-$L", write(negate.operand(), PRIMARY));
    }

    @Override
    public CodeBlock visitBinary(IrExpr.Binary binary) {
      return binary(binary);
    }

    @Override
    public CodeBlock visitCall(IrExpr.Call call) {
      CodeBlock.Builder code = CodeBlock.builder().add("$T.$L(", CLEFT_MATH, call.function().runtimeMethod());
      for (int i = 0; i < call.arguments().size(); i++) {
        code.add(i == 0 ? "$L" : ", $L", write(call.arguments().get(i), CONDITIONAL));
      }
      return code.add(")").build();
    }

    @Override
    public CodeBlock visitSelect(IrExpr.Select select) {
      return CodeBlock.of(
          "$L ? $L : $L",
          condition(select.condition()),
          write(select.whenTrue(), ADDITIVE),
          write(select.whenFalse(), ADDITIVE));
    }

    @Override
    public CodeBlock visitCompare(IrCondition.Compare compare) {
      return CodeBlock.of(
          "$L $L $L", write(compare.left(), ADDITIVE), compare.operator().symbol, write(compare.right(), ADDITIVE));
    }

    @Override
    public CodeBlock visitAnd(IrCondition.And and) {
      return CodeBlock.of("($L) && ($L)", condition(and.left()), condition(and.right()));
    }

    @Override
    public CodeBlock visitOr(IrCondition.Or or) {
      return CodeBlock.of("($L) || ($L)", condition(or.left()), condition(or.right()));
    }

    @Override
    public CodeBlock visitNot(IrCondition.Not not) {
      return CodeBlock.of("!($L)", condition(not.operand()));
    }
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
    return condition.accept(unparenthesized);
  }

  private static int precedence(IrExpr expr) {
    return expr.accept(PRECEDENCE);
  }

  /** How tightly each kind of node binds in Java, as printed by {@link Unparenthesized}. */
  private static final IrExpr.Visitor<Integer> PRECEDENCE =
      new IrExpr.Visitor<>() {
        @Override
        public Integer visitConstant(IrExpr.Constant constant) {
          double v = constant.value();
          return v < 0 || (v == 0 && 1 / v < 0) ? UNARY : PRIMARY;
        }

        @Override
        public Integer visitParameter(IrExpr.Parameter parameter) {
          return PRIMARY;
        }

        @Override
        public Integer visitState(IrExpr.State state) {
          return PRIMARY;
        }

        @Override
        public Integer visitLocal(IrExpr.Local local) {
          return PRIMARY;
        }

        @Override
        public Integer visitInvariant(IrExpr.Invariant invariant) {
          return PRIMARY;
        }

        @Override
        public Integer visitInput(IrExpr.Input input) {
          return PRIMARY;
        }

        @Override
        public Integer visitNegate(IrExpr.Negate negate) {
          return UNARY;
        }

        @Override
        public Integer visitBinary(IrExpr.Binary binary) {
          return switch (binary.operator()) {
            case ADD, SUBTRACT -> ADDITIVE;
            case MULTIPLY, DIVIDE -> MULTIPLICATIVE;
            case POWER -> PRIMARY;
          };
        }

        @Override
        public Integer visitCall(IrExpr.Call call) {
          return PRIMARY;
        }

        @Override
        public Integer visitSelect(IrExpr.Select select) {
          return CONDITIONAL;
        }
      };
}
