package io.cleft.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleft.compiler.ModelSources;
import io.cleft.compiler.ast.Expression.ComparisonOperator;
import io.cleft.compiler.interp.Interpreter;
import io.cleft.compiler.ir.IrBinaryOperator;
import io.cleft.compiler.ir.IrBlock;
import io.cleft.compiler.ir.IrCondition;
import io.cleft.compiler.ir.IrExpr;
import io.cleft.compiler.ir.IrInput;
import io.cleft.compiler.ir.IrLocal;
import io.cleft.compiler.ir.IrKernel;
import io.cleft.compiler.ir.IrProgram;
import io.cleft.compiler.ir.IrWalker;
import io.cleft.compiler.ir.KernelKind;
import io.cleft.compiler.model.BuiltinFunction;
import io.cleft.compiler.model.SynapseModel;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * {@link ExpressionDepthLimiter} on random programs whose expressions are up to 150 deep, with
 * every kind of node on the deep path (conditions nested in conditions too): afterwards no
 * expression of any block is deeper than the limit, and the interpreter gives the same bits for
 * the rewritten program as for the original.
 */
class ExpressionDepthLimiterTest {
  private static final int LIMIT = JavaLimits.EXPRESSION_DEPTH;
  /** Parameters, states and the model's names: DecaySynapse has three and one. */
  private static final IrProgram MODEL = ModelSources.program("DecaySynapse");

  @Property(tries = 300)
  void everyExpressionIsWithinTheLimitAndEveryBitIsKept(@ForAll long seed) {
    Random random = new Random(seed);
    IrBlock invariants = block(random, 3, 0, Kind.INVARIANTS, 0);
    IrBlock update = block(random, 4, invariants.locals().size(), Kind.BODY, 1);
    IrBlock current = block(random, 3, invariants.locals().size(), Kind.BODY, 2);
    IrProgram original = program(MODEL.model(), invariants, update, current);

    IrProgram limited = ExpressionDepthLimiter.limit(original, LIMIT);

    for (IrBlock block : List.of(limited.invariants(), limited.update(), limited.current())) {
      block.locals().forEach(l -> assertTrue(depth(l.value()) <= LIMIT, () -> "a local " + depth(l.value()) + " deep"));
      block.results().forEach(r -> assertTrue(depth(r) <= LIMIT, () -> "a result " + depth(r) + " deep"));
    }
    Interpreter expected = new Interpreter(original);
    Interpreter actual = new Interpreter(limited);
    SplittableRandom inputs = new SplittableRandom(seed);
    for (int sample = 0; sample < 20; sample++) {
      double[] parameters = inputs.doubles(3, -2, 2).toArray();
      double[] states = inputs.doubles(1, -2, 2).toArray();
      double dt = inputs.nextDouble(0, 1);
      double vPre = inputs.nextDouble(-90, 90);
      double vPost = inputs.nextDouble(-90, 90);
      assertBits(expected.update(parameters, states, dt, vPre, vPost), actual.update(parameters, states, dt, vPre, vPost));
      assertBits(expected.currentTerms(parameters, states, vPre, vPost), actual.currentTerms(parameters, states, vPre, vPost));
    }
  }

  private static void assertBits(double[] expected, double[] actual) {
    assertEquals(expected.length, actual.length);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(actual[i]), "result " + i);
    }
  }

  /** As the limiter counts: a leaf is 1 deep, a condition's operands count inside it. */
  private static int depth(IrExpr expr) {
    if (expr instanceof IrExpr.Select select) {
      return 1 + Math.max(depth(select.condition()), Math.max(depth(select.whenTrue()), depth(select.whenFalse())));
    }
    return 1 + IrWalker.children(expr).stream().mapToInt(ExpressionDepthLimiterTest::depth).max().orElse(0);
  }

  private static int depth(IrCondition condition) {
    if (condition instanceof IrCondition.Compare compare) {
      return 1 + Math.max(depth(compare.left()), depth(compare.right()));
    }
    if (condition instanceof IrCondition.Not not) {
      return 1 + depth(not.operand());
    }
    IrCondition left = condition instanceof IrCondition.And and ? and.left() : ((IrCondition.Or) condition).left();
    IrCondition right = condition instanceof IrCondition.And and ? and.right() : ((IrCondition.Or) condition).right();
    return 1 + Math.max(depth(left), depth(right));
  }

  private enum Kind {
    /** Reads parameters, dt and earlier invariants (as locals). */
    INVARIANTS,
    /** Reads anything, and invariants. */
    BODY
  }

  private static IrBlock block(Random random, int localCount, int invariantCount, Kind kind, int resultCount) {
    List<IrLocal> locals = new ArrayList<>();
    for (int i = 0; i < localCount; i++) {
      Shapes shapes = new Shapes(random, kind, i, invariantCount);
      locals.add(new IrLocal("l" + i, shapes.spine(random.nextInt(150)), OptionalInt.of(i + 1)));
    }
    List<IrExpr> results = new ArrayList<>();
    for (int r = 0; r < resultCount; r++) {
      results.add(new Shapes(random, kind, localCount, invariantCount).spine(random.nextInt(150)));
    }
    return new IrBlock(locals, results);
  }

  /** Random expressions: one deep path (the spine), leaves everywhere else. */
  private record Shapes(Random random, Kind kind, int localsBefore, int invariants) {
    IrExpr spine(int depth) {
      if (depth == 0) {
        return leaf();
      }
      switch (random.nextInt(6)) {
        case 0:
          return new IrExpr.Negate(spine(depth - 1));
        case 1: {
          IrBinaryOperator operator = IrBinaryOperator.values()[random.nextInt(IrBinaryOperator.values().length)];
          return random.nextBoolean()
              ? new IrExpr.Binary(operator, spine(depth - 1), leaf())
              : new IrExpr.Binary(operator, leaf(), spine(depth - 1));
        }
        case 2: {
          BuiltinFunction function = BuiltinFunction.values()[random.nextInt(BuiltinFunction.values().length)];
          List<IrExpr> arguments = new ArrayList<>();
          int deep = random.nextInt(function.arity());
          for (int a = 0; a < function.arity(); a++) {
            arguments.add(a == deep ? spine(depth - 1) : leaf());
          }
          return new IrExpr.Call(function, arguments);
        }
        case 3:
          return new IrExpr.Select(condition(depth - 1), leaf(), leaf());
        default:
          return random.nextBoolean()
              ? new IrExpr.Select(compare(leaf(), leaf()), spine(depth - 1), leaf())
              : new IrExpr.Select(compare(leaf(), leaf()), leaf(), spine(depth - 1));
      }
    }

    IrCondition condition(int depth) {
      if (depth == 0) {
        return compare(leaf(), leaf());
      }
      return switch (random.nextInt(4)) {
        case 0 -> new IrCondition.Not(condition(depth - 1));
        case 1 -> new IrCondition.And(condition(depth - 1), compare(leaf(), leaf()));
        case 2 -> new IrCondition.Or(compare(leaf(), leaf()), condition(depth - 1));
        default -> compare(spine(depth - 1), leaf());
      };
    }

    IrCondition compare(IrExpr left, IrExpr right) {
      ComparisonOperator operator = ComparisonOperator.values()[random.nextInt(ComparisonOperator.values().length)];
      return new IrCondition.Compare(operator, left, right);
    }

    IrExpr leaf() {
      int choice = random.nextInt(kind == Kind.INVARIANTS ? 4 : 7);
      return switch (choice) {
        case 0 -> new IrExpr.Constant(random.nextInt(5) - 2 + random.nextDouble());
        case 1 -> new IrExpr.Parameter(random.nextInt(3));
        case 2 -> new IrExpr.Input(IrInput.DT);
        case 3 -> localsBefore > 0 ? new IrExpr.Local(random.nextInt(localsBefore)) : new IrExpr.Constant(0.5);
        case 4 -> new IrExpr.State(0);
        case 5 -> new IrExpr.Input(random.nextBoolean() ? IrInput.V_PRE : IrInput.V_POST);
        default -> invariants > 0 ? new IrExpr.Invariant(random.nextInt(invariants)) : new IrExpr.Constant(-1.5);
      };
    }
  }

  /** A program of an update and a current kernel. */
  private static IrProgram program(SynapseModel model, IrBlock invariants, IrBlock update, IrBlock current) {
    return new IrProgram(
        model, invariants, List.of(new IrKernel(KernelKind.UPDATE, update), new IrKernel(KernelKind.CURRENT, current)));
  }
}
