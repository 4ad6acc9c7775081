package io.cleft.compiler.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cleft.compiler.TestModels;
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
import io.cleft.compiler.ir.KernelKind;
import io.cleft.compiler.model.BuiltinFunction;
import io.cleft.compiler.model.SynapseModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Common-subexpression elimination and the whole optimizer keep every bit, on random block
 * shapes built to repeat: each local draws its operands from a small pool of subtrees, earlier
 * locals and their negations, so shared subtrees, temporaries placed among the model's locals
 * and references to renumbered locals under a unary minus (the shape that once lost a temporary)
 * all occur often.
 *
 * <p>The shapes are drawn from a seeded {@link SplittableRandom}: jqwik varies and reports the
 * seed, which reproduces a failure exactly.
 */
class CommonSubexpressionsPropertyTest {
  private static final int PARAMETERS = 3;
  private static final int STATES = 3;

  /** A model that gives the random blocks their parameters, states and names. */
  private static final IrProgram CARRIER = TestModels.compile("""
      synapse Carrier {
        parameters {
          p0 = 1.5
          p1 = -0.25
          p2 = 3
        }
        states {
          s0 = 0.5
          s1 = 2
          s2 = -1
        }
        update {
          s0 = s0 + p0 + p1 + p2
          s1 = s1
          s2 = s2
        }
        current = 0 [nA]
      }
      """);

  @Property(tries = 400)
  void eliminationKeepsEveryBitOfABlock(@ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    IrProgram program = randomProgram(random);
    IrProgram eliminated = program(
        CARRIER.model(), new IrBlock(List.of(), List.of()), CommonSubexpressions.eliminate(program.update()), CommonSubexpressions.eliminate(program.current()));
    assertSameResults(program, eliminated, random);
  }

  @Property(tries = 400)
  void theOptimizerKeepsEveryBitOfAProgram(@ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    IrProgram program = randomProgram(random);
    assertSameResults(program, Optimizer.optimize(program), random);
  }

  /** An update of every state and a current with its derivative, nothing hoisted yet. */
  private static IrProgram randomProgram(SplittableRandom random) {
    IrBlock update = new BlockShapes(random, true).block(random.nextInt(1, 12), STATES);
    IrBlock current = new BlockShapes(random, false).block(random.nextInt(1, 12), 2);
    return program(CARRIER.model(), new IrBlock(List.of(), List.of()), update, current);
  }

  /** The blocks that once lost a temporary: {@code a = E + E; x = -a}, alone and hoisted. */
  @Property(tries = 50)
  void aNegatedLocalAfterATemporaryReadsTheLocal(@ForAll long seed) {
    IrExpr shared = new IrExpr.Binary(IrBinaryOperator.MULTIPLY, new IrExpr.Input(IrInput.V_PRE), new IrExpr.Constant(2));
    IrExpr parameterShared = new IrExpr.Call(BuiltinFunction.ABS, List.of(new IrExpr.Negate(new IrExpr.Parameter(1))));
    IrBlock update = new IrBlock(
        List.of(
            local("a", new IrExpr.Binary(IrBinaryOperator.ADD, shared, shared)),
            local("b", new IrExpr.Binary(IrBinaryOperator.SUBTRACT, parameterShared, parameterShared))),
        List.of(new IrExpr.Negate(new IrExpr.Local(0)), new IrExpr.Negate(new IrExpr.Local(1)), new IrExpr.State(2)));
    IrBlock current = new IrBlock(List.of(), List.of(new IrExpr.Constant(0), new IrExpr.Constant(0)));
    IrProgram program = program(CARRIER.model(), new IrBlock(List.of(), List.of()), update, current);
    SplittableRandom random = new SplittableRandom(seed);
    assertSameResults(program, Optimizer.optimize(program), random);
    assertSameResults(
        program, program(CARRIER.model(), new IrBlock(List.of(), List.of()), CommonSubexpressions.eliminate(update), current), random);
  }

  private static IrLocal local(String name, IrExpr value) {
    return new IrLocal(name, value, OptionalInt.empty());
  }

  private static void assertSameResults(IrProgram expected, IrProgram actual, SplittableRandom random) {
    Interpreter reference = new Interpreter(expected);
    Interpreter candidate = new Interpreter(actual);
    for (int sample = 0; sample < 20; sample++) {
      double[] p = random.doubles(PARAMETERS, -4, 4).toArray();
      double[] s = random.doubles(STATES, -4, 4).toArray();
      double dt = random.nextDouble(0.001, 1);
      double vPre = random.nextDouble(-90, 40);
      double vPost = random.nextDouble(-90, 40);
      assertBits(reference.update(p, s, dt, vPre, vPost), candidate.update(p, s, dt, vPre, vPost), actual);
      assertBits(reference.currentTerms(p, s, vPre, vPost), candidate.currentTerms(p, s, vPre, vPost), actual);
    }
  }

  private static void assertBits(double[] expected, double[] actual, IrProgram program) {
    long[] expectedBits = Arrays.stream(expected).mapToLong(Double::doubleToLongBits).toArray();
    long[] actualBits = Arrays.stream(actual).mapToLong(Double::doubleToLongBits).toArray();
    assertEquals(Arrays.toString(expected), Arrays.toString(actual), () -> "optimised update " + program.update());
    assertEquals(Arrays.toString(expectedBits), Arrays.toString(actualBits));
  }

  /** Random straight-line blocks whose expressions repeat subtrees. */
  private static final class BlockShapes {
    private final SplittableRandom random;
    private final boolean hasDt;
    private final List<IrExpr> pool = new ArrayList<>();
    private int localCount;

    BlockShapes(SplittableRandom random, boolean hasDt) {
      this.random = random;
      this.hasDt = hasDt;
      for (int i = 0; i < 4; i++) {
        pool.add(tree(2));
      }
    }

    IrBlock block(int locals, int results) {
      List<IrLocal> defined = new ArrayList<>();
      for (int i = 0; i < locals; i++) {
        defined.add(local("l" + i, tree(3)));
        localCount++;
      }
      List<IrExpr> values = new ArrayList<>();
      for (int i = 0; i < results; i++) {
        values.add(tree(3));
      }
      return new IrBlock(defined, values);
    }

    private IrExpr tree(int depth) {
      if (depth == 0 || random.nextInt(4) == 0) {
        return operand();
      }
      return switch (random.nextInt(6)) {
        case 0 -> new IrExpr.Negate(tree(depth - 1));
        case 1, 2 -> new IrExpr.Binary(
            IrBinaryOperator.values()[random.nextInt(4)], tree(depth - 1), tree(depth - 1));
        case 3 -> new IrExpr.Call(BuiltinFunction.ABS, List.of(tree(depth - 1)));
        case 4 -> new IrExpr.Call(BuiltinFunction.MAX, List.of(tree(depth - 1), tree(depth - 1)));
        default -> new IrExpr.Select(
            new IrCondition.Compare(ComparisonOperator.LESS, tree(depth - 1), tree(depth - 1)),
            tree(depth - 1),
            tree(depth - 1));
      };
    }

    private IrExpr operand() {
      int choice = random.nextInt(8);
      if (choice < 2 && localCount > 0) {
        IrExpr local = new IrExpr.Local(random.nextInt(localCount));
        return choice == 0 ? new IrExpr.Negate(local) : local;
      }
      if (choice < 4 && !pool.isEmpty()) {
        return pool.get(random.nextInt(pool.size()));
      }
      return switch (random.nextInt(5)) {
        case 0 -> new IrExpr.Constant(random.nextInt(-3, 4) * 0.5);
        case 1 -> new IrExpr.Parameter(random.nextInt(PARAMETERS));
        case 2 -> new IrExpr.Negate(new IrExpr.Parameter(random.nextInt(PARAMETERS)));
        case 3 -> new IrExpr.State(random.nextInt(STATES));
        default -> new IrExpr.Input(
            hasDt && random.nextBoolean() ? IrInput.DT : random.nextBoolean() ? IrInput.V_PRE : IrInput.V_POST);
      };
    }
  }

  /** A program of an update and a current kernel. */
  private static IrProgram program(SynapseModel model, IrBlock invariants, IrBlock update, IrBlock current) {
    return new IrProgram(
        model, invariants, List.of(new IrKernel(KernelKind.UPDATE, update), new IrKernel(KernelKind.CURRENT, current)));
  }
}
