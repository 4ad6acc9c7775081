package io.cleft.compiler.ir;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** The numeric subexpressions directly below an IR node, conditions looked through. */
public final class IrWalker {
  private IrWalker() {}

  /** The same node with {@code rewrite} applied to each child; a leaf as it is. */
  public static IrExpr mapChildren(IrExpr expr, UnaryOperator<IrExpr> rewrite) {
    return expr.accept(new OneLevel(rewrite));
  }

  /** The same condition with {@code rewrite} applied to each numeric operand. */
  public static IrCondition mapOperands(IrCondition condition, UnaryOperator<IrExpr> rewrite) {
    return condition.accept(new OneLevel(rewrite));
  }

  public static List<IrExpr> children(IrExpr expr) {
    return expr.accept(CHILDREN);
  }

  /** Rewrites the numeric nodes directly below a node with a function, not itself. */
  private static final class OneLevel extends IrRewriter {
    private final UnaryOperator<IrExpr> rewrite;

    OneLevel(UnaryOperator<IrExpr> rewrite) {
      this.rewrite = rewrite;
    }

    @Override
    public IrExpr rewrite(IrExpr child) {
      return rewrite.apply(child);
    }
  }

  private static final IrExpr.Visitor<List<IrExpr>> CHILDREN =
      new IrExpr.Visitor<>() {
        @Override
        public List<IrExpr> visitConstant(IrExpr.Constant constant) {
          return List.of();
        }

        @Override
        public List<IrExpr> visitParameter(IrExpr.Parameter parameter) {
          return List.of();
        }

        @Override
        public List<IrExpr> visitState(IrExpr.State state) {
          return List.of();
        }

        @Override
        public List<IrExpr> visitLocal(IrExpr.Local local) {
          return List.of();
        }

        @Override
        public List<IrExpr> visitInvariant(IrExpr.Invariant invariant) {
          return List.of();
        }

        @Override
        public List<IrExpr> visitInput(IrExpr.Input input) {
          return List.of();
        }

        @Override
        public List<IrExpr> visitNegate(IrExpr.Negate negate) {
          return List.of(negate.operand());
        }

        @Override
        public List<IrExpr> visitBinary(IrExpr.Binary binary) {
          return List.of(binary.left(), binary.right());
        }

        @Override
        public List<IrExpr> visitCall(IrExpr.Call call) {
          return call.arguments();
        }

        @Override
        public List<IrExpr> visitSelect(IrExpr.Select select) {
          List<IrExpr> children = new ArrayList<>();
          select.condition().accept(
              new IrTraversal() {
                // Only the condition's own operands, not what is below them.
                @Override
                public Void visitCompare(IrCondition.Compare compare) {
                  children.add(compare.left());
                  children.add(compare.right());
                  return null;
                }
              });
          children.add(select.whenTrue());
          children.add(select.whenFalse());
          return children;
        }
      };
}
