package io.cleft.compiler.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.NameAllocator;
import io.cleft.compiler.ir.IrExpr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SIMD mode's staging of a strip. JDK 17's C2 does not vectorise a loop that indexes some
 * arrays by {@code start + j} (the population's) and others by {@code j} (the strip's), so in
 * SIMD mode each population array an arithmetic phase reads (per-synapse parameter, state,
 * cached invariant) is copied into a strip buffer of its own once per strip, before the first
 * phase that reads it, and the phases index only strip arrays by {@code j}. A state the update
 * writes is written into its buffer, which from then on holds its new value for the later
 * phases (the current reads the states after the step), and copied back once at the end of the
 * strip, before the checked-mode check and the scatter. Nothing else of a strip touches the
 * population's arrays, and no buffer outlives its strip.
 *
 * <p>A strip buffer costs bytecode (two copies, and reads through the strip object), which
 * {@link io.cleft.compiler.check.GeneratedSizeChecker} does not count, since it runs before the
 * generation options are known: at most {@link #MOST_BUFFERS} arrays are staged, the ones the
 * phases read first; a phase that reads another array indexes it as in the default mode.
 */
final class StripStaging {
  /**
   * The most arrays staged, whatever the model: some 40 bytes of bytecode each (its copies in
   * and back, and its reads through the strip), under 3 KB in all, which the margin between the
   * size checker's limit and the JVM's covers.
   */
  static final int MOST_BUFFERS = 64;

  private final GenerationPlan plan;
  private final PopulationFields fields;
  private final List<StripLoopWriter.Section> sections;
  /** The buffers that hold the strip's current values at the point the writer has reached. */
  private final Set<IrExpr> present = new LinkedHashSet<>();

  StripStaging(GenerationPlan plan, PopulationFields fields, List<StripLoopWriter.Section> sections) {
    this.plan = plan;
    this.fields = fields;
    this.sections = sections;
  }

  /**
   * The strip buffer of each population array staged, by the IR leaf that reads it: none
   * outside SIMD mode. Named by {@code strip} after the array, after every other strip array.
   */
  static Map<IrExpr, String> buffers(
      GenerationPlan plan, NameAllocator strip, List<String> parameters, List<String> states, Map<Integer, String> invariants, Set<Integer> shared) {
    Map<IrExpr, String> buffers = new LinkedHashMap<>();
    if (!plan.simd()) {
      return buffers;
    }
    Set<IrExpr> staged = new LinkedHashSet<>();
    for (StripLoopWriter.Section section : StripLoopWriter.Section.values()) {
      PhasedBlock phases = section.phases(plan);
      for (int phase = 0; phase < phases.phaseCount(); phase++) {
        if (!phases.isCallPhase(phase)) {
          staged.addAll(arraysRead(plan, section, phase, shared, invariants));
          if (section == StripLoopWriter.Section.UPDATE && phase == phases.lastPhase()) {
            staged.addAll(statesWritten(phases));
          }
        }
      }
    }
    for (IrExpr array : staged) {
      if (buffers.size() == MOST_BUFFERS) {
        break;
      }
      buffers.put(array, strip.newName(array.accept(new FieldNames(parameters, states, invariants))));
    }
    return buffers;
  }

  /** The copies into their buffers of the staged arrays phase {@code phase} reads first. */
  CodeBlock before(StripLoopWriter.Section section, int phase) {
    CodeBlock.Builder code = CodeBlock.builder();
    PhasedBlock phases = section.phases(plan);
    if (phases.isCallPhase(phase)) {
      return code.build(); // its kernels read the population's arrays where no buffer is present
    }
    for (IrExpr array : arraysRead(plan, section, phase, fields.shared(), fields.invariants())) {
      String buffer = fields.staged().get(array);
      if (buffer != null && present.add(array)) {
        code.addStatement(
            "$T.arraycopy(this.$L, $L, $L.$L, 0, $L)", System.class, populationArray(array), StripLoopWriter.START, PopulationFields.STRIP, buffer, StripLoopWriter.COUNT);
      }
    }
    if (section == StripLoopWriter.Section.UPDATE && phase == phases.lastPhase()) {
      statesWritten(phases).stream().filter(fields.staged()::containsKey).forEach(present::add);
    }
    return code.build();
  }

  /** The copies back of the states the strip wrote into their buffers: once, at its end. */
  CodeBlock copyBack() {
    CodeBlock.Builder code = CodeBlock.builder();
    if (sections.contains(StripLoopWriter.Section.UPDATE)) {
      for (IrExpr state : statesWritten(StripLoopWriter.Section.UPDATE.phases(plan))) {
        String buffer = fields.staged().get(state);
        if (buffer != null) {
          code.addStatement(
              "$T.arraycopy($L.$L, 0, this.$L, $L, $L)", System.class, PopulationFields.STRIP, buffer, populationArray(state), StripLoopWriter.START, StripLoopWriter.COUNT);
        }
      }
    }
    return code.build();
  }

  /**
   * The strip array ({@code strip.x}) that holds the strip's values of {@code leaf} at the
   * point the writer has reached, if one does; otherwise the population's array holds them.
   */
  Optional<String> buffer(IrExpr leaf) {
    return present.contains(leaf) ? Optional.of(PopulationFields.STRIP + "." + fields.staged().get(leaf)) : Optional.empty();
  }

  /** Whether phase code indexes no population array for {@code leaf}: its buffer holds it. */
  boolean staged(IrExpr leaf) {
    return present.contains(leaf);
  }

  /**
   * Whether the update writes every state it changes into a buffer, so that its last phase
   * indexes no population array for them; never outside SIMD mode.
   */
  boolean writesOnlyBuffers() {
    return plan.simd() && statesWritten(StripLoopWriter.Section.UPDATE.phases(plan)).stream().allMatch(present::contains);
  }

  private String populationArray(IrExpr array) {
    return array.accept(new FieldNames(fields.parameters(), fields.states(), fields.invariants()));
  }

  /** The per-synapse arrays an arithmetic phase reads (StripLoopWriter.arithmeticPhaseComputes). */
  private static Set<IrExpr> arraysRead(
      GenerationPlan plan, StripLoopWriter.Section section, int phase, Set<Integer> shared, Map<Integer, String> invariants) {
    Reads reads = Reads.of(StripLoopWriter.arithmeticPhaseComputes(section, section.phases(plan), phase));
    Set<IrExpr> arrays = new LinkedHashSet<>();
    reads.parameters().stream().filter(p -> !shared.contains(p)).forEach(p -> arrays.add(new IrExpr.Parameter(p)));
    reads.states().forEach(s -> arrays.add(new IrExpr.State(s)));
    // An invariant computed once per call is a local of the method, not an array.
    reads.invariants().stream().filter(invariants::containsKey).forEach(k -> arrays.add(new IrExpr.Invariant(k)));
    return arrays;
  }

  /** The states the update writes back: every one whose result is not the state as it was. */
  private static List<IrExpr> statesWritten(PhasedBlock update) {
    List<IrExpr> written = new ArrayList<>();
    for (int s = 0; s < update.results().size(); s++) {
      if (!StripLoopWriter.unchanged(update.results(), s)) {
        written.add(new IrExpr.State(s));
      }
    }
    return written;
  }

  /** The name of the population's array a staged leaf reads. */
  private static final class FieldNames extends LeafReads {
    private final List<String> parameters;
    private final List<String> states;
    private final Map<Integer, String> invariants;

    FieldNames(List<String> parameters, List<String> states, Map<Integer, String> invariants) {
      this.parameters = parameters;
      this.states = states;
      this.invariants = invariants;
    }

    @Override
    public String visitParameter(IrExpr.Parameter p) {
      return parameters.get(p.index());
    }

    @Override
    public String visitState(IrExpr.State s) {
      return states.get(s.index());
    }

    @Override
    public String visitInvariant(IrExpr.Invariant v) {
      return invariants.get(v.index());
    }

    @Override
    public String visitLocal(IrExpr.Local local) {
      throw new IllegalArgumentException("a local is not a population array");
    }

    @Override
    public String visitInput(IrExpr.Input input) {
      throw new IllegalArgumentException("an input is not a population array");
    }
  }
}
