package io.cleft.compiler.emit;

import io.cleft.compiler.ir.IrProgram;
import io.cleft.compiler.model.Symbol;
import io.cleft.compiler.model.SynapseModel;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything the Java writers need to know, gathered before any code is written: names, which
 * values each block reads, how the population's loops split each block into phases, and where
 * each statement comes from in the model. The writers only read it.
 */
record GenerationPlan(
    String packageName,
    String className,
    String sourceName,
    IrProgram program,
    Reads update,
    Reads current,
    PhasedBlock updatePhases,
    PhasedBlock currentPhases) {

  static GenerationPlan of(IrProgram program, String packageName) {
    SynapseModel model = program.model();
    return new GenerationPlan(
        packageName,
        model.name(),
        Path.of(model.source().displayName()).getFileName().toString(),
        program,
        Reads.of(program.update()),
        Reads.of(program.current()),
        PhasePlanner.plan(program.update(), model.states().stream().map(Symbol.State::name).toList()),
        PhasePlanner.plan(program.current(), List.of("current", "conductance")));
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
