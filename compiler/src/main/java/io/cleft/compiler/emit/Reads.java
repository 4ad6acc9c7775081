package io.cleft.compiler.emit;

import io.cleft.compiler.ir.IrBlock;
import io.cleft.compiler.ir.IrExpr;
import io.cleft.compiler.ir.IrInput;
import io.cleft.compiler.ir.IrLocal;
import io.cleft.compiler.ir.IrTraversal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Which parameters, states, inputs, locals and invariants some code reads, each set in index order. */
record Reads(
    Set<Integer> parameters, Set<Integer> states, Set<IrInput> inputs, Set<Integer> locals, Set<Integer> invariants) {
  static Reads of(IrBlock block) {
    List<IrExpr> exprs = new ArrayList<>(block.locals().stream().map(IrLocal::value).toList());
    exprs.addAll(block.results());
    return of(exprs);
  }

  static Reads of(Collection<IrExpr> exprs) {
    Reads reads =
        new Reads(new TreeSet<>(), new TreeSet<>(), EnumSet.noneOf(IrInput.class), new TreeSet<>(), new TreeSet<>());
    exprs.forEach(reads::collect);
    return reads;
  }

  /** Everything this or {@code other} reads. */
  Reads with(Reads other) {
    Reads union =
        new Reads(new TreeSet<>(parameters), new TreeSet<>(states), EnumSet.noneOf(IrInput.class), new TreeSet<>(locals), new TreeSet<>(invariants));
    union.inputs.addAll(inputs);
    union.parameters.addAll(other.parameters);
    union.states.addAll(other.states);
    union.inputs.addAll(other.inputs);
    union.locals.addAll(other.locals);
    union.invariants.addAll(other.invariants);
    return union;
  }

  private void collect(IrExpr expr) {
    expr.accept(new Collector());
  }

  /** Adds each value read to the sets; the default traversal goes through the operations. */
  private final class Collector extends IrTraversal {
    @Override
    public Void visitParameter(IrExpr.Parameter parameter) {
      parameters.add(parameter.index());
      return null;
    }

    @Override
    public Void visitState(IrExpr.State state) {
      states.add(state.index());
      return null;
    }

    @Override
    public Void visitInput(IrExpr.Input input) {
      inputs.add(input.input());
      return null;
    }

    @Override
    public Void visitLocal(IrExpr.Local local) {
      locals.add(local.index());
      return null;
    }

    @Override
    public Void visitInvariant(IrExpr.Invariant invariant) {
      invariants.add(invariant.index());
      return null;
    }
  }
}
