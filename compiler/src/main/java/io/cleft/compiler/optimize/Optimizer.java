package io.cleft.compiler.optimize;

import io.cleft.compiler.ir.IrBlock;
import io.cleft.compiler.ir.IrLocal;
import io.cleft.compiler.ir.IrProgram;

/**
 * IEEE-faithful optimisation of a lowered program: constant folding, then common
 * subexpressions. Neither changes a single bit of any result: folding evaluates exactly the
 * operations the interpreter would, and sharing a pure value cannot change it. So the
 * optimised program, the unoptimised one and the generated code agree bit for bit.
 *
 * <p>Loop-invariant code (expressions of parameters and constants alone) is hoisted by the JIT
 * per synapse only; cleft does not cache per-synapse derived parameters, because a population's
 * parameter arrays are live and writable, and a cache would go stale.
 */
public final class Optimizer {
  private Optimizer() {}

  public static IrProgram optimize(IrProgram program) {
    return new IrProgram(program.model(), optimize(program.update()), optimize(program.current()));
  }

  private static IrBlock optimize(IrBlock block) {
    IrBlock folded =
        new IrBlock(
            block.locals().stream()
                .map(l -> new IrLocal(l.name(), ConstantFolder.fold(l.value()), l.sourceLine()))
                .toList(),
            block.results().stream().map(ConstantFolder::fold).toList());
    return CommonSubexpressions.eliminate(folded);
  }
}
