package io.cleft.compiler.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.cleft.compiler.model.Symbol;
import io.cleft.runtime.PopulationSupport;
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
  static final ClassName PARAMETER_ARRAY = ClassName.get("io.cleft.runtime", "ParameterArray");
  static final ClassName CHECKED_MODE = ClassName.get("io.cleft.runtime", "CheckedMode");
  private static final TypeName STRINGS = ParameterizedTypeName.get(List.class, String.class);

  /**
   * Synapses per strip. The scratch arrays of a strip (a few per model, 2 KiB each) then stay
   * in the L1 cache, and a strip is long enough for the vectorised loops and the scattered
   * reads to reach full speed.
   */
  static final int SYNAPSES_PER_STRIP = PopulationSupport.STRIP_SIZE;

  static final String VOLTAGES = "voltages";
  static final String CURRENT = "current";
  static final String CONDUCTANCE = "conductance";

  private PopulationEmitter() {}

  static TypeSpec populationClass(GenerationPlan plan, ClassName self) {
    PopulationFields fields = PopulationFields.of(plan);
    InvariantCacheEmitter caches = new InvariantCacheEmitter(plan, fields);
    EventMethodsEmitter events = new EventMethodsEmitter(plan, fields);
    ClassName strip = self.nestedClass(plan.stripClassName());
    RangeMethodsEmitter ranges = new RangeMethodsEmitter(plan, fields, caches, strip);
    TypeSpec.Builder type =
        TypeSpec.classBuilder(self)
            .addJavadoc(
                "$L synapses as a struct of arrays: the fast path. Arrays are indexed by synapse. Not safe for\n"
                    + "use by more than one thread at a time, except for the ranges of one step (advanceRange).\n",
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
                FieldSpec.builder(TypeName.INT, PopulationFields.WIDEST_PRE, Modifier.PRIVATE, Modifier.FINAL)
                    .addJavadoc("The synapse with the largest {@code preIndex}, or -1: each call checks its arrays against it.\n")
                    .build())
            .addField(
                FieldSpec.builder(TypeName.INT, PopulationFields.WIDEST_POST, Modifier.PRIVATE, Modifier.FINAL)
                    .addJavadoc("The synapse with the largest {@code postIndex}, or -1.\n")
                    .build())
            .addField(
                FieldSpec.builder(strip, PopulationFields.STRIP, Modifier.PRIVATE, Modifier.FINAL)
                    .initializer("new $T()", strip)
                    .build())
            .addField(ranges.rangeStripsField());
    for (int i = 0; i < plan.parameters().size(); i++) {
      Symbol.Parameter p = plan.parameters().get(i);
      // Private: every write must go through the parameter's view, which keeps the caches current.
      FieldSpec field = arrayField(fields.parameters().get(i), "Parameter " + p.name(), p.doc().orElse(""), p.unitText(), Modifier.PRIVATE);
      if (p.shared()) {
        field = field.toBuilder().addJavadoc("Shared: one value for every synapse, in entry 0.\n").build();
      }
      type.addField(field);
    }
    for (int i = 0; i < plan.states().size(); i++) {
      Symbol.State s = plan.states().get(i);
      type.addField(arrayField(fields.states().get(i), "State " + s.name(), s.doc().orElse(""), s.unitText(), Modifier.PUBLIC));
    }
    type.addField(
            FieldSpec.builder(ArrayTypeName.of(PARAMETER_ARRAY), PopulationFields.PARAMETER_ARRAYS, Modifier.PRIVATE, Modifier.FINAL)
                .addJavadoc("The views through which parameters are read and written, in declaration order.\n")
                .build())
        .addField(
            FieldSpec.builder(ArrayTypeName.of(SynapseEmitter.DOUBLES), PopulationFields.STATE_ARRAYS, Modifier.PRIVATE, Modifier.FINAL)
                .addJavadoc("The state arrays in declaration order, for checked mode.\n")
                .build())
        .addField(
            FieldSpec.builder(STRINGS, PopulationFields.STATE_ORIGINS, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The model line that updates each state, for checked mode's reports; empty if none does.\n")
                .initializer(stateOrigins(plan))
                .build())
        .addField(
            FieldSpec.builder(String.class, PopulationFields.CURRENT_ORIGIN, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The model line of the current, for checked mode's reports.\n")
                .initializer("$L", JavaText.stringLiteral(plan.origin(plan.currentLine())))
                .build())
        .addField(
            FieldSpec.builder(TypeName.BOOLEAN, PopulationFields.CHECKED, Modifier.PRIVATE)
                .addJavadoc("Whether each strip's states and currents are checked; off, the loops test only this.\n")
                .build());
    caches.addFields(type);
    if (events.indexesByCompartment()) {
      type.addField(
          FieldSpec.builder(SynapseEmitter.INTS, PopulationFields.POST_STARTS, Modifier.PRIVATE, Modifier.FINAL)
              .addJavadoc("Where each compartment's synapses start in {@code postOrder}, for {@code deliverPost}.\n")
              .build());
      type.addField(
          FieldSpec.builder(SynapseEmitter.INTS, PopulationFields.POST_ORDER, Modifier.PRIVATE, Modifier.FINAL)
              .addJavadoc("The synapses by postsynaptic compartment, each compartment's in increasing order.\n")
              .build());
    }
    return type.addMethod(constructor(plan, fields, caches, events))
        .addMethods(viewMethods(plan, fields, caches))
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
        .addMethods(
            lookup(
                "parameter",
                PARAMETER_ARRAY,
                plan.parameters().stream().map(Symbol.Parameter::name).toList(),
                IntStream.range(0, plan.parameters().size()).mapToObj(p -> "this." + PopulationFields.PARAMETER_ARRAYS + "[" + p + "]").toList()))
        .addMethods(
            lookup(
                "state",
                SynapseEmitter.DOUBLES,
                plan.states().stream().map(Symbol.State::name).toList(),
                fields.states().stream().map(f -> "this." + f).toList()))
        .addMethod(
            MethodSpec.methodBuilder("checked")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(TypeName.BOOLEAN, "on")
                .addStatement("$L = on", PopulationFields.CHECKED)
                .build())
        .addMethod(
            MethodSpec.methodBuilder("isChecked")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.BOOLEAN)
                .addStatement("return $L", PopulationFields.CHECKED)
                .build())
        .addMethods(caches.methods())
        .addMethods(events.methods())
        .addMethod(
            loopMethod(
                "step", plan, fields, caches, List.of(StripLoopWriter.Section.UPDATE), BlockWriter.T, BlockWriter.DT, VOLTAGES))
        .addMethod(
            loopMethod(
                "addCurrents",
                plan,
                fields,
                caches,
                List.of(StripLoopWriter.Section.CURRENT),
                BlockWriter.T,
                VOLTAGES,
                CURRENT,
                CONDUCTANCE))
        .addMethods(ranges.methods())
        .addType(stripClass(strip, fields))
        .build();
  }

  /** @param what the declaration's kind and model name, the description when it has no doc */
  private static FieldSpec arrayField(String name, String what, String doc, String unit, Modifier access) {
    String description = JavaText.javadoc(doc.isEmpty() ? what : doc);
    return FieldSpec.builder(SynapseEmitter.DOUBLES, name, access, Modifier.FINAL)
        .addJavadoc("$L, $L.\n", description, unit.equals("1") ? "dimensionless" : "in " + JavaText.javadoc(unit))
        .build();
  }

  private static MethodSpec constructor(
      GenerationPlan plan, PopulationFields fields, InvariantCacheEmitter caches, EventMethodsEmitter events) {
    MethodSpec.Builder method =
        MethodSpec.constructorBuilder()
            .addJavadoc("Synapses with default parameters and initial states; the index arrays are copied.\n")
            .addParameter(SynapseEmitter.INTS, PopulationFields.PRE_INDEX)
            .addParameter(SynapseEmitter.INTS, PopulationFields.POST_INDEX)
            .addStatement(
                "this.$L = $T.synapseCount($L, $L)", PopulationFields.SIZE, SUPPORT, PopulationFields.PRE_INDEX, PopulationFields.POST_INDEX)
            .addStatement(
                "this.$L = $T.checkedIndex($L, $L, $S)",
                PopulationFields.PRE_INDEX, SUPPORT, PopulationFields.PRE_INDEX, PopulationFields.SIZE, PopulationFields.PRE_INDEX)
            .addStatement(
                "this.$L = $T.checkedIndex($L, $L, $S)",
                PopulationFields.POST_INDEX, SUPPORT, PopulationFields.POST_INDEX, PopulationFields.SIZE, PopulationFields.POST_INDEX)
            .addStatement("this.$L = $T.widest(this.$L)", PopulationFields.WIDEST_PRE, SUPPORT, PopulationFields.PRE_INDEX)
            .addStatement("this.$L = $T.widest(this.$L)", PopulationFields.WIDEST_POST, SUPPORT, PopulationFields.POST_INDEX);
    for (int i = 0; i < plan.parameters().size(); i++) {
      if (plan.parameters().get(i).shared()) {
        method.addStatement(
            "this.$L = new double[] {$L}", fields.parameters().get(i), JavaLiterals.doubleLiteral(plan.parameters().get(i).defaultValue()));
      } else {
        fill(method, fields.parameters().get(i), plan.parameters().get(i).defaultValue());
      }
    }
    for (int i = 0; i < plan.states().size(); i++) {
      method.addStatement("this.$L = new double[$L]", fields.states().get(i), PopulationFields.SIZE);
    }
    method.addCode(events.initialiseIndex());
    method.addCode(caches.initialise());
    // The views and the table of states are built in methods of a chunk of declarations each,
    // so that the constructor of a model with thousands of them stays within 64 KiB.
    method.addStatement("this.$L = new $T[$L]", PopulationFields.PARAMETER_ARRAYS, PARAMETER_ARRAY, plan.parameters().size());
    method.addStatement("this.$L = new double[$L][]", PopulationFields.STATE_ARRAYS, plan.states().size());
    viewMethods(plan, fields, caches).forEach(view -> method.addStatement("$N()", view));
    // Last: the initial block reads the values kept per synapse.
    method.addStatement("initialize()");
    return method.build();
  }

  /**
   * Private methods that each put a chunk of the parameter views into the array of views, or a
   * chunk of the state arrays into the table of states; the constructor calls them in turn.
   */
  private static List<MethodSpec> viewMethods(GenerationPlan plan, PopulationFields fields, InvariantCacheEmitter caches) {
    List<MethodSpec> methods = new ArrayList<>();
    List<List<Integer>> parameterChunks = JavaLimits.chunks(IntStream.range(0, plan.parameters().size()).boxed().toList());
    for (int c = 0; c < parameterChunks.size(); c++) {
      MethodSpec.Builder views = MethodSpec.methodBuilder("parameterViews" + c).addModifiers(Modifier.PRIVATE);
      for (int p : parameterChunks.get(c)) {
        if (plan.parameters().get(p).shared()) {
          // Any write to a shared parameter is a write to every synapse.
          CodeBlock changed =
              caches.cachesAnything() ? CodeBlock.of(", this::$L", InvariantCacheEmitter.ALL_PARAMETERS_CHANGED) : CodeBlock.of("");
          views.addStatement(
              "this.$L[$L] = $T.shared($L, $L, this.$L, $L$L)",
              PopulationFields.PARAMETER_ARRAYS, p, PARAMETER_ARRAY, SynapseEmitter.METADATA_FIELD, p, fields.parameters().get(p),
              PopulationFields.SIZE, changed);
        } else if (caches.cachesAnything()) {
          views.addStatement(
              "this.$L[$L] = new $T($L, $L, this.$L, this::$L, this::$L)",
              PopulationFields.PARAMETER_ARRAYS, p, PARAMETER_ARRAY, SynapseEmitter.METADATA_FIELD, p, fields.parameters().get(p),
              InvariantCacheEmitter.PARAMETER_CHANGED, InvariantCacheEmitter.ALL_PARAMETERS_CHANGED);
        } else {
          views.addStatement(
              "this.$L[$L] = new $T($L, $L, this.$L)",
              PopulationFields.PARAMETER_ARRAYS, p, PARAMETER_ARRAY, SynapseEmitter.METADATA_FIELD, p, fields.parameters().get(p));
        }
      }
      methods.add(views.build());
    }
    List<List<Integer>> stateChunks = JavaLimits.chunks(IntStream.range(0, plan.states().size()).boxed().toList());
    for (int c = 0; c < stateChunks.size(); c++) {
      MethodSpec.Builder table = MethodSpec.methodBuilder("stateTable" + c).addModifiers(Modifier.PRIVATE);
      for (int s : stateChunks.get(c)) {
        table.addStatement("this.$L[$L] = this.$L", PopulationFields.STATE_ARRAYS, s, fields.states().get(s));
      }
      methods.add(table.build());
    }
    return methods;
  }

  /** {@code List.of("Model.syn:14: r' = ...", ...)}: each state's update line, "" if none. */
  private static CodeBlock stateOrigins(GenerationPlan plan) {
    CodeBlock.Builder origins = CodeBlock.builder().add("$T.of(", List.class);
    for (int s = 0; s < plan.states().size(); s++) {
      int line = plan.updateLine(s);
      origins.add(s == 0 ? "$L" : ", $L", JavaText.stringLiteral(line == 0 ? "" : plan.origin(line)));
    }
    return origins.add(")").build();
  }

  /** {@code this.x = new double[size]; Arrays.fill(this.x, value);} */
  private static void fill(MethodSpec.Builder method, String field, double value) {
    method.addStatement("this.$L = new double[$L]", field, PopulationFields.SIZE);
    method.addStatement("$T.fill(this.$L, $L)", java.util.Arrays.class, field, JavaLiterals.doubleLiteral(value));
  }

  /**
   * {@code parameter(name)} or {@code state(name)}: a switch from model name to its view or
   * array ({@code expressions}). A model with more names than one method can hold gets a switch
   * per chunk of names, each in a method of its own that answers null for a name it does not
   * have, tried in turn.
   */
  private static List<MethodSpec> lookup(String kind, TypeName type, List<String> names, List<String> expressions) {
    MethodSpec.Builder lookup =
        MethodSpec.methodBuilder(kind)
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(type)
            .addParameter(String.class, "name");
    List<MethodSpec> methods = new ArrayList<>();
    List<List<Integer>> chunks = JavaLimits.chunks(IntStream.range(0, names.size()).boxed().toList());
    if (chunks.size() == 1) {
      lookup.beginControlFlow("switch (name)");
      for (int i : chunks.get(0)) {
        lookup.addStatement("case $L: return $L", JavaText.stringLiteral(names.get(i)), expressions.get(i));
      }
      lookup.addStatement("default: break").endControlFlow();
    } else if (chunks.size() > 1) {
      lookup.addStatement("$T found", type);
      for (int c = 0; c < chunks.size(); c++) {
        String chunk = kind + "Chunk" + c;
        lookup.addStatement("found = $L(name)", chunk)
            .beginControlFlow("if (found != null)")
            .addStatement("return found")
            .endControlFlow();
        MethodSpec.Builder method =
            MethodSpec.methodBuilder(chunk)
                .addModifiers(Modifier.PRIVATE)
                .returns(type)
                .addParameter(String.class, "name")
                .beginControlFlow("switch (name)");
        for (int i : chunks.get(c)) {
          method.addStatement("case $L: return $L", JavaText.stringLiteral(names.get(i)), expressions.get(i));
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
    MethodSpec.Builder method = publicMethod(name, parameters).addCode(voltageChecks());
    if (List.of(parameters).contains(CURRENT)) {
      method.addCode(currentChecks());
    }
    return method.addCode(new StripLoopWriter(plan, fields, caches, List.of(parameters)).loop(sections)).build();
  }

  /** An override of the population interface, with {@code double} for dt and t and arrays for the rest. */
  static MethodSpec.Builder publicMethod(String name, String... parameters) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(name).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC);
    return addNumberParameters(method, List.of(parameters));
  }

  /** Adds {@code double} parameters for dt and t and {@code double[]} ones for the others. */
  static MethodSpec.Builder addNumberParameters(MethodSpec.Builder method, List<String> parameters) {
    for (String parameter : parameters) {
      boolean scalar = parameter.equals(BlockWriter.DT) || parameter.equals(BlockWriter.T);
      method.addParameter(scalar ? TypeName.DOUBLE : SynapseEmitter.DOUBLES, parameter);
    }
    return method;
  }

  // O(1) checks of the arrays against the largest indices, so that no loop fails halfway.
  static CodeBlock voltageChecks() {
    return CodeBlock.builder()
        .addStatement(
            "$T.checkVoltages($L, $L, $L, $L, $L)",
            SUPPORT, VOLTAGES, PopulationFields.PRE_INDEX, PopulationFields.WIDEST_PRE,
            PopulationFields.POST_INDEX, PopulationFields.WIDEST_POST)
        .build();
  }

  static CodeBlock currentChecks() {
    return CodeBlock.builder()
        .addStatement(
            "$T.checkCurrents($L, $L, $L, $L, $L)",
            SUPPORT, VOLTAGES, CURRENT, CONDUCTANCE, PopulationFields.POST_INDEX, PopulationFields.WIDEST_POST)
        .build();
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
