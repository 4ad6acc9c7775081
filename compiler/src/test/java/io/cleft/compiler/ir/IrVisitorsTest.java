package io.cleft.compiler.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.cleft.compiler.ast.Expression.ComparisonOperator;
import io.cleft.compiler.model.BuiltinFunction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The default traversals of the IR reach every kind of node: a tree holding each kind of
 * expression and condition (the permitted subclasses, so that a new kind fails here until the
 * tree has it) is walked whole and rebuilt equal.
 */
class IrVisitorsTest {
  /** Every kind of expression and condition, the conditions under a choice. */
  private static IrExpr everyKind() {
    IrCondition condition =
        new IrCondition.Or(
            new IrCondition.And(
                new IrCondition.Compare(ComparisonOperator.LESS, new IrExpr.State(0), new IrExpr.Local(1)),
                new IrCondition.Not(
                    new IrCondition.Compare(ComparisonOperator.EQUAL, new IrExpr.Invariant(2), new IrExpr.Constant(3)))),
            new IrCondition.Compare(ComparisonOperator.GREATER, new IrExpr.Input(IrInput.V_POST), new IrExpr.Parameter(4)));
    IrExpr call = new IrExpr.Call(BuiltinFunction.MAX, List.of(new IrExpr.Parameter(5), new IrExpr.Input(IrInput.DT)));
    return new IrExpr.Select(
        condition,
        new IrExpr.Negate(new IrExpr.Binary(IrBinaryOperator.DIVIDE, call, new IrExpr.State(6))),
        new IrExpr.Constant(7));
  }

  private static Set<Class<?>> everyPermittedKind() {
    Set<Class<?>> kinds = new HashSet<>(List.of(IrExpr.class.getPermittedSubclasses()));
    kinds.addAll(List.of(IrCondition.class.getPermittedSubclasses()));
    return kinds;
  }

  @Test
  void theTraversalReachesEveryKind() {
    Set<Class<?>> seen = new HashSet<>();
    List<IrExpr> parameters = new ArrayList<>();
    everyKind().accept(recording(seen, parameters));
    assertEquals(everyPermittedKind(), seen);
    assertEquals(List.of(new IrExpr.Parameter(4), new IrExpr.Parameter(5)), parameters, "left to right");
  }

  @Test
  void theRewriterRebuildsEveryKindAndReachesIntoConditions() {
    IrExpr tree = everyKind();
    assertEquals(tree, new IrRewriter().rewrite(tree));
    IrRewriter parametersToConstants =
        new IrRewriter() {
          @Override
          public IrExpr visitParameter(IrExpr.Parameter parameter) {
            return new IrExpr.Constant(100 + parameter.index());
          }
        };
    IrExpr rewritten = parametersToConstants.rewrite(tree);
    assertNotEquals(tree, rewritten);
    Set<Integer> parameters = new HashSet<>();
    rewritten.accept(
        new IrTraversal() {
          @Override
          public Void visitParameter(IrExpr.Parameter parameter) {
            parameters.add(parameter.index());
            return null;
          }
        });
    assertEquals(Set.of(), parameters, "no parameter left, the one in the condition included");
    assertEquals(2, count(rewritten, new IrExpr.Constant(104)) + count(rewritten, new IrExpr.Constant(105)));
  }

  @Test
  void walkerChildrenLookThroughConditions() {
    IrExpr.Select tree = (IrExpr.Select) everyKind();
    assertEquals(
        List.of(
            new IrExpr.State(0),
            new IrExpr.Local(1),
            new IrExpr.Invariant(2),
            new IrExpr.Constant(3),
            new IrExpr.Input(IrInput.V_POST),
            new IrExpr.Parameter(4),
            tree.whenTrue(),
            tree.whenFalse()),
        IrWalker.children(tree));
    assertEquals(tree, IrWalker.mapChildren(tree, child -> child));
  }

  private static int count(IrExpr tree, IrExpr wanted) {
    int[] found = {0};
    tree.accept(
        new IrTraversal() {
          @Override
          public Void visitConstant(IrExpr.Constant constant) {
            found[0] += constant.equals(wanted) ? 1 : 0;
            return null;
          }
        });
    return found[0];
  }

  /**
   * A traversal that notes the class of each node it visits, and the parameters in order, and
   * leaves the walking to the default (each method calls its {@code super}).
   */
  private static IrTraversal recording(Set<Class<?>> seen, List<IrExpr> parameters) {
    return new IrTraversal() {
      @Override
      public Void visitConstant(IrExpr.Constant e) {
        seen.add(e.getClass());
        return super.visitConstant(e);
      }

      @Override
      public Void visitParameter(IrExpr.Parameter e) {
        seen.add(e.getClass());
        parameters.add(e);
        return super.visitParameter(e);
      }

      @Override
      public Void visitState(IrExpr.State e) {
        seen.add(e.getClass());
        return super.visitState(e);
      }

      @Override
      public Void visitLocal(IrExpr.Local e) {
        seen.add(e.getClass());
        return super.visitLocal(e);
      }

      @Override
      public Void visitInvariant(IrExpr.Invariant e) {
        seen.add(e.getClass());
        return super.visitInvariant(e);
      }

      @Override
      public Void visitInput(IrExpr.Input e) {
        seen.add(e.getClass());
        return super.visitInput(e);
      }

      @Override
      public Void visitNegate(IrExpr.Negate e) {
        seen.add(e.getClass());
        return super.visitNegate(e);
      }

      @Override
      public Void visitBinary(IrExpr.Binary e) {
        seen.add(e.getClass());
        return super.visitBinary(e);
      }

      @Override
      public Void visitCall(IrExpr.Call e) {
        seen.add(e.getClass());
        return super.visitCall(e);
      }

      @Override
      public Void visitSelect(IrExpr.Select e) {
        seen.add(e.getClass());
        return super.visitSelect(e);
      }

      @Override
      public Void visitCompare(IrCondition.Compare c) {
        seen.add(c.getClass());
        return super.visitCompare(c);
      }

      @Override
      public Void visitAnd(IrCondition.And c) {
        seen.add(c.getClass());
        return super.visitAnd(c);
      }

      @Override
      public Void visitOr(IrCondition.Or c) {
        seen.add(c.getClass());
        return super.visitOr(c);
      }

      @Override
      public Void visitNot(IrCondition.Not c) {
        seen.add(c.getClass());
        return super.visitNot(c);
      }
    };
  }
}
