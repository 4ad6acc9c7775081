package io.cleft.compiler.optimize;

import io.cleft.compiler.ir.IrBlock;
import io.cleft.compiler.ir.IrExpr;
import io.cleft.compiler.ir.IrLocal;
import io.cleft.compiler.ir.IrProgram;
import io.cleft.compiler.ir.IrRewriter;
import java.util.function.UnaryOperator;

/**
 * Optimisation of a lowered program, in order:
 *
 * <ol>
 *   <li>constant folding ({@link ConstantFolder});
 *   <li>with {@link MathMode#FAST} only, algebra that trades ulps for fewer divisions
 *       ({@link FastMath});
 *   <li>hoisting what depends only on parameters, constants and {@code dt} out of the step
 *       ({@link InvariantHoisting});
 *   <li>common subexpressions, in each kernel ({@link CommonSubexpressions});
 *   <li>the locals no result reaches any more, in each kernel ({@link DeadLocals}).
 * </ol>
 *
 * <p>In the default {@link MathMode#IEEE} no step changes a single bit of any result: folding
 * evaluates exactly the operations the interpreter would, and moving or sharing a pure value
 * cannot change it. So the optimised program, the unoptimised one and the generated code agree
 * bit for bit.
 */
public final class Optimizer {
  private Optimizer() {}

  public static IrProgram optimize(IrProgram program) {
    return optimize(program, MathMode.IEEE);
  }

  public static IrProgram optimize(IrProgram program, MathMode mode) {
    IrProgram folded = map(program, ConstantFolder::fold);
    IrProgram rewritten = mode == MathMode.FAST ? FastMath.rewrite(folded) : folded;
    IrProgram hoisted = InvariantHoisting.hoist(rewritten);
    CommonSubexpressions.Renumbered invariants = CommonSubexpressions.eliminateRenumbering(hoisted.invariants());
    UnaryOperator<IrExpr> follow = IrRewriter.renumberingInvariants(invariants.newIndexOfLocal())::rewrite;
    return hoisted
        .withInvariants(invariants.block())
        .mapKernels(kernel -> DeadLocals.remove(CommonSubexpressions.eliminate(map(kernel.block(), follow))));
  }

  /** The program with {@code rewrite} applied to every local and result of every block. */
  public static IrProgram map(IrProgram program, UnaryOperator<IrExpr> rewrite) {
    return program.mapBlocks(block -> map(block, rewrite));
  }

  /** The block with {@code rewrite} applied to every local and result. */
  public static IrBlock map(IrBlock block, UnaryOperator<IrExpr> rewrite) {
    return new IrBlock(
        block.locals().stream().map(l -> new IrLocal(l.name(), rewrite.apply(l.value()), l.sourceLine())).toList(),
        block.results().stream().map(rewrite).toList());
  }
}
