package io.cleft.compiler.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.NameAllocator;
import io.cleft.compiler.check.UnitChecker;
import io.cleft.compiler.interp.Interpreter;
import io.cleft.compiler.optimize.DeadLocals;
import io.cleft.compiler.ir.IrBlock;
import io.cleft.compiler.ir.IrInput;
import io.cleft.compiler.ir.IrLocal;
import io.cleft.compiler.ir.IrProgram;
import io.cleft.compiler.model.Symbol;
import io.cleft.compiler.model.SynapseModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

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
    IrBlock currentAndConductance,
    Reads update,
    Reads current,
    PhasedBlock updatePhases,
    PhasedBlock currentPhases,
    List<InvariantKind> invariantKinds,
    boolean simd) {

  /** Where a population keeps an invariant. */
  enum InvariantKind {
    /**
     * Reads no parameter kept per synapse (shared ones at most): computed once at the start of
     * each call, in a local.
     */
    PER_CALL,
    /** Reads parameters, not {@code dt}: an array, refreshed when parameters change. */
    PER_SYNAPSE,
    /** Reads parameters and {@code dt}: an array, refreshed when either changes. */
    PER_SYNAPSE_AND_STEP
  }

  /**
   * @param currentAndConductance the current kernel as the strip loops and the scalar
   *     {@code current} method compute it: the current and its derivative, without the named
   *     values (which only {@code currentValues} computes) and the locals only they read
   * @param simd whether the strip loops call the array kernels of SIMD mode ({@link KernelCallWriter})
   */
  static GenerationPlan of(IrProgram program, String packageName, boolean simd) {
    SynapseModel model = program.model();
    IrBlock current = program.current();
    IrBlock currentAndConductance = DeadLocals.remove(new IrBlock(current.locals(), current.results().subList(0, 2)));
    return new GenerationPlan(
        packageName,
        model.name(),
        Path.of(model.source().displayName()).getFileName().toString(),
        program,
        currentAndConductance,
        Reads.of(program.update()),
        Reads.of(currentAndConductance),
        PhasePlanner.plan(program.update(), model.states().stream().map(Symbol.State::name).toList()),
        PhasePlanner.plan(currentAndConductance, List.of("current", "conductance")),
        invariantKinds(program.invariants(), model.parameters()),
        simd);
  }

  /**
   * Each state's initial value at the default parameters, as the interpreter computes the
   * initial kernel: what the metadata gives as the state's default.
   */
  double[] initialStatesAtDefaults() {
    double[] defaults = parameters().stream().mapToDouble(Symbol.Parameter::defaultValue).toArray();
    return new Interpreter(program).initial(defaults);
  }

  /** The working unit of each named value of the current block, as metadata shows it. */
  List<String> currentValueUnits() {
    return UnitChecker.dimensionsOf(model(), model().currentValues()).stream()
        .map(d -> d.map(dimension -> dimension.isDimensionless() ? "1" : dimension.workingUnit().orElse(dimension.describe())).orElse("1"))
        .toList();
  }

  /** Whether the update or the current (named values included) reads {@code t}, so that calls without a time are refused. */
  boolean readsTime() {
    return update.inputs().contains(IrInput.T) || Reads.of(program.current()).inputs().contains(IrInput.T);
  }

  private static List<InvariantKind> invariantKinds(IrBlock invariants, List<Symbol.Parameter> declared) {
    List<InvariantKind> kinds = new ArrayList<>();
    List<Boolean> readsDt = new ArrayList<>();
    for (IrLocal invariant : invariants.locals()) {
      Reads reads = Reads.of(List.of(invariant.value()));
      // A shared parameter is one number, so what reads only shared ones is one number too.
      boolean parameters = reads.parameters().stream().anyMatch(p -> !declared.get(p).shared());
      boolean dt = reads.inputs().contains(IrInput.DT);
      for (int earlier : reads.locals()) {
        parameters |= kinds.get(earlier) != InvariantKind.PER_CALL;
        dt |= readsDt.get(earlier);
      }
      kinds.add(!parameters ? InvariantKind.PER_CALL : dt ? InvariantKind.PER_SYNAPSE_AND_STEP : InvariantKind.PER_SYNAPSE);
      readsDt.add(dt);
    }
    return kinds;
  }

  List<IrLocal> invariants() {
    return program.invariants().locals();
  }

  /**
   * The invariants that code reading {@code reads} needs, with those they read in turn, in
   * the order they are computed.
   */
  Set<Integer> invariantsNeededBy(Reads reads) {
    return invariantsNeededBy(reads.invariants());
  }

  /** {@code read}, with the invariants those read in turn, in the order they are computed. */
  Set<Integer> invariantsNeededBy(Set<Integer> read) {
    Set<Integer> needed = new TreeSet<>(read);
    for (int k = invariants().size() - 1; k >= 0; k--) {
      if (needed.contains(k)) {
        needed.addAll(Reads.of(List.of(invariants().get(k).value())).locals());
      }
    }
    return needed;
  }

  /** The invariants of {@code kind} among {@code read} and those they need. */
  List<Integer> invariantsNeededBy(Set<Integer> read, InvariantKind kind) {
    return invariantsNeededBy(read).stream().filter(k -> invariantKinds.get(k) == kind).toList();
  }

  boolean hasInvariants(InvariantKind kind) {
    return invariantKinds.contains(kind);
  }

  /**
   * The population's class, nested in the model's: {@code Population}, unless the model has
   * that name, which a nested class cannot share with the class around it.
   */
  String populationClassName() {
    return nestedClassNames().get(0);
  }

  /** The population's scratch class, nested in the population: {@code Strip}, likewise. */
  String stripClassName() {
    return nestedClassNames().get(1);
  }

  private List<String> nestedClassNames() {
    NameAllocator types = new NameAllocator();
    types.newName(className, className);
    return List.of(types.newName("Population"), types.newName("Strip"));
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

  /** A comment naming the model line code comes from; nothing for an empty line or line 0. */
  CodeBlock originComment(OptionalInt line) {
    return line.isPresent() ? originComment(line.getAsInt()) : CodeBlock.of("");
  }

  CodeBlock originComment(int line) {
    return line == 0 ? CodeBlock.of("") : CodeBlock.of("// $L\n", JavaText.lineComment(origin(line)));
  }

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
