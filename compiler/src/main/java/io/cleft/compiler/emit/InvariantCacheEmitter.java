package io.cleft.compiler.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.cleft.compiler.emit.GenerationPlan.InvariantKind;
import io.cleft.compiler.ir.IrExpr;
import io.cleft.compiler.ir.IrInput;
import io.cleft.compiler.ir.IrLocal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Writes how a population keeps the invariants it computes per synapse (see
 * {@code InvariantHoisting}): an array each; {@code parameterChanged(i)}, which the parameter
 * views call after a write to synapse i and which recomputes that synapse's invariants (those of
 * {@code dt} too, for the last step's {@code dt}, unless they are stale anyway);
 * {@code allParametersChanged()}, for a write to every synapse, which recomputes those of
 * parameters alone and marks those of {@code dt} stale; {@code prepareStep(dt)}, which
 * recomputes those of {@code dt} when it differs from the last step's; and a check, run under
 * {@code assert}, that no cached value differs from its definition. A model without such
 * invariants gets none of this.
 */
final class InvariantCacheEmitter {
  static final String PARAMETER_CHANGED = "parameterChanged";
  static final String ALL_PARAMETERS_CHANGED = "allParametersChanged";
  static final String PREPARE_STEP = "prepareStep";
  static final String CACHES_ARE_CURRENT = "cachesAreCurrent";
  private static final String REFRESH = "refreshParameterValues";
  private static final String I = "i";

  private final GenerationPlan plan;
  private final PopulationFields fields;

  InvariantCacheEmitter(GenerationPlan plan, PopulationFields fields) {
    this.plan = plan;
    this.fields = fields;
  }

  boolean cachesAnything() {
    return !fields.invariants().isEmpty();
  }

  boolean cachesStepValues() {
    return plan.hasInvariants(InvariantKind.PER_SYNAPSE_AND_STEP);
  }

  /** The arrays, and the time step the step values were computed for. */
  void addFields(TypeSpec.Builder type) {
    for (Map.Entry<Integer, String> array : fields.invariants().entrySet()) {
      IrLocal invariant = plan.invariants().get(array.getKey());
      type.addField(
          FieldSpec.builder(SynapseEmitter.DOUBLES, array.getValue(), Modifier.PRIVATE, Modifier.FINAL)
              .addJavadoc(
                  "Kept per synapse: $L\n",
                  invariant.sourceLine().isPresent()
                      ? "from " + JavaText.javadoc(plan.origin(invariant.sourceLine().getAsInt()))
                      : "an invariant")
              .build());
    }
    if (cachesStepValues()) {
      type.addField(
          FieldSpec.builder(TypeName.DOUBLE, PopulationFields.STEP_VALUES_DT, Modifier.PRIVATE)
              .addJavadoc("The time step the values of {@code dt} were computed for.\n")
              .build());
      type.addField(
          FieldSpec.builder(TypeName.BOOLEAN, PopulationFields.STEP_VALUES_STALE, Modifier.PRIVATE)
              .addJavadoc("Whether the values of {@code dt} must be computed before the next step.\n")
              .initializer("true")
              .build());
    }
  }

  /** For the constructor, after the parameters have their defaults. */
  CodeBlock initialise() {
    CodeBlock.Builder code = CodeBlock.builder();
    fields.invariants().values().forEach(a -> code.addStatement("this.$L = new double[$L]", a, PopulationFields.SIZE));
    if (plan.hasInvariants(InvariantKind.PER_SYNAPSE)) {
      code.addStatement("$L()", REFRESH);
    }
    return code.build();
  }

  List<MethodSpec> methods() {
    List<MethodSpec> methods = new ArrayList<>();
    if (!cachesAnything()) {
      return methods;
    }
    boolean parameterValues = plan.hasInvariants(InvariantKind.PER_SYNAPSE);
    MethodSpec.Builder one =
        MethodSpec.methodBuilder(PARAMETER_CHANGED)
            .addJavadoc("Computes synapse {@code i}'s kept values again after a parameter of it was written.\n")
            .addModifiers(Modifier.PRIVATE)
            .addParameter(TypeName.INT, I);
    one.addCode(bothKinds(Mode.COMPUTE_ONE, localNames()));
    methods.add(one.build());
    MethodSpec.Builder all =
        MethodSpec.methodBuilder(ALL_PARAMETERS_CHANGED)
            .addJavadoc("Computes every synapse's kept values again, or marks them stale, after a write to all.\n")
            .addModifiers(Modifier.PRIVATE);
    if (parameterValues) {
      all.addStatement("$L()", REFRESH);
    }
    if (cachesStepValues()) {
      all.addStatement("$L = true", PopulationFields.STEP_VALUES_STALE);
    }
    methods.add(all.build());
    if (parameterValues) {
      methods.add(
          MethodSpec.methodBuilder(REFRESH)
              .addModifiers(Modifier.PRIVATE)
              .addCode(perSynapse(InvariantKind.PER_SYNAPSE, Mode.COMPUTE_ALL, localNames()))
              .build());
    }
    if (cachesStepValues()) {
      methods.add(
          MethodSpec.methodBuilder(PREPARE_STEP)
              .addJavadoc("Computes the values of {@code dt} again if it differs from the last step's, to the bit.\n")
              .addModifiers(Modifier.PRIVATE)
              .addParameter(TypeName.DOUBLE, BlockWriter.DT)
              .beginControlFlow(
                  "if (!$L && $T.doubleToRawLongBits($L) == $T.doubleToRawLongBits($L))",
                  PopulationFields.STEP_VALUES_STALE, Double.class, BlockWriter.DT, Double.class, PopulationFields.STEP_VALUES_DT)
              .addStatement("return")
              .endControlFlow()
              .addCode(perSynapse(InvariantKind.PER_SYNAPSE_AND_STEP, Mode.COMPUTE_ALL, localNames()))
              .addStatement("$L = $L", PopulationFields.STEP_VALUES_DT, BlockWriter.DT)
              .addStatement("$L = false", PopulationFields.STEP_VALUES_STALE)
              .build());
    }
    MethodSpec.Builder check =
        MethodSpec.methodBuilder(CACHES_ARE_CURRENT)
            .addJavadoc("Whether every kept value is what its definition gives now; for assertions.\n")
            .addModifiers(Modifier.PRIVATE)
            .returns(TypeName.BOOLEAN);
    check.addCode(bothKinds(Mode.CHECK_ALL, localNames()));
    methods.add(check.addStatement("return true").build());
    return methods;
  }

  /**
   * {@link #perSynapse} for the values kept per synapse, then for those kept per synapse and
   * {@code dt}, which are only there to compute or check while they are not stale. One allocator
   * names the locals of both: each declares the values computed once per call that it reads.
   */
  private CodeBlock bothKinds(Mode mode, NameAllocator names) {
    CodeBlock.Builder code = CodeBlock.builder();
    if (plan.hasInvariants(InvariantKind.PER_SYNAPSE)) {
      code.add(perSynapse(InvariantKind.PER_SYNAPSE, mode, names));
    }
    if (cachesStepValues()) {
      code.beginControlFlow("if (!$L)", PopulationFields.STEP_VALUES_STALE)
          .addStatement("double $L = $L", BlockWriter.DT, PopulationFields.STEP_VALUES_DT)
          .add(perSynapse(InvariantKind.PER_SYNAPSE_AND_STEP, mode, names))
          .endControlFlow();
    }
    return code.build();
  }

  /** What {@link #perSynapse} writes. */
  private enum Mode {
    /** Computes the invariants of every synapse. */
    COMPUTE_ALL,
    /** Computes those of synapse {@code i}, a parameter of the method. */
    COMPUTE_ONE,
    /** Compares those of every synapse with their arrays. */
    CHECK_ALL
  }

  /**
   * Code that computes the invariants of {@code kind}, after the values they read that are
   * computed once per call: in a loop over all synapses, or for synapse {@code i} alone; or, to
   * check, a loop that compares each with what its array holds and returns false on the first
   * difference. Locals are named by {@code names}, the method's.
   */
  private CodeBlock perSynapse(InvariantKind kind, Mode mode, NameAllocator names) {
    boolean check = mode == Mode.CHECK_ALL;
    List<Integer> targets = new ArrayList<>();
    for (int k = 0; k < plan.invariants().size(); k++) {
      if (plan.invariantKinds().get(k) == kind) {
        targets.add(k);
      }
    }
    List<IrExpr> values = targets.stream().map(k -> plan.invariants().get(k).value()).toList();
    Reads reads = Reads.of(values);
    CodeBlock.Builder code = CodeBlock.builder();
    Map<Integer, String> perCall = perCallLocals(reads.locals(), names, code);
    ExpressionWriter writer =
        new ExpressionWriter(
            expr -> {
              if (expr instanceof IrExpr.Parameter p) {
                return fields.parameterRead(p.index(), I);
              }
              if (expr instanceof IrExpr.Input input && input.input() == IrInput.DT) {
                return BlockWriter.DT;
              }
              int k = ((IrExpr.Local) expr).index(); // within the invariants, another invariant
              return perCall.containsKey(k) ? perCall.get(k) : "this." + fields.invariants().get(k) + "[" + I + "]";
            });
    if (mode != Mode.COMPUTE_ONE) {
      code.beginControlFlow("for (int $L = 0; $L < $L; $L++)", I, I, PopulationFields.SIZE, I);
    }
    for (int k : targets) {
      String array = "this." + fields.invariants().get(k) + "[" + I + "]";
      CodeBlock value = writer.write(plan.invariants().get(k).value());
      if (check) {
        code.beginControlFlow("if ($T.doubleToRawLongBits($L) != $T.doubleToRawLongBits($L))", Double.class, array, Double.class, value)
            .addStatement("return false")
            .endControlFlow();
      } else {
        code.add(plan.originComment(plan.invariants().get(k).sourceLine()));
        code.addStatement("$L = $L", array, value);
      }
    }
    if (mode != Mode.COMPUTE_ONE) {
      code.endControlFlow();
    }
    return code.build();
  }

  /**
   * Names for the locals of one method: clear of Java, of the generated class's names, of the
   * members, {@code dt} and {@code i}.
   */
  private NameAllocator localNames() {
    List<String> taken = new ArrayList<>(PopulationFields.MEMBERS);
    taken.add(BlockWriter.DT);
    taken.add(I);
    return JavaNames.allocator(plan, taken);
  }

  /**
   * Declares, in {@code code}, the invariants computed once per call among {@code read} and
   * those they need, and returns their local names.
   */
  Map<Integer, String> perCallLocals(Set<Integer> read, NameAllocator names, CodeBlock.Builder code) {
    Map<Integer, String> locals = new LinkedHashMap<>();
    for (int k : plan.invariantsNeededBy(read, InvariantKind.PER_CALL)) {
      IrLocal invariant = plan.invariants().get(k);
      String name = names.newName(invariant.name());
      ExpressionWriter writer =
          new ExpressionWriter(
              expr -> {
                if (expr instanceof IrExpr.Input input && input.input() == IrInput.DT) {
                  return BlockWriter.DT;
                }
                if (expr instanceof IrExpr.Parameter p) { // shared: no other kind is computed per call
                  return fields.parameterRead(p.index(), I);
                }
                return locals.get(((IrExpr.Local) expr).index());
              });
      code.add(plan.originComment(invariant.sourceLine()));
      code.addStatement("double $L = $L", name, writer.write(invariant.value()));
      locals.put(k, name);
    }
    return locals;
  }
}
