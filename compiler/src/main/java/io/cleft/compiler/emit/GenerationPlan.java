package io.cleft.compiler.emit;

import io.cleft.compiler.ir.IrBlock;
import io.cleft.compiler.ir.IrCondition;
import io.cleft.compiler.ir.IrExpr;
import io.cleft.compiler.ir.IrInput;
import io.cleft.compiler.ir.IrLocal;
import io.cleft.compiler.ir.IrProgram;
import io.cleft.compiler.model.Symbol;
import io.cleft.compiler.model.SynapseModel;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything the Java writers need to know, gathered before any code is written: names, which
 * values each block reads, and where each statement comes from in the model. The writers only
 * read it.
 */
record GenerationPlan(
    String packageName,
    String className,
    String sourceName,
    IrProgram program,
    BlockUse update,
    BlockUse current) {

  /** Which parameters, states and inputs a block reads. */
  record BlockUse(Set<Integer> parameters, Set<Integer> states, Set<IrInput> inputs) {
    static BlockUse of(IrBlock block) {
      BlockUse use = new BlockUse(new TreeSet<>(), new TreeSet<>(), EnumSet.noneOf(IrInput.class));
      block.locals().stream().map(IrLocal::value).forEach(use::collect);
      block.results().forEach(use::collect);
      return use;
    }

    private void collect(IrExpr expr) {
      if (expr instanceof IrExpr.Parameter p) {
        parameters.add(p.index());
      } else if (expr instanceof IrExpr.State s) {
        states.add(s.index());
      } else if (expr instanceof IrExpr.Input i) {
        inputs.add(i.input());
      } else if (expr instanceof IrExpr.Negate n) {
        collect(n.operand());
      } else if (expr instanceof IrExpr.Binary b) {
        collect(b.left());
        collect(b.right());
      } else if (expr instanceof IrExpr.Call c) {
        c.arguments().forEach(this::collect);
      } else if (expr instanceof IrExpr.Select s) {
        collect(s.condition());
        collect(s.whenTrue());
        collect(s.whenFalse());
      }
    }

    private void collect(IrCondition condition) {
      if (condition instanceof IrCondition.Compare c) {
        collect(c.left());
        collect(c.right());
      } else if (condition instanceof IrCondition.And a) {
        collect(a.left());
        collect(a.right());
      } else if (condition instanceof IrCondition.Or o) {
        collect(o.left());
        collect(o.right());
      } else if (condition instanceof IrCondition.Not n) {
        collect(n.operand());
      }
    }
  }

  static GenerationPlan of(IrProgram program, String packageName) {
    SynapseModel model = program.model();
    return new GenerationPlan(
        packageName,
        model.name(),
        Path.of(model.source().displayName()).getFileName().toString(),
        program,
        BlockUse.of(program.update()),
        BlockUse.of(program.current()));
  }

  SynapseModel model() {
    return program.model();
  }

  List<Symbol.Parameter> parameters() {
    return model().parameters();
  }

  List<Symbol.State> states() {
    return model().states();
  }

  /** "IonotropicSynapse.syn:22: s_inf = 1 / (...)", for a comment above generated code. */
  String origin(int line) {
    return sourceName + ":" + line + ": " + model().source().line(line).strip();
  }

  /** The source line of the update of state {@code index}, or 0 if it is never updated. */
  int updateLine(int index) {
    return model().updateOf(states().get(index)).map(u -> u.span().line()).orElse(0);
  }

  int currentLine() {
    return model().current().span().line();
  }
}
