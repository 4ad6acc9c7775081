package io.cleft.compiler.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.NameAllocator;
import io.cleft.compiler.ir.IrExpr;
import io.cleft.compiler.ir.IrInput;
import io.cleft.compiler.ir.IrProgram;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes the loops of a population, and is the only code that does. A population method runs
 * over its synapses in strips of {@code STRIP_SIZE}. For each strip it
 *
 * <ol>
 *   <li>gathers the pre- and postsynaptic voltages its synapses read into scratch arrays, one
 *       tight loop per voltage, so that the processor has many of these scattered reads in
 *       flight at once;
 *   <li>runs the phases of each section in turn ({@link PhasePlanner}): loops of arithmetic that
 *       the JIT vectorises, and loops of independent calls to exp and its kind;
 *   <li>in checked mode, checks the strip's new states and currents;
 *   <li>adds the strip's currents and conductances into the compartments, in synapse order.
 * </ol>
 *
 * <p>In SIMD mode the strip is staged as well ({@link StripStaging}): the population's arrays
 * the phases read are copied into strip buffers, and the states written copied back at its end,
 * so that each phase indexes only strip arrays and C2 vectorises it.
 *
 * <p>A strip's scratch arrays are small enough to stay in the L1 cache. Within each phase the
 * values are computed by the operations of the IR in its order; a sum into a compartment is
 * accumulated in synapse order, as a plain loop would. So the results are the same bits as
 * the interpreter's.
 */
final class StripLoopWriter {
  static final String START = "start";
  static final String COUNT = "count";
  private static final String J = "j";
  private static final String I = "i";
  private static final String POST = "post";
  /** The parameters of the range method: its synapses, and the per-synapse buffers or null. */
  static final String FROM = "from";
  static final String TO = "to";
  static final String SYNAPSE_CURRENT = "synapseCurrent";
  static final String SYNAPSE_CONDUCTANCE = "synapseConductance";

  /** What a method computes, in the order it lists them. */
  enum Section {
    /** The states after the step, written back to the state arrays. */
    UPDATE,
    /** The current and its derivative, added into the compartments. */
    CURRENT;

    PhasedBlock phases(GenerationPlan plan) {
      return this == UPDATE ? plan.updatePhases() : plan.currentPhases();
    }

    Reads reads(GenerationPlan plan) {
      return this == UPDATE ? plan.update() : plan.current();
    }
  }

  private final GenerationPlan plan;
  private final PopulationFields fields;
  private final InvariantCacheEmitter caches;
  /** Names taken for the whole method: its parameters and the values computed once per call. */
  private final List<String> methodNames;
  /** The local of each invariant computed once per call, by invariant index. */
  private Map<Integer, String> perCall = Map.of();
  /** The local of each shared parameter the loop reads, by parameter index: read once per call. */
  private Map<Integer, String> sharedParameters = Map.of();
  /** SIMD mode's strip buffers of the population's arrays ({@link StripStaging}); none otherwise. */
  private StripStaging staging;

  StripLoopWriter(GenerationPlan plan, PopulationFields fields, InvariantCacheEmitter caches, List<String> methodParameters) {
    this.plan = plan;
    this.fields = fields;
    this.caches = caches;
    this.methodNames = new ArrayList<>(methodParameters);
  }

  /**
   * The body of a method that computes {@code sections}, in order, strip by strip: first the
   * invariants computed once per call, the cached ones brought up to date, then the loop.
   */
  CodeBlock loop(List<Section> sections) {
    CodeBlock.Builder code = CodeBlock.builder();
    code.add(readOnceLocals(sections));
    code.add(perCallWork(caches, sections));
    return code.add(strips(sections, "0", PopulationFields.SIZE, false)).build();
  }

  /**
   * What a call does once before any strip and that writes fields: the values kept for
   * {@code dt} brought up to date, and (under {@code -ea}) checked. The ranges of a call must
   * not do it, since ranges may run at the same time.
   */
  static CodeBlock perCallWork(InvariantCacheEmitter caches, List<Section> sections) {
    CodeBlock.Builder code = CodeBlock.builder();
    if (sections.contains(Section.UPDATE) && caches.cachesStepValues()) {
      code.addStatement("$L($L)", InvariantCacheEmitter.PREPARE_STEP, BlockWriter.DT);
    }
    if (caches.cachesAnything()) {
      code.addStatement(
          "assert $L() : $T.STALE_CACHES", InvariantCacheEmitter.CACHES_ARE_CURRENT, PopulationEmitter.SUPPORT);
    }
    return code.build();
  }

  /**
   * The body of the method that computes {@code sections} for synapses {@code from} to
   * {@code to - 1} in the scratch {@code strip} it is given: the values read once per call into
   * locals (they only read fields, so each range may read them again), then the strips. Each
   * strip's currents are added into {@code current} and {@code conductance}, or, when
   * {@code synapseCurrent} is not null, copied into {@code synapseCurrent} and
   * {@code synapseConductance} at the synapses' own indices. Nothing here writes a field.
   */
  CodeBlock rangeLoop(List<Section> sections) {
    CodeBlock.Builder code = CodeBlock.builder();
    code.add(readOnceLocals(sections));
    return code.add(strips(sections, FROM, TO, true)).build();
  }

  /** The invariants computed once per call and the shared parameters, each in a local. */
  private CodeBlock readOnceLocals(List<Section> sections) {
    staging = new StripStaging(plan, fields, sections);
    CodeBlock.Builder code = CodeBlock.builder();
    NameAllocator names = reservedNames();
    Set<Integer> invariants = new TreeSet<>();
    sections.forEach(section -> invariants.addAll(section.reads(plan).invariants()));
    perCall = caches.perCallLocals(invariants, names, code);
    methodNames.addAll(perCall.values());
    sharedParameters = sharedParameterLocals(sections, names, code);
    methodNames.addAll(sharedParameters.values());
    return code.build();
  }

  /** The loop over the strips of synapses {@code from} to {@code to - 1}. */
  private CodeBlock strips(List<Section> sections, String from, String to, boolean ranged) {
    CodeBlock.Builder code = CodeBlock.builder();
    code.beginControlFlow(
            "for (int $L = $L; $L < $L; $L += $L)", START, from, START, to, START, PopulationFields.STRIP_SIZE)
        .addStatement("int $L = $T.min($L, $L - $L)", COUNT, Math.class, PopulationFields.STRIP_SIZE, to, START);
    Set<IrInput> inputs = EnumSet.noneOf(IrInput.class);
    sections.forEach(s -> inputs.addAll(s.reads(plan).inputs()));
    if (inputs.contains(IrInput.V_PRE)) {
      code.add(gather(IrInput.V_PRE, PopulationFields.PRE_INDEX));
    }
    if (inputs.contains(IrInput.V_POST)) {
      code.add(gather(IrInput.V_POST, PopulationFields.POST_INDEX));
    }
    for (Section section : sections) {
      PhasedBlock phases = section.phases(plan);
      for (int phase = 0; phase < phases.phaseCount(); phase++) {
        code.add(staging.before(section, phase));
        code.add(phases.isCallPhase(phase) ? callPhase(section, phase) : arithmeticPhase(section, phase));
      }
    }
    code.add(staging.copyBack());
    code.add(checkedMode(sections));
    if (sections.contains(Section.CURRENT)) {
      code.add(ranged ? rangeScatter() : scatter());
    }
    return code.endControlFlow().build();
  }

  /**
   * Declares a local for each shared parameter that {@code sections} read, before the loop: the
   * JIT cannot hoist a read of a field's array out of a loop that stores into other arrays,
   * since they might be the same array.
   */
  private Map<Integer, String> sharedParameterLocals(List<Section> sections, NameAllocator names, CodeBlock.Builder code) {
    Set<Integer> read = new TreeSet<>();
    sections.forEach(section -> read.addAll(section.reads(plan).parameters()));
    Map<Integer, String> locals = new LinkedHashMap<>();
    for (int p : read) {
      if (fields.shared().contains(p)) {
        String name = names.newName(plan.parameters().get(p).name());
        code.addStatement("double $L = $L", name, fields.parameterRead(p, START));
        locals.put(p, name);
      }
    }
    return locals;
  }

  /**
   * In checked mode, the strip's new states and its currents are checked before they are added
   * into the compartments; off, this is one test of a field per strip.
   */
  private CodeBlock checkedMode(List<Section> sections) {
    boolean states = sections.contains(Section.UPDATE);
    boolean currents = sections.contains(Section.CURRENT);
    return CodeBlock.builder()
        .beginControlFlow("if ($L)", PopulationFields.CHECKED)
        .addStatement(
            "$T.checkStrip($L, $L, $L, $L, $L, $L, $L, $L)",
            PopulationEmitter.CHECKED_MODE,
            SynapseEmitter.METADATA_FIELD,
            START,
            COUNT,
            states ? PopulationFields.STATE_ARRAYS : "null",
            PopulationFields.STATE_ORIGINS,
            currents ? PopulationFields.STRIP + "." + fields.current() : "null",
            currents ? PopulationFields.STRIP + "." + fields.conductance() : "null",
            PopulationFields.CURRENT_ORIGIN)
        .endControlFlow()
        .build();
  }

  private CodeBlock gather(IrInput input, String index) {
    return stripLoop()
        .addStatement(
            "$L.$L[$L] = voltages[$L[$L + $L]]", PopulationFields.STRIP, fields.gathered().get(input), J, index, START, J)
        .endControlFlow()
        .build();
  }

  /** The scatter into the compartments, or the copy into the per-synapse buffers if given. */
  private CodeBlock rangeScatter() {
    return CodeBlock.builder()
        .beginControlFlow("if ($L == null)", SYNAPSE_CURRENT)
        .add(scatter())
        .nextControlFlow("else")
        .addStatement(
            "$T.arraycopy($L.$L, 0, $L, $L, $L)", System.class, PopulationFields.STRIP, fields.current(), SYNAPSE_CURRENT, START, COUNT)
        .addStatement(
            "$T.arraycopy($L.$L, 0, $L, $L, $L)",
            System.class, PopulationFields.STRIP, fields.conductance(), SYNAPSE_CONDUCTANCE, START, COUNT)
        .endControlFlow()
        .build();
  }

  private CodeBlock scatter() {
    return stripLoop()
        .addStatement("int $L = $L[$L + $L]", POST, PopulationFields.POST_INDEX, START, J)
        .addStatement("current[$L] += $L", POST, strip(fields.current()))
        .addStatement("conductance[$L] += $L", POST, strip(fields.conductance()))
        .endControlFlow()
        .build();
  }

  private NameAllocator reservedNames() {
    List<String> taken = new ArrayList<>(PopulationFields.MEMBERS);
    taken.addAll(methodNames);
    taken.addAll(List.of(START, COUNT, J, I, POST));
    return JavaNames.allocator(plan, taken);
  }

  /** Calls on plain reads, each stored for a later phase; nothing else happens in the loop. */
  private CodeBlock callPhase(Section section, int phase) {
    PhasedBlock phases = section.phases(plan);
    Map<Integer, String> carried = fields.stripValues().get(section);
    KernelOperands operands = kernelOperands(carried);
    // What stays in the scalar loop reads each leaf from where a kernel would: its element j.
    ExpressionWriter inline = new ExpressionWriter(leaf -> operands.of(leaf).orElseThrow().element(J));
    CodeBlock.Builder body = CodeBlock.builder();
    Origins origins = new Origins(body);
    CodeBlock.Builder kernelCalls = CodeBlock.builder();
    Origins kernelOrigins = new Origins(kernelCalls);
    for (int k = 0; k < phases.values().size(); k++) {
      PhasedBlock.Value value = phases.values().get(k);
      if (value.phase() == phase && value.carried()) {
        // SIMD mode: the whole strip in one call of an array kernel, where the arguments allow.
        Optional<CodeBlock> kernel =
            plan.simd()
                ? KernelCallWriter.write(value.value(), operands, PopulationFields.STRIP + "." + carried.get(k), COUNT)
                : Optional.empty();
        if (kernel.isPresent()) {
          kernelOrigins.note(value);
          kernelCalls.add(kernel.get());
          continue;
        }
        origins.note(value);
        body.addStatement("$L = $L", strip(carried.get(k)), inline.write(value.value()));
      }
    }
    CodeBlock statements = body.build();
    CodeBlock loop = statements.isEmpty() ? statements : stripLoop().add(statements).endControlFlow().build();
    return CodeBlock.builder().add(kernelCalls.build()).add(loop).build();
  }

  /** How the array kernels of SIMD mode get each kind of plain read: the arrays that hold it. */
  private KernelOperands kernelOperands(Map<Integer, String> carried) {
    return new KernelOperands() {
      @Override
      public Optional<KernelOperand> visitLocal(IrExpr.Local local) {
        return Optional.of(KernelOperand.stripArray(PopulationFields.STRIP + "." + carried.get(local.index())));
      }

      @Override
      public Optional<KernelOperand> visitParameter(IrExpr.Parameter p) {
        if (sharedParameters.containsKey(p.index())) {
          return Optional.of(KernelOperand.scalar(CodeBlock.of("$L", sharedParameters.get(p.index()))));
        }
        return Optional.of(
            fields.shared().contains(p.index())
                ? KernelOperand.scalar(CodeBlock.of("$L", fields.parameterRead(p.index(), START)))
                : staging.buffer(p).map(KernelOperand::stripArray)
                    .orElse(KernelOperand.synapseArray("this." + fields.parameters().get(p.index()), START)));
      }

      @Override
      public Optional<KernelOperand> visitState(IrExpr.State s) {
        return Optional.of(
            staging.buffer(s).map(KernelOperand::stripArray)
                .orElse(KernelOperand.synapseArray("this." + fields.states().get(s.index()), START)));
      }

      @Override
      public Optional<KernelOperand> visitInvariant(IrExpr.Invariant v) {
        return Optional.of(
            perCall.containsKey(v.index())
                ? KernelOperand.scalar(CodeBlock.of("$L", perCall.get(v.index())))
                : staging.buffer(v).map(KernelOperand::stripArray)
                    .orElse(KernelOperand.synapseArray("this." + fields.invariants().get(v.index()), START)));
      }

      @Override
      public Optional<KernelOperand> visitInput(IrExpr.Input input) {
        return Optional.of(
            isScalar(input.input())
                ? KernelOperand.scalar(CodeBlock.of("$L", BlockWriter.input(input.input())))
                : KernelOperand.stripArray(PopulationFields.STRIP + "." + fields.gathered().get(input.input())));
      }
    };
  }

  /**
   * Reads what the phase needs into locals named as in the model (voltages, parameters, states,
   * values of earlier phases), computes its values in order, stores the ones a later phase
   * reads and, in the last phase, writes the results.
   */
  private CodeBlock arithmeticPhase(Section section, int phase) {
    PhasedBlock phases = section.phases(plan);
    Map<Integer, String> carried = fields.stripValues().get(section);
    boolean last = phase == phases.lastPhase();
    List<Integer> members = new ArrayList<>();
    for (int k = 0; k < phases.values().size(); k++) {
      if (phases.values().get(k).phase() == phase) {
        members.add(k);
      }
    }
    List<IrExpr> computed = arithmeticPhaseComputes(section, phases, phase);
    Reads reads = Reads.of(computed);

    NameAllocator names = reservedNames();
    Map<IrExpr, String> locals = new HashMap<>();
    perCall.forEach((k, name) -> locals.put(new IrExpr.Invariant(k), name));
    sharedParameters.forEach((p, name) -> locals.put(new IrExpr.Parameter(p), name));
    List<Integer> perSynapseParameters =
        reads.parameters().stream().filter(p -> !sharedParameters.containsKey(p)).toList();
    List<Integer> cached = reads.invariants().stream().filter(k -> !perCall.containsKey(k)).toList();
    CodeBlock.Builder body = CodeBlock.builder();
    boolean touchesSynapseArrays =
        perSynapseParameters.stream().anyMatch(p -> !staging.staged(new IrExpr.Parameter(p)))
            || reads.states().stream().anyMatch(s -> !staging.staged(new IrExpr.State(s)))
            || cached.stream().anyMatch(k -> !staging.staged(new IrExpr.Invariant(k)))
            || (last && section == Section.UPDATE && !staging.writesOnlyBuffers());
    if (touchesSynapseArrays) {
      body.addStatement("int $L = $L + $L", I, START, J);
    }
    for (IrInput input : reads.inputs()) {
      if (!isScalar(input)) {
        String name = names.newName(BlockWriter.input(input));
        locals.put(new IrExpr.Input(input), name);
        body.addStatement("double $L = $L", name, strip(fields.gathered().get(input)));
      }
    }
    for (int p : perSynapseParameters) {
      String name = names.newName(plan.parameters().get(p).name());
      locals.put(new IrExpr.Parameter(p), name);
      body.addStatement("double $L = $L", name, synapseRead(new IrExpr.Parameter(p), fields.parameters().get(p)));
    }
    for (int s : reads.states()) {
      String name = names.newName(plan.states().get(s).name());
      locals.put(new IrExpr.State(s), name);
      body.addStatement("double $L = $L", name, synapseRead(new IrExpr.State(s), fields.states().get(s)));
    }
    for (int k : cached) {
      String name = names.newName(plan.invariants().get(k).name());
      locals.put(new IrExpr.Invariant(k), name);
      body.addStatement("double $L = $L", name, synapseRead(new IrExpr.Invariant(k), fields.invariants().get(k)));
    }
    for (int k : reads.locals()) {
      if (phases.values().get(k).phase() != phase) {
        String name = names.newName(phases.values().get(k).name());
        locals.put(new IrExpr.Local(k), name);
        body.addStatement("double $L = $L", name, strip(carried.get(k)));
      }
    }
    ExpressionWriter writer =
        new ExpressionWriter(expr -> expr instanceof IrExpr.Input i && isScalar(i.input()) ? BlockWriter.input(i.input()) : locals.get(expr));
    Origins origins = new Origins(body);
    // Where each local is last read, found once: asking at every member which later ones read
    // it would take time quadratic in the number of locals (a minute for 5,000).
    Map<Integer, Integer> lastReader = new HashMap<>();
    for (int j = 0; j < computed.size(); j++) {
      for (int read : Reads.of(List.of(computed.get(j))).locals()) {
        lastReader.put(read, j);
      }
    }
    for (int m = 0; m < members.size(); m++) {
      int k = members.get(m);
      PhasedBlock.Value value = phases.values().get(k);
      origins.note(value);
      CodeBlock expression = writer.write(value.value());
      boolean readHere = lastReader.getOrDefault(k, -1) > m;
      if (value.carried() && !readHere) {
        body.addStatement("$L = $L", strip(carried.get(k)), expression);
        continue;
      }
      String name = names.newName(value.name());
      locals.put(new IrExpr.Local(k), name);
      body.addStatement("double $L = $L", name, expression);
      if (value.carried()) {
        body.addStatement("$L = $L", strip(carried.get(k)), name);
      }
    }
    if (last) {
      writeResults(section, phases.results(), writer, body);
    }
    return stripLoop().add(body.build()).endControlFlow().build();
  }

  private void writeResults(Section section, List<IrExpr> results, ExpressionWriter writer, CodeBlock.Builder body) {
    if (section == Section.UPDATE) {
      for (int s = 0; s < results.size(); s++) {
        if (unchanged(results, s)) {
          continue; // never updated: the array already holds the value
        }
        body.add(plan.originComment(plan.updateLine(s)));
        body.addStatement("$L = $L", synapseRead(new IrExpr.State(s), fields.states().get(s)), writer.write(results.get(s)));
      }
    } else {
      body.add(plan.originComment(plan.currentLine()));
      body.addStatement("$L = $L", strip(fields.current()), writer.write(results.get(IrProgram.CURRENT)));
      body.add("// dI/dv_post, derived symbolically\n");
      body.addStatement("$L = $L", strip(fields.conductance()), writer.write(results.get(IrProgram.CONDUCTANCE)));
    }
  }

  /** Element i of a population array, or element j of its strip buffer where it is staged. */
  private String synapseRead(IrExpr leaf, String array) {
    return staging.buffer(leaf).map(StripLoopWriter::stripElement).orElse("this." + array + "[" + I + "]");
  }

  private static String stripElement(String stripArray) {
    return stripArray + "[" + J + "]";
  }

  private static CodeBlock.Builder stripLoop() {
    return CodeBlock.builder().beginControlFlow("for (int $L = 0; $L < $L; $L++)", J, J, COUNT, J);
  }

  /**
   * What arithmetic phase {@code phase} of {@code section} computes, in order: its values and,
   * in the last phase, the results. StripStaging stages the arrays these read.
   */
  static List<IrExpr> arithmeticPhaseComputes(Section section, PhasedBlock phases, int phase) {
    List<IrExpr> computed = new ArrayList<>();
    phases.valuesOf(phase).forEach(v -> computed.add(v.value()));
    if (phase == phases.lastPhase()) {
      List<IrExpr> results = phases.results();
      for (int r = 0; r < results.size(); r++) {
        // A state the update leaves as it is is not written back (writeResults), so its array
        // need not be read for it.
        if (!(section == Section.UPDATE && unchanged(results, r))) {
          computed.add(results.get(r));
        }
      }
    }
    return computed;
  }

  /** Whether the update's result for state {@code s} is that state as it was. */
  static boolean unchanged(List<IrExpr> updateResults, int s) {
    return updateResults.get(s).equals(new IrExpr.State(s));
  }

  /** An input that is one value for the whole call, a parameter of the method. */
  private static boolean isScalar(IrInput input) {
    return input == IrInput.DT || input == IrInput.T;
  }

  private static String strip(String array) {
    return PopulationFields.STRIP + "." + array + "[" + J + "]";
  }

  /** Writes a value's model line above it, once for a run of values from the same line. */
  private final class Origins {
    private final CodeBlock.Builder body;
    private int previous;

    Origins(CodeBlock.Builder body) {
      this.body = body;
    }

    void note(PhasedBlock.Value value) {
      value.sourceLine().ifPresent(line -> {
        if (line != previous) {
          body.add(plan.originComment(line));
          previous = line;
        }
      });
    }
  }
}
