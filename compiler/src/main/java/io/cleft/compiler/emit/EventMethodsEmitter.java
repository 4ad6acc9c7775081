package io.cleft.compiler.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import io.cleft.compiler.ir.IrBlock;
import io.cleft.compiler.ir.IrExpr;
import io.cleft.compiler.ir.IrInput;
import io.cleft.compiler.ir.IrProgram;
import io.cleft.compiler.ir.KernelKind;
import io.cleft.compiler.model.Symbol;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Writes the population's methods that run per synapse rather than in strips: {@code
 * initialize()} (the INITIAL kernel), {@code deliverPre} and {@code deliverPost} (the handlers),
 * and {@code currentValues} (the current kernel, for recording). Each reads the values the
 * population keeps per synapse, so an event costs its handler's arithmetic and nothing else, and
 * allocates nothing.
 */
final class EventMethodsEmitter {
  static final String SYNAPSE = "synapse";
  static final String COMPARTMENT = "compartment";
  static final String NAME = "name";
  static final String OUT = "out";
  private static final String VALUE = "value";
  private static final String K = "k";

  private final GenerationPlan plan;
  private final PopulationFields fields;

  EventMethodsEmitter(GenerationPlan plan, PopulationFields fields) {
    this.plan = plan;
    this.fields = fields;
  }

  /** Whether the population keeps its synapses by postsynaptic compartment, for {@code on post}. */
  boolean indexesByCompartment() {
    return plan.program().kernel(KernelKind.ON_POST).isPresent();
  }

  /** For the constructor, after the index arrays are copied. */
  CodeBlock initialiseIndex() {
    if (!indexesByCompartment()) {
      return CodeBlock.of("");
    }
    return CodeBlock.builder()
        .addStatement(
            "this.$L = $T.compartmentStarts(this.$L)", PopulationFields.POST_STARTS, PopulationEmitter.SUPPORT, PopulationFields.POST_INDEX)
        .addStatement(
            "this.$L = $T.synapsesByCompartment(this.$L, this.$L)",
            PopulationFields.POST_ORDER, PopulationEmitter.SUPPORT, PopulationFields.POST_INDEX, PopulationFields.POST_STARTS)
        .build();
  }

  List<MethodSpec> methods() {
    return List.of(initialize(), deliverPre(), deliverPost(), currentValues());
  }

  private NameAllocator names(String... parameters) {
    List<String> taken = new ArrayList<>(PopulationFields.MEMBERS);
    taken.addAll(List.of(parameters));
    taken.add(SynapseKernelWriter.I);
    taken.add(SynapseKernelWriter.VOLTAGES);
    for (IrInput input : IrInput.values()) {
      taken.add(BlockWriter.input(input));
    }
    return JavaNames.allocator(plan, taken);
  }

  private MethodSpec initialize() {
    IrBlock block = plan.program().block(KernelKind.INITIAL);
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("initialize").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC);
    List<Integer> computed = new ArrayList<>();
    for (int s = 0; s < plan.states().size(); s++) {
      if (block.results().get(s) instanceof IrExpr.Constant constant) {
        method.addStatement(
            "$T.fill(this.$L, $L)", java.util.Arrays.class, fields.states().get(s), JavaLiterals.doubleLiteral(constant.value()));
      } else {
        computed.add(s);
      }
    }
    if (!computed.isEmpty()) {
      SynapseKernelWriter kernel = new SynapseKernelWriter(plan, fields, block, names());
      method.addCode(kernel.callPrologue());
      method.beginControlFlow(
          "for (int $L = 0; $L < $L; $L++)", SynapseKernelWriter.I, SynapseKernelWriter.I, PopulationFields.SIZE, SynapseKernelWriter.I);
      method.addCode(kernel.synapsePrologue());
      for (int s : computed) {
        method.addStatement("this.$L[$L] = $L", fields.states().get(s), SynapseKernelWriter.I, kernel.result(s));
      }
      method.endControlFlow();
    }
    return method.build();
  }

  private MethodSpec deliverPre() {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("deliverPre")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .addParameter(TypeName.INT, SYNAPSE)
            .addParameter(TypeName.DOUBLE, BlockWriter.T)
            .addParameter(TypeName.DOUBLE, BlockWriter.WEIGHT);
    Optional<IrBlock> block = plan.program().kernel(KernelKind.ON_PRE).map(k -> k.block());
    if (block.isPresent()) {
      method.addStatement("int $L = $T.checkIndex($L, $L)", SynapseKernelWriter.I, Objects.class, SYNAPSE, PopulationFields.SIZE);
      method.addCode(handler(block.get(), names(SYNAPSE)));
    } else {
      method.addStatement("$T.checkIndex($L, $L)", Objects.class, SYNAPSE, PopulationFields.SIZE);
    }
    return method.build();
  }

  private MethodSpec deliverPost() {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("deliverPost")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .addParameter(TypeName.INT, COMPARTMENT)
            .addParameter(TypeName.DOUBLE, BlockWriter.T);
    Optional<IrBlock> block = plan.program().kernel(KernelKind.ON_POST).map(k -> k.block());
    if (block.isPresent()) {
      method
          .beginControlFlow("if ($L < 0 || $L + 1 >= this.$L.length)", COMPARTMENT, COMPARTMENT, PopulationFields.POST_STARTS)
          .addStatement("return")
          .endControlFlow()
          .beginControlFlow(
              "for (int $L = this.$L[$L]; $L < this.$L[$L + 1]; $L++)",
              K, PopulationFields.POST_STARTS, COMPARTMENT, K, PopulationFields.POST_STARTS, COMPARTMENT, K)
          .addStatement("int $L = this.$L[$L]", SynapseKernelWriter.I, PopulationFields.POST_ORDER, K)
          .addCode(handler(block.get(), names(COMPARTMENT, K)))
          .endControlFlow();
    }
    return method.build();
  }

  /** A handler for synapse {@code i}: its statements, then the states it changed written back. */
  private CodeBlock handler(IrBlock block, NameAllocator names) {
    SynapseKernelWriter kernel = new SynapseKernelWriter(plan, fields, block, names);
    CodeBlock.Builder code = CodeBlock.builder().add(kernel.prologueAndLocals());
    for (int s = 0; s < plan.states().size(); s++) {
      if (!kernel.keeps(s, s)) {
        code.addStatement("this.$L[$L] = $L", fields.states().get(s), SynapseKernelWriter.I, kernel.result(s));
      }
    }
    return code.build();
  }

  private MethodSpec currentValues() {
    IrBlock block = plan.program().current();
    List<Symbol.Local> named = plan.model().currentValues();
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("currentValues")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .addParameter(String.class, NAME)
            .addParameter(TypeName.DOUBLE, BlockWriter.T)
            .addParameter(SynapseEmitter.DOUBLES, SynapseKernelWriter.VOLTAGES)
            .addParameter(SynapseEmitter.DOUBLES, OUT);
    // Which result: 0 for the current, 2 + j for the j-th named value (1 is the conductance).
    method.addStatement("int $L", VALUE).beginControlFlow("switch ($L)", NAME);
    method.addStatement("case $S: $L = $L; break", "i", VALUE, IrProgram.CURRENT);
    for (int j = 0; j < named.size(); j++) {
      method.addStatement("case $L: $L = $L; break", JavaText.stringLiteral(named.get(j).name()), VALUE, 2 + j);
    }
    method.addStatement(
            "default: throw $T.unknownCurrentValue($L, $L)", PopulationEmitter.SUPPORT, NAME, SynapseEmitter.METADATA_FIELD)
        .endControlFlow();
    method.addStatement(
        "$T.checkVoltages($L, $L, $L, $L, $L)",
        PopulationEmitter.SUPPORT, SynapseKernelWriter.VOLTAGES, PopulationFields.PRE_INDEX, PopulationFields.WIDEST_PRE,
        PopulationFields.POST_INDEX, PopulationFields.WIDEST_POST);
    method.addStatement("$T.checkOutput($L, $L)", PopulationEmitter.SUPPORT, OUT, PopulationFields.SIZE);
    SynapseKernelWriter kernel = new SynapseKernelWriter(plan, fields, block, names(NAME, OUT, VALUE));
    method.addCode(kernel.callPrologue());
    method.beginControlFlow(
        "for (int $L = 0; $L < $L; $L++)", SynapseKernelWriter.I, SynapseKernelWriter.I, PopulationFields.SIZE, SynapseKernelWriter.I);
    method.addCode(kernel.synapsePrologue());
    if (named.isEmpty()) {
      method.addStatement("$L[$L] = $L", OUT, SynapseKernelWriter.I, kernel.result(IrProgram.CURRENT));
    } else {
      // A switch, not a chain of else-ifs, which javac would parse recursively.
      method.beginControlFlow("switch ($L)", VALUE)
          .addStatement("case $L: $L[$L] = $L; break", IrProgram.CURRENT, OUT, SynapseKernelWriter.I, kernel.result(IrProgram.CURRENT));
      for (int j = 0; j < named.size(); j++) {
        method.addStatement("case $L: $L[$L] = $L; break", 2 + j, OUT, SynapseKernelWriter.I, kernel.result(2 + j));
      }
      method.addStatement("default: throw new $T()", AssertionError.class).endControlFlow();
    }
    return method.endControlFlow().build();
  }
}
