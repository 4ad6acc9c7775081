package io.cleft.compiler.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.cleft.compiler.model.Symbol;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javax.lang.model.element.Modifier;

/**
 * Writes the population: N synapses as one primitive array per parameter and state, with
 * {@code step}, {@code addCurrents} and {@code advance}, whose loops {@link StripLoopWriter}
 * writes. Inside the loops there are only array reads and writes, arithmetic and static calls
 * into {@code CleftMath}, which the JIT inlines: no allocation, boxing, maps or virtual calls.
 */
final class PopulationEmitter {
  static final ClassName POPULATION = ClassName.get("io.cleft.runtime", "SynapsePopulation");
  static final ClassName SUPPORT = ClassName.get("io.cleft.runtime", "PopulationSupport");

  /**
   * Synapses per strip. The scratch arrays of a strip (a few per model, 2 KiB each) then stay
   * in the L1 cache, and a strip is long enough for the vectorised loops and the scattered
   * reads to reach full speed.
   */
  static final int SYNAPSES_PER_STRIP = 256;

  private static final String VOLTAGES = "voltages";
  private static final String CURRENT = "current";
  private static final String CONDUCTANCE = "conductance";

  private PopulationEmitter() {}

  static TypeSpec populationClass(GenerationPlan plan, ClassName self) {
    PopulationFields fields = PopulationFields.of(plan);
    InvariantCacheEmitter caches = new InvariantCacheEmitter(plan, fields);
    ClassName strip = self.nestedClass(plan.stripClassName());
    TypeSpec.Builder type =
        TypeSpec.classBuilder(self)
            .addJavadoc(
                "$L synapses as a struct of arrays: the fast path. Arrays are indexed by synapse. Not safe for\n"
                    + "use by more than one thread at a time.\n",
                plan.className())
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addSuperinterface(POPULATION)
            .addField(
                FieldSpec.builder(TypeName.INT, PopulationFields.STRIP_SIZE, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("Synapses per strip: a strip's scratch arrays stay in the L1 cache.\n")
                    .initializer("$L", SYNAPSES_PER_STRIP)
                    .build())
            .addField(TypeName.INT, PopulationFields.SIZE, Modifier.PRIVATE, Modifier.FINAL)
            .addField(SynapseEmitter.INTS, PopulationFields.PRE_INDEX, Modifier.PRIVATE, Modifier.FINAL)
            .addField(SynapseEmitter.INTS, PopulationFields.POST_INDEX, Modifier.PRIVATE, Modifier.FINAL)
            .addField(
                FieldSpec.builder(strip, PopulationFields.STRIP, Modifier.PRIVATE, Modifier.FINAL)
                    .initializer("new $T()", strip)
                    .build());
    for (int i = 0; i < plan.parameters().size(); i++) {
      Symbol.Parameter p = plan.parameters().get(i);
      type.addField(arrayField(fields.parameters().get(i), "Parameter " + p.name(), p.doc().orElse(""), p.unitText()));
    }
    for (int i = 0; i < plan.states().size(); i++) {
      Symbol.State s = plan.states().get(i);
      type.addField(arrayField(fields.states().get(i), "State " + s.name(), s.doc().orElse(""), s.unitText()));
    }
    caches.addFields(type);
    return type.addMethod(constructor(plan, fields, caches))
        .addMethod(
            MethodSpec.methodBuilder("size")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.INT)
                .addStatement("return $L", PopulationFields.SIZE)
                .build())
        .addMethod(
            MethodSpec.methodBuilder("metadata")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(SynapseEmitter.METADATA)
                .addStatement("return $L", SynapseEmitter.METADATA_FIELD)
                .build())
        .addMethods(lookup("parameter", plan.parameters().stream().map(Symbol.Parameter::name).toList(), fields.parameters()))
        .addMethods(lookup("state", plan.states().stream().map(Symbol.State::name).toList(), fields.states()))
        .addMethods(caches.methods())
        .addMethod(
            loopMethod("step", plan, fields, caches, List.of(StripLoopWriter.Section.UPDATE), BlockWriter.DT, VOLTAGES))
        .addMethod(
            loopMethod(
                "addCurrents",
                plan,
                fields,
                caches,
                List.of(StripLoopWriter.Section.CURRENT),
                VOLTAGES,
                CURRENT,
                CONDUCTANCE))
        .addMethod(
            loopMethod(
                "advance",
                plan,
                fields,
                caches,
                List.of(StripLoopWriter.Section.UPDATE, StripLoopWriter.Section.CURRENT),
                BlockWriter.DT,
                VOLTAGES,
                CURRENT,
                CONDUCTANCE))
        .addType(stripClass(strip, fields))
        .build();
  }

  /** @param what the declaration's kind and model name, the description when it has no doc */
  private static FieldSpec arrayField(String name, String what, String doc, String unit) {
    String description = JavaText.javadoc(doc.isEmpty() ? what : doc);
    return FieldSpec.builder(SynapseEmitter.DOUBLES, name, Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("$L, $L.\n", description, unit.equals("1") ? "dimensionless" : "in " + JavaText.javadoc(unit))
        .build();
  }

  private static MethodSpec constructor(GenerationPlan plan, PopulationFields fields, InvariantCacheEmitter caches) {
    MethodSpec.Builder method =
        MethodSpec.constructorBuilder()
            .addJavadoc("Synapses with default parameters and initial states; the index arrays are copied.\n")
            .addParameter(SynapseEmitter.INTS, PopulationFields.PRE_INDEX)
            .addParameter(SynapseEmitter.INTS, PopulationFields.POST_INDEX)
            .addStatement("this.$L = $L.length", PopulationFields.SIZE, PopulationFields.PRE_INDEX)
            .addStatement(
                "this.$L = $T.checkedIndex($L, $L, $S)",
                PopulationFields.PRE_INDEX, SUPPORT, PopulationFields.PRE_INDEX, PopulationFields.SIZE, PopulationFields.PRE_INDEX)
            .addStatement(
                "this.$L = $T.checkedIndex($L, $L, $S)",
                PopulationFields.POST_INDEX, SUPPORT, PopulationFields.POST_INDEX, PopulationFields.SIZE, PopulationFields.POST_INDEX);
    for (int i = 0; i < plan.parameters().size(); i++) {
      fill(method, fields.parameters().get(i), plan.parameters().get(i).defaultValue());
    }
    for (int i = 0; i < plan.states().size(); i++) {
      fill(method, fields.states().get(i), plan.states().get(i).initialValue());
    }
    return method.addCode(caches.initialise()).build();
  }

  /** {@code this.x = new double[size]; Arrays.fill(this.x, value);} */
  private static void fill(MethodSpec.Builder method, String field, double value) {
    method.addStatement("this.$L = new double[$L]", field, PopulationFields.SIZE);
    method.addStatement("$T.fill(this.$L, $L)", java.util.Arrays.class, field, JavaLiterals.doubleLiteral(value));
  }

  /**
   * {@code parameter(name)} or {@code state(name)}: a switch from model name to array. A model
   * with more names than one method can hold gets a switch per chunk of names, each in a method
   * of its own that answers null for a name it does not have, tried in turn.
   */
  private static List<MethodSpec> lookup(String kind, List<String> names, List<String> fieldNames) {
    MethodSpec.Builder lookup =
        MethodSpec.methodBuilder(kind)
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(SynapseEmitter.DOUBLES)
            .addParameter(String.class, "name");
    List<MethodSpec> methods = new ArrayList<>();
    List<List<Integer>> chunks = JavaLimits.chunks(IntStream.range(0, names.size()).boxed().toList());
    if (chunks.size() == 1) {
      lookup.beginControlFlow("switch (name)");
      for (int i : chunks.get(0)) {
        lookup.addStatement("case $L: return this.$L", JavaText.stringLiteral(names.get(i)), fieldNames.get(i));
      }
      lookup.addStatement("default: break").endControlFlow();
    } else if (chunks.size() > 1) {
      lookup.addStatement("$T found", SynapseEmitter.DOUBLES);
      for (int c = 0; c < chunks.size(); c++) {
        String chunk = kind + "Chunk" + c;
        lookup.addStatement("found = $L(name)", chunk)
            .beginControlFlow("if (found != null)")
            .addStatement("return found")
            .endControlFlow();
        MethodSpec.Builder method =
            MethodSpec.methodBuilder(chunk)
                .addModifiers(Modifier.PRIVATE)
                .returns(SynapseEmitter.DOUBLES)
                .addParameter(String.class, "name")
                .beginControlFlow("switch (name)");
        for (int i : chunks.get(c)) {
          method.addStatement("case $L: return this.$L", JavaText.stringLiteral(names.get(i)), fieldNames.get(i));
        }
        methods.add(method.addStatement("default: return null").endControlFlow().build());
      }
    }
    lookup.addStatement("throw $T.unknown($L, name, $L)", SUPPORT, JavaText.stringLiteral(kind), SynapseEmitter.METADATA_FIELD);
    methods.add(0, lookup.build());
    return methods;
  }

  /** A method whose body is one strip loop; its parameters are {@code double dt} and arrays. */
  private static MethodSpec loopMethod(
      String name,
      GenerationPlan plan,
      PopulationFields fields,
      InvariantCacheEmitter caches,
      List<StripLoopWriter.Section> sections,
      String... parameters) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(name).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC);
    for (String parameter : parameters) {
      method.addParameter(parameter.equals(BlockWriter.DT) ? TypeName.DOUBLE : SynapseEmitter.DOUBLES, parameter);
    }
    return method.addCode(new StripLoopWriter(plan, fields, caches, List.of(parameters)).loop(sections)).build();
  }

  /** The scratch arrays of one strip. */
  private static TypeSpec stripClass(ClassName strip, PopulationFields fields) {
    TypeSpec.Builder type =
        TypeSpec.classBuilder(strip)
            .addJavadoc("Per-strip scratch: voltages gathered, values kept between phases, currents to scatter.\n")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL);
    for (String array : fields.stripArrays()) {
      type.addField(
          FieldSpec.builder(SynapseEmitter.DOUBLES, array, Modifier.FINAL)
              .initializer("new double[$L]", PopulationFields.STRIP_SIZE)
              .build());
    }
    return type.build();
  }
}
