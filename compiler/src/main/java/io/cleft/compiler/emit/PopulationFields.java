package io.cleft.compiler.emit;

import com.palantir.javapoet.NameAllocator;
import io.cleft.compiler.ir.IrExpr;
import io.cleft.compiler.ir.IrInput;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The names of a population's fields: one array per parameter and state, clear of the
 * population's own members; and, in its {@code Strip}, one scratch array per value a strip loop
 * keeps from one phase to a later one.
 *
 * @param gathered the scratch arrays of the voltages that some section reads
 * @param stripValues for each section, the scratch array of each carried value, by value index
 * @param invariants the array of each invariant kept per synapse, by invariant index
 * @param shared the indices of the parameters declared shared, whose field holds one value
 * @param staged in SIMD mode, the strip buffer of each population array staged ({@link StripStaging})
 */
record PopulationFields(
    List<String> parameters,
    List<String> states,
    Map<Integer, String> invariants,
    Map<IrInput, String> gathered,
    String current,
    String conductance,
    Map<StripLoopWriter.Section, Map<Integer, String>> stripValues,
    Set<Integer> shared,
    Map<IrExpr, String> staged) {

  static final String SIZE = "size";
  static final String PRE_INDEX = "preIndex";
  static final String POST_INDEX = "postIndex";
  static final String STRIP = "strip";
  /** Each thread's scratch for the range methods, which may run at the same time. */
  static final String RANGE_STRIPS = "rangeStrips";
  static final String STRIP_SIZE = "STRIP_SIZE";
  static final String STEP_VALUES_DT = "stepValuesDt";
  static final String STEP_VALUES_STALE = "stepValuesStale";
  static final String WIDEST_PRE = "widestPre";
  static final String WIDEST_POST = "widestPost";
  static final String PARAMETER_ARRAYS = "parameterArrays";
  static final String STATE_ARRAYS = "stateArrays";
  static final String CHECKED = "checked";
  static final String STATE_ORIGINS = "STATE_ORIGINS";
  static final String CURRENT_ORIGIN = "CURRENT_ORIGIN";
  static final String POST_STARTS = "postStarts";
  static final String POST_ORDER = "postOrder";

  /** Names the population's methods use unqualified, which no local may shadow. */
  static final List<String> MEMBERS =
      List.of(
          SIZE, PRE_INDEX, POST_INDEX, STRIP, STRIP_SIZE, STEP_VALUES_DT, STEP_VALUES_STALE, WIDEST_PRE, WIDEST_POST,
          PARAMETER_ARRAYS, STATE_ARRAYS, CHECKED, STATE_ORIGINS, CURRENT_ORIGIN, POST_STARTS, POST_ORDER, RANGE_STRIPS,
          SynapseEmitter.METADATA_FIELD);

  static PopulationFields of(GenerationPlan plan) {
    NameAllocator names = JavaNames.allocator(plan, MEMBERS);
    List<String> parameters = new ArrayList<>();
    plan.parameters().forEach(p -> parameters.add(names.newName(p.name())));
    List<String> states = new ArrayList<>();
    plan.states().forEach(s -> states.add(names.newName(s.name())));
    Map<Integer, String> invariants = new LinkedHashMap<>();
    for (int k = 0; k < plan.invariants().size(); k++) {
      if (plan.invariantKinds().get(k) != GenerationPlan.InvariantKind.PER_CALL) {
        invariants.put(k, names.newName(plan.invariants().get(k).name()));
      }
    }

    NameAllocator strip = JavaNames.allocator(plan, MEMBERS);
    Map<IrInput, String> gathered = new EnumMap<>(IrInput.class);
    for (IrInput input : List.of(IrInput.V_PRE, IrInput.V_POST)) {
      if (plan.update().inputs().contains(input) || plan.current().inputs().contains(input)) {
        gathered.put(input, strip.newName(BlockWriter.input(input)));
      }
    }
    String current = strip.newName("current");
    String conductance = strip.newName("conductance");
    Map<StripLoopWriter.Section, Map<Integer, String>> values = new EnumMap<>(StripLoopWriter.Section.class);
    for (StripLoopWriter.Section section : StripLoopWriter.Section.values()) {
      Map<Integer, String> carried = new LinkedHashMap<>();
      List<PhasedBlock.Value> all = section.phases(plan).values();
      for (int k = 0; k < all.size(); k++) {
        if (all.get(k).carried()) {
          carried.put(k, strip.newName(all.get(k).name()));
        }
      }
      values.put(section, carried);
    }
    Set<Integer> shared = new TreeSet<>();
    for (int p = 0; p < plan.parameters().size(); p++) {
      if (plan.parameters().get(p).shared()) {
        shared.add(p);
      }
    }
    Map<IrExpr, String> staged = StripStaging.buffers(plan, strip, parameters, states, invariants, shared);
    return new PopulationFields(parameters, states, invariants, gathered, current, conductance, values, shared, staged);
  }

  /**
   * The Java that reads parameter {@code p} of the synapse at {@code index}: its array there, or
   * for a shared parameter the one value, in entry 0 of its field.
   */
  String parameterRead(int p, String index) {
    return "this." + parameters.get(p) + "[" + (shared.contains(p) ? "0" : index) + "]";
  }

  /** Every scratch array of the strip, in declaration order. */
  List<String> stripArrays() {
    List<String> arrays = new ArrayList<>(gathered.values());
    arrays.add(current);
    arrays.add(conductance);
    stripValues.values().forEach(m -> arrays.addAll(m.values()));
    arrays.addAll(staged.values());
    return arrays;
  }
}
