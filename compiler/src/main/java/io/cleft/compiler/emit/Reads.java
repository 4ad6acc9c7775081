package io.cleft.compiler.emit;

import io.cleft.compiler.ir.IrBlock;
import io.cleft.compiler.ir.IrExpr;
import io.cleft.compiler.ir.IrInput;
import io.cleft.compiler.ir.IrLocal;
import io.cleft.compiler.ir.IrWalker;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Which parameters, states, inputs and locals some code reads, each set in index order. */
record Reads(Set<Integer> parameters, Set<Integer> states, Set<IrInput> inputs, Set<Integer> locals) {
  static Reads of(IrBlock block) {
    List<IrExpr> exprs = new ArrayList<>(block.locals().stream().map(IrLocal::value).toList());
    exprs.addAll(block.results());
    return of(exprs);
  }

  static Reads of(Collection<IrExpr> exprs) {
    Reads reads = new Reads(new TreeSet<>(), new TreeSet<>(), EnumSet.noneOf(IrInput.class), new TreeSet<>());
    exprs.forEach(reads::collect);
    return reads;
  }

  private void collect(IrExpr expr) {
    if (expr instanceof IrExpr.Parameter p) {
      parameters.add(p.index());
    } else if (expr instanceof IrExpr.State s) {
      states.add(s.index());
    } else if (expr instanceof IrExpr.Input i) {
      inputs.add(i.input());
    } else if (expr instanceof IrExpr.Local l) {
      locals.add(l.index());
    } else {
      IrWalker.children(expr).forEach(this::collect);
    }
  }
}
