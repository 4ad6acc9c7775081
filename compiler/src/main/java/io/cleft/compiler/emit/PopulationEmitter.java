package io.cleft.compiler.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.cleft.compiler.ir.IrBlock;
import io.cleft.compiler.ir.IrInput;
import io.cleft.compiler.ir.IrProgram;
import io.cleft.compiler.model.Symbol;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes the population: N synapses as one primitive array per parameter and state, with
 * {@code step} and {@code addCurrents} each one counted loop. Every loop is emitted here and
 * nowhere else, so a vectorised (Vector API) variant has one place to go.
 *
 * <p>Inside the loops there are only array reads and writes, arithmetic and static calls into
 * {@code CleftMath}, which the JIT inlines: no allocation, boxing, maps or virtual calls.
 */
final class PopulationEmitter {
  static final ClassName POPULATION = ClassName.get("io.cleft.runtime", "SynapsePopulation");
  static final ClassName SUPPORT = ClassName.get("io.cleft.runtime", "PopulationSupport");

  private static final String SIZE = "size";
  private static final String PRE_INDEX = "preIndex";
  private static final String POST_INDEX = "postIndex";
  private static final String INDEX = "i";

  private PopulationEmitter() {}

  static TypeSpec populationClass(GenerationPlan plan, ClassName self) {
    Fields fields = Fields.of(plan);
    TypeSpec.Builder type =
        TypeSpec.classBuilder(self)
            .addJavadoc(
                "$L synapses as a struct of arrays: the fast path. Arrays are indexed by synapse.\n",
                plan.className())
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addSuperinterface(POPULATION)
            .addField(TypeName.INT, SIZE, Modifier.PRIVATE, Modifier.FINAL)
            .addField(SynapseEmitter.INTS, PRE_INDEX, Modifier.PRIVATE, Modifier.FINAL)
            .addField(SynapseEmitter.INTS, POST_INDEX, Modifier.PRIVATE, Modifier.FINAL);
    for (int i = 0; i < plan.parameters().size(); i++) {
      Symbol.Parameter p = plan.parameters().get(i);
      type.addField(arrayField(fields.parameters.get(i), "Parameter", p.doc().orElse(""), p.unitText()));
    }
    for (int i = 0; i < plan.states().size(); i++) {
      Symbol.State s = plan.states().get(i);
      type.addField(arrayField(fields.states.get(i), "State", s.doc().orElse(""), s.unitText()));
    }
    return type.addMethod(constructor(plan, fields))
        .addMethod(
            MethodSpec.methodBuilder("size")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.INT)
                .addStatement("return $L", SIZE)
                .build())
        .addMethod(
            MethodSpec.methodBuilder("metadata")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(SynapseEmitter.METADATA)
                .addStatement("return $L", SynapseEmitter.METADATA_FIELD)
                .build())
        .addMethod(lookup("parameter", "parameter", plan.parameters().stream().map(Symbol.Parameter::name).toList(), fields.parameters))
        .addMethod(lookup("state", "state", plan.states().stream().map(Symbol.State::name).toList(), fields.states))
        .addMethod(step(plan, fields))
        .addMethod(addCurrents(plan, fields))
        .build();
  }

  /** Field names for the arrays, clear of the population's own members. */
  private record Fields(List<String> parameters, List<String> states) {
    static Fields of(GenerationPlan plan) {
      NameAllocator names = new NameAllocator();
      for (String taken : new String[] {SIZE, PRE_INDEX, POST_INDEX, SynapseEmitter.METADATA_FIELD}) {
        names.newName(taken, taken);
      }
      List<String> parameters = new ArrayList<>();
      plan.parameters().forEach(p -> parameters.add(names.newName(p.name())));
      List<String> states = new ArrayList<>();
      plan.states().forEach(s -> states.add(names.newName(s.name())));
      return new Fields(parameters, states);
    }
  }

  private static FieldSpec arrayField(String name, String kind, String doc, String unit) {
    String description = doc.isEmpty() ? kind + " " + name : SynapseEmitter.html(doc);
    return FieldSpec.builder(SynapseEmitter.DOUBLES, name, Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("$L, $L.\n", description, unit.equals("1") ? "dimensionless" : "in " + unit)
        .build();
  }

  private static MethodSpec constructor(GenerationPlan plan, Fields fields) {
    MethodSpec.Builder method =
        MethodSpec.constructorBuilder()
            .addJavadoc("Synapses with default parameters and initial states; the index arrays are copied.\n")
            .addParameter(SynapseEmitter.INTS, PRE_INDEX)
            .addParameter(SynapseEmitter.INTS, POST_INDEX)
            .addStatement("this.$L = $L.length", SIZE, PRE_INDEX)
            .addStatement("this.$L = $T.checkedIndex($L, $L, $S)", PRE_INDEX, SUPPORT, PRE_INDEX, SIZE, PRE_INDEX)
            .addStatement("this.$L = $T.checkedIndex($L, $L, $S)", POST_INDEX, SUPPORT, POST_INDEX, SIZE, POST_INDEX);
    for (int i = 0; i < plan.parameters().size(); i++) {
      fill(method, fields.parameters.get(i), plan.parameters().get(i).defaultValue());
    }
    for (int i = 0; i < plan.states().size(); i++) {
      fill(method, fields.states.get(i), plan.states().get(i).initialValue());
    }
    return method.build();
  }

  /** {@code this.x = new double[size]; Arrays.fill(this.x, value);} */
  private static void fill(MethodSpec.Builder method, String field, double value) {
    method.addStatement("this.$L = new double[$L]", field, SIZE);
    method.addStatement("$T.fill(this.$L, $L)", java.util.Arrays.class, field, JavaLiterals.doubleLiteral(value));
  }

  private static MethodSpec lookup(String method, String kind, List<String> names, List<String> fieldNames) {
    MethodSpec.Builder lookup =
        MethodSpec.methodBuilder(method)
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(SynapseEmitter.DOUBLES)
            .addParameter(String.class, "name");
    if (!names.isEmpty()) {
      lookup.beginControlFlow("switch (name)");
      for (int i = 0; i < names.size(); i++) {
        lookup.addStatement("case $S: return $L", names.get(i), fieldNames.get(i));
      }
      lookup.addStatement("default: break").endControlFlow();
    }
    return lookup.addStatement("throw $T.unknown($S, name, $L)", SUPPORT, kind, SynapseEmitter.METADATA_FIELD).build();
  }

  private static MethodSpec step(GenerationPlan plan, Fields fields) {
    IrBlock block = plan.program().update();
    NameAllocator names = SynapseEmitter.reservedNames("voltages", INDEX);
    BlockWriter writer = new BlockWriter(plan, block, names);
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("step")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .addParameter(TypeName.DOUBLE, BlockWriter.DT)
            .addParameter(SynapseEmitter.DOUBLES, "voltages")
            .beginControlFlow("for (int $L = 0; $L < $L; $L++)", INDEX, INDEX, SIZE, INDEX);
    bindLoopReads(method, plan.update(), writer, fields, POST_INDEX + "[" + INDEX + "]");
    method.addCode(writer.locals(block));
    for (int i = 0; i < plan.states().size(); i++) {
      CodeBlock next = writer.expression(block.results().get(i));
      if (next.toString().equals(writer.state(i))) {
        continue; // never updated: the array already holds the value
      }
      method.addCode(writer.origin(plan.updateLine(i)));
      method.addStatement("this.$L[$L] = $L", fields.states.get(i), INDEX, next);
    }
    return method.endControlFlow().build();
  }

  private static MethodSpec addCurrents(GenerationPlan plan, Fields fields) {
    IrBlock block = plan.program().current();
    NameAllocator names = SynapseEmitter.reservedNames("voltages", "current", "conductance", "post", INDEX);
    BlockWriter writer = new BlockWriter(plan, block, names);
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("addCurrents")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .addParameter(SynapseEmitter.DOUBLES, "voltages")
            .addParameter(SynapseEmitter.DOUBLES, "current")
            .addParameter(SynapseEmitter.DOUBLES, "conductance")
            .beginControlFlow("for (int $L = 0; $L < $L; $L++)", INDEX, INDEX, SIZE, INDEX)
            .addStatement("int post = $L[$L]", POST_INDEX, INDEX);
    GenerationPlan.BlockUse use = plan.current();
    bindLoopReads(method, use, writer, fields, "post");
    method.addCode(writer.locals(block));
    method.addCode(writer.origin(plan.currentLine()));
    method.addStatement("current[post] += $L", writer.expression(block.results().get(IrProgram.CURRENT)));
    method.addCode("// dI/dv_post, derived symbolically\n");
    method.addStatement("conductance[post] += $L", writer.expression(block.results().get(IrProgram.CONDUCTANCE)));
    return method.endControlFlow().build();
  }

  /**
   * Reads each value the block uses into a local, once per synapse.
   *
   * @param postCompartment the Java expression for synapse i's postsynaptic compartment
   */
  private static void bindLoopReads(
      MethodSpec.Builder method, GenerationPlan.BlockUse use, BlockWriter writer, Fields fields, String postCompartment) {
    if (use.inputs().contains(IrInput.V_PRE)) {
      method.addStatement("double $L = voltages[$L[$L]]", BlockWriter.V_PRE, PRE_INDEX, INDEX);
    }
    if (use.inputs().contains(IrInput.V_POST)) {
      method.addStatement("double $L = voltages[$L]", BlockWriter.V_POST, postCompartment);
    }
    for (int p : use.parameters()) {
      method.addStatement("double $L = this.$L[$L]", writer.parameter(p), fields.parameters.get(p), INDEX);
    }
    for (int s : use.states()) {
      method.addStatement("double $L = this.$L[$L]", writer.state(s), fields.states.get(s), INDEX);
    }
  }
}
