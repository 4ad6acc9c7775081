package io.cleft.compiler.emit;

import io.cleft.compiler.ast.Expression.ComparisonOperator;
import io.cleft.compiler.ir.IrBlock;
import io.cleft.compiler.ir.IrCondition;
import io.cleft.compiler.ir.IrExpr;
import io.cleft.compiler.ir.IrLocal;
import io.cleft.compiler.ir.IrProgram;
import io.cleft.compiler.ir.IrWalker;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * Rewrites a program so that no expression in it is deeper than a limit, by moving deeper
 * subexpressions into locals of their own, computed just before the value that reads them.
 * javac attributes and generates code for an expression recursively, and overflows its stack on
 * a few hundred nested calls ({@code abs(abs(...))}) or conditionals, so the emitter writes only
 * bounded ones ({@link JavaLimits#EXPRESSION_DEPTH}).
 *
 * <p>Bits are kept: Java's double arithmetic is strict IEEE 754 (JLS 15.4, since Java 17), so a
 * value computed into a local is the value computed in place, and IR expressions are pure, so
 * computing a branch of a conditional whether or not it is taken changes nothing. A condition
 * nested too deeply is kept as {@code c ? 1.0 : 0.0} in a local and read back as
 * {@code local != 0.0}, the same truth value.
 */
final class ExpressionDepthLimiter {
  private final int limit;
  /** The new index of each local of the block being rewritten. */
  private final int[] newIndexOfLocal;
  /** How the other leaves are read in the new program (invariants are renumbered too). */
  private final UnaryOperator<IrExpr> renumberLeaf;
  private final List<IrLocal> locals = new ArrayList<>();
  private String owner = "";
  private OptionalInt line = OptionalInt.empty();

  /** An expression or condition as rewritten, with its depth: 1 for a leaf. */
  private record Shallow<T>(T node, int depth) {}

  /** A block as rewritten, and the new index of each of its old locals. */
  private record Bounded(IrBlock block, int[] newIndexOfLocal) {}

  private ExpressionDepthLimiter(int limit, int localCount, UnaryOperator<IrExpr> renumberLeaf) {
    if (limit < 4) {
      throw new IllegalArgumentException("an expression depth limit below 4 cannot hold a spilled condition: " + limit);
    }
    this.limit = limit;
    this.newIndexOfLocal = new int[localCount];
    this.renumberLeaf = renumberLeaf;
  }

  static IrProgram limit(IrProgram program, int limit) {
    Bounded invariants = bound(program.invariants(), limit, UnaryOperator.identity());
    UnaryOperator<IrExpr> renumberInvariants =
        leaf -> leaf instanceof IrExpr.Invariant v ? new IrExpr.Invariant(invariants.newIndexOfLocal()[v.index()]) : leaf;
    return program
        .withInvariants(invariants.block())
        .mapKernels(kernel -> bound(kernel.block(), limit, renumberInvariants).block());
  }

  private static Bounded bound(IrBlock block, int limit, UnaryOperator<IrExpr> renumberLeaf) {
    ExpressionDepthLimiter limiter = new ExpressionDepthLimiter(limit, block.locals().size(), renumberLeaf);
    for (int i = 0; i < block.locals().size(); i++) {
      IrLocal local = block.locals().get(i);
      limiter.owner = local.name();
      limiter.line = local.sourceLine();
      IrExpr value = limiter.expression(local.value()).node();
      limiter.newIndexOfLocal[i] = limiter.locals.size();
      limiter.locals.add(new IrLocal(local.name(), value, local.sourceLine()));
    }
    List<IrExpr> results = new ArrayList<>();
    limiter.line = OptionalInt.empty();
    for (IrExpr result : block.results()) {
      limiter.owner = "result";
      results.add(limiter.expression(result).node());
    }
    return new Bounded(new IrBlock(limiter.locals, results), limiter.newIndexOfLocal);
  }

  private Shallow<IrExpr> expression(IrExpr expr) {
    if (expr instanceof IrExpr.Local local) {
      return new Shallow<>(new IrExpr.Local(newIndexOfLocal[local.index()]), 1);
    }
    if (expr.isLeaf()) {
      return new Shallow<>(renumberLeaf.apply(expr), 1);
    }
    if (expr instanceof IrExpr.Select select) {
      Shallow<IrCondition> condition = condition(select.condition());
      Shallow<IrExpr> whenTrue = expression(select.whenTrue());
      Shallow<IrExpr> whenFalse = expression(select.whenFalse());
      int depth = 1 + Math.max(condition.depth(), Math.max(whenTrue.depth(), whenFalse.depth()));
      if (depth <= limit) {
        return new Shallow<>(new IrExpr.Select(condition.node(), whenTrue.node(), whenFalse.node()), depth);
      }
      return new Shallow<>(
          new IrExpr.Select(spillCondition(condition), spill(whenTrue).node(), spill(whenFalse).node()),
          // a spilled condition is a comparison of a local with 0: depth 2
          3);
    }
    List<Shallow<IrExpr>> children = new ArrayList<>();
    IrWalker.children(expr).forEach(child -> children.add(expression(child)));
    int depth = 1 + children.stream().mapToInt(Shallow::depth).max().orElse(0);
    boolean spillAll = depth > limit;
    List<IrExpr> rewritten = new ArrayList<>();
    children.forEach(child -> rewritten.add(spillAll ? spill(child).node() : child.node()));
    int[] next = {0};
    IrExpr node = IrWalker.mapChildren(expr, old -> rewritten.get(next[0]++));
    return new Shallow<>(node, spillAll ? 2 : depth);
  }

  /** Conditions are kept at most {@code limit - 1} deep, so that a spilled one fits a local. */
  private Shallow<IrCondition> condition(IrCondition condition) {
    return condition.accept(conditions);
  }

  private final IrCondition.Visitor<Shallow<IrCondition>> conditions =
      new IrCondition.Visitor<>() {
        @Override
        public Shallow<IrCondition> visitCompare(IrCondition.Compare compare) {
          Shallow<IrExpr> left = expression(compare.left());
          Shallow<IrExpr> right = expression(compare.right());
          int depth = 1 + Math.max(left.depth(), right.depth());
          if (depth <= limit - 1) {
            return new Shallow<>(new IrCondition.Compare(compare.operator(), left.node(), right.node()), depth);
          }
          return new Shallow<>(new IrCondition.Compare(compare.operator(), spill(left).node(), spill(right).node()), 2);
        }

        @Override
        public Shallow<IrCondition> visitNot(IrCondition.Not not) {
          Shallow<IrCondition> operand = condition(not.operand());
          if (operand.depth() + 1 <= limit - 1) {
            return new Shallow<>(new IrCondition.Not(operand.node()), operand.depth() + 1);
          }
          return new Shallow<>(new IrCondition.Not(spillCondition(operand)), 3);
        }

        @Override
        public Shallow<IrCondition> visitAnd(IrCondition.And and) {
          return junction(and.left(), and.right(), IrCondition.And::new);
        }

        @Override
        public Shallow<IrCondition> visitOr(IrCondition.Or or) {
          return junction(or.left(), or.right(), IrCondition.Or::new);
        }
      };

  /** An and or an or of two conditions, built by {@code junction}. */
  private Shallow<IrCondition> junction(
      IrCondition leftOperand, IrCondition rightOperand, BinaryOperator<IrCondition> junction) {
    Shallow<IrCondition> left = condition(leftOperand);
    Shallow<IrCondition> right = condition(rightOperand);
    int depth = 1 + Math.max(left.depth(), right.depth());
    if (depth <= limit - 1) {
      return new Shallow<>(junction.apply(left.node(), right.node()), depth);
    }
    IrCondition l = spillCondition(left);
    IrCondition r = spillCondition(right);
    return new Shallow<>(junction.apply(l, r), 3);
  }

  /** A read of a new local holding {@code value}; a leaf stays as it is. */
  private Shallow<IrExpr> spill(Shallow<IrExpr> value) {
    if (value.depth() <= 1) {
      return value;
    }
    locals.add(new IrLocal(owner + "_part", value.node(), line));
    return new Shallow<>(new IrExpr.Local(locals.size() - 1), 1);
  }

  /** {@code local != 0.0}, with the local holding {@code condition ? 1.0 : 0.0}. */
  private IrCondition spillCondition(Shallow<IrCondition> condition) {
    if (condition.depth() <= 2) {
      return condition.node();
    }
    IrExpr flag = new IrExpr.Select(condition.node(), new IrExpr.Constant(1.0), new IrExpr.Constant(0.0));
    locals.add(new IrLocal(owner + "_condition", flag, line));
    return new IrCondition.Compare(ComparisonOperator.NOT_EQUAL, new IrExpr.Local(locals.size() - 1), new IrExpr.Constant(0.0));
  }
}
