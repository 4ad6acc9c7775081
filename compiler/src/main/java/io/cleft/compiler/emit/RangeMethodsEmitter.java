package io.cleft.compiler.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code advance} and the methods that let several threads share it: one private
 * method runs the strips of a range of synapses ({@link StripLoopWriter#rangeLoop}) in the
 * scratch it is given, and
 *
 * <ul>
 *   <li>{@code advance} does the call's one-time work, then runs it for every synapse in the
 *       population's own scratch: the same loop as before, so the same bits;
 *   <li>{@code beginAdvance(dt)} does the one-time work alone (the values kept for {@code dt}),
 *       once, before the ranges of a step start;
 *   <li>{@code advanceRange} and {@code advanceRangeInto} run a range in the calling thread's
 *       scratch, adding into the compartments or writing each synapse's current into buffers.
 *       They write no field, so ranges that do not share a compartment (or write buffers) may
 *       run at the same time.
 * </ul>
 */
final class RangeMethodsEmitter {
  private static final String ADVANCE_STRIPS = "advanceStrips";
  private static final String VOLTAGES = PopulationEmitter.VOLTAGES;
  private static final String CURRENT = PopulationEmitter.CURRENT;
  private static final String CONDUCTANCE = PopulationEmitter.CONDUCTANCE;
  private static final List<StripLoopWriter.Section> SECTIONS =
      List.of(StripLoopWriter.Section.UPDATE, StripLoopWriter.Section.CURRENT);

  private final GenerationPlan plan;
  private final PopulationFields fields;
  private final InvariantCacheEmitter caches;
  private final ClassName strip;

  RangeMethodsEmitter(GenerationPlan plan, PopulationFields fields, InvariantCacheEmitter caches, ClassName strip) {
    this.plan = plan;
    this.fields = fields;
    this.caches = caches;
    this.strip = strip;
  }

  /** {@code ThreadLocal<Strip> rangeStrips}: a thread's scratch, made at its first range. */
  FieldSpec rangeStripsField() {
    return FieldSpec.builder(
            ParameterizedTypeName.get(ClassName.get(ThreadLocal.class), strip),
            PopulationFields.RANGE_STRIPS,
            Modifier.PRIVATE,
            Modifier.FINAL)
        .addJavadoc("Each thread's scratch for the range methods, which may run at the same time.\n")
        .initializer("$T.withInitial($T::new)", ThreadLocal.class, strip)
        .build();
  }

  List<MethodSpec> methods() {
    List<MethodSpec> methods = new ArrayList<>(
        List.of(advance(), beginAdvance(), advanceRange(), advanceRangeInto(), advanceStrips(), postIndices()));
    if (plan.simd()) {
      methods.add(rangesMustStartAtStrips());
    }
    return methods;
  }

  /** SIMD mode: a kernel's tail is CleftMath's, so where a strip starts changes bits. */
  private static MethodSpec rangesMustStartAtStrips() {
    return MethodSpec.methodBuilder("rangesMustStartAtStrips")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(boolean.class)
        .addStatement("return true")
        .build();
  }

  private static MethodSpec postIndices() {
    return MethodSpec.methodBuilder("postIndices")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(SynapseEmitter.INTS)
        .addStatement("return $L.clone()", PopulationFields.POST_INDEX)
        .build();
  }

  private MethodSpec advance() {
    return PopulationEmitter.publicMethod("advance", BlockWriter.T, BlockWriter.DT, VOLTAGES, CURRENT, CONDUCTANCE)
        .addCode(PopulationEmitter.voltageChecks())
        .addCode(PopulationEmitter.currentChecks())
        .addCode(StripLoopWriter.perCallWork(caches, SECTIONS))
        .addStatement(
            "$L($L, $L, $L, $L, $L, null, null, 0, $L, $L)",
            ADVANCE_STRIPS, BlockWriter.T, BlockWriter.DT, VOLTAGES, CURRENT, CONDUCTANCE, PopulationFields.SIZE,
            PopulationFields.STRIP)
        .build();
  }

  private MethodSpec beginAdvance() {
    return PopulationEmitter.publicMethod("beginAdvance", BlockWriter.DT)
        .addCode(StripLoopWriter.perCallWork(caches, SECTIONS))
        .build();
  }

  private MethodSpec advanceRange() {
    return PopulationEmitter.publicMethod("advanceRange", BlockWriter.T, BlockWriter.DT, VOLTAGES, CURRENT, CONDUCTANCE)
        .addParameter(TypeName.INT, StripLoopWriter.FROM)
        .addParameter(TypeName.INT, StripLoopWriter.TO)
        .addCode(rangeChecks())
        .addCode(PopulationEmitter.voltageChecks())
        .addCode(PopulationEmitter.currentChecks())
        .addCode(requireBegun())
        .addStatement(
            "$L($L, $L, $L, $L, $L, null, null, $L, $L, $L.get())",
            ADVANCE_STRIPS, BlockWriter.T, BlockWriter.DT, VOLTAGES, CURRENT, CONDUCTANCE, StripLoopWriter.FROM,
            StripLoopWriter.TO, PopulationFields.RANGE_STRIPS)
        .build();
  }

  private MethodSpec advanceRangeInto() {
    return PopulationEmitter.publicMethod(
            "advanceRangeInto",
            BlockWriter.T,
            BlockWriter.DT,
            VOLTAGES,
            StripLoopWriter.SYNAPSE_CURRENT,
            StripLoopWriter.SYNAPSE_CONDUCTANCE)
        .addParameter(TypeName.INT, StripLoopWriter.FROM)
        .addParameter(TypeName.INT, StripLoopWriter.TO)
        .addCode(rangeChecks())
        .addCode(PopulationEmitter.voltageChecks())
        .addStatement(
            "$T.checkSynapseBuffers($L, $L, $L, $L)",
            PopulationEmitter.SUPPORT, VOLTAGES, StripLoopWriter.SYNAPSE_CURRENT, StripLoopWriter.SYNAPSE_CONDUCTANCE,
            PopulationFields.SIZE)
        .addCode(requireBegun())
        .addStatement(
            "$L($L, $L, $L, null, null, $L, $L, $L, $L, $L.get())",
            ADVANCE_STRIPS, BlockWriter.T, BlockWriter.DT, VOLTAGES, StripLoopWriter.SYNAPSE_CURRENT,
            StripLoopWriter.SYNAPSE_CONDUCTANCE, StripLoopWriter.FROM, StripLoopWriter.TO, PopulationFields.RANGE_STRIPS)
        .build();
  }

  /** The strips of synapses {@code from} to {@code to - 1}; it writes no field. */
  private MethodSpec advanceStrips() {
    List<String> numbers =
        List.of(
            BlockWriter.T, BlockWriter.DT, VOLTAGES, CURRENT, CONDUCTANCE, StripLoopWriter.SYNAPSE_CURRENT,
            StripLoopWriter.SYNAPSE_CONDUCTANCE);
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(ADVANCE_STRIPS)
            .addJavadoc(
                "Steps synapses {@code from} to {@code to - 1} and adds their currents into the compartments, or, if\n"
                    + "{@code synapseCurrent} is not null, writes them there and into {@code synapseConductance}, at\n"
                    + "the synapses' own indices. It writes no field: ranges may run at the same time, each with a\n"
                    + "scratch of its own.\n")
            .addModifiers(Modifier.PRIVATE);
    PopulationEmitter.addNumberParameters(method, numbers);
    method.addParameter(TypeName.INT, StripLoopWriter.FROM)
        .addParameter(TypeName.INT, StripLoopWriter.TO)
        .addParameter(strip, PopulationFields.STRIP);
    // The method's parameters are names no local of the loops may take.
    List<String> parameters = new ArrayList<>(numbers);
    parameters.addAll(List.of(StripLoopWriter.FROM, StripLoopWriter.TO));
    return method.addCode(new StripLoopWriter(plan, fields, caches, parameters).rangeLoop(SECTIONS)).build();
  }

  private static CodeBlock rangeChecks() {
    return CodeBlock.builder()
        .addStatement(
            "$T.checkRange($L, $L, $L)", PopulationEmitter.SUPPORT, StripLoopWriter.FROM, StripLoopWriter.TO,
            PopulationFields.SIZE)
        .build();
  }

  /**
   * A range reads the values kept for {@code dt} and must not compute them (another range may be
   * reading them): if they are not those of this {@code dt}, beginAdvance was not called.
   */
  private CodeBlock requireBegun() {
    if (!caches.cachesStepValues()) {
      return CodeBlock.of("");
    }
    return CodeBlock.builder()
        .beginControlFlow(
            "if ($L || $T.doubleToRawLongBits($L) != $T.doubleToRawLongBits($L))",
            PopulationFields.STEP_VALUES_STALE, Double.class, BlockWriter.DT, Double.class, PopulationFields.STEP_VALUES_DT)
        .addStatement("throw $T.notBegun($L, $L)", PopulationEmitter.SUPPORT, SynapseEmitter.METADATA_FIELD, BlockWriter.DT)
        .endControlFlow()
        .build();
  }
}
