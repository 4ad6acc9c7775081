package io.cleft.compiler.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.NameAllocator;
import io.cleft.compiler.ir.IrBlock;
import io.cleft.compiler.ir.IrExpr;
import io.cleft.compiler.ir.IrInput;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes a kernel for one synapse of a population, whose index is in the local {@code i}: the
 * parameters and states it reads come from their arrays, the invariants the population keeps
 * from theirs, the voltages from {@code voltages} through the index arrays, and the rest is
 * computed as {@link BlockWriter} computes it for the scalar methods. For what runs per synapse
 * and per call (an event, {@code initialize()}, a recorded value), not in the strip loops.
 */
final class SynapseKernelWriter {
  static final String I = "i";
  static final String VOLTAGES = "voltages";

  private final GenerationPlan plan;
  private final PopulationFields fields;
  private final IrBlock block;
  private final BlockWriter writer;

  /** @param names the method's allocator, its parameters and {@code i} already taken */
  SynapseKernelWriter(GenerationPlan plan, PopulationFields fields, IrBlock block, NameAllocator names) {
    this.plan = plan;
    this.fields = fields;
    this.block = block;
    this.writer = new BlockWriter(plan, block, names);
  }

  /**
   * Reads what the block needs for synapse {@code i}, then computes its locals: {@link
   * #callPrologue()} and {@link #synapsePrologue()} together, for a method of one synapse.
   */
  CodeBlock prologueAndLocals() {
    return CodeBlock.builder().add(callPrologue()).add(synapsePrologue()).build();
  }

  /**
   * What is the same for every synapse of a call, written once before a loop over them: the
   * shared parameters the block reads, and the invariants the population does not keep per
   * synapse (they read no parameter but shared ones, the kinds say so), computed with the
   * invariants they read in turn.
   */
  CodeBlock callPrologue() {
    CodeBlock.Builder code = CodeBlock.builder();
    Set<Integer> computed = computedInvariants();
    for (int p : parametersRead(computed)) {
      if (fields.shared().contains(p)) {
        code.addStatement("double $L = $L", writer.parameter(p), fields.parameterRead(p, I));
      }
    }
    code.add(writer.invariants(computed));
    return code.build();
  }

  /**
   * What synapse {@code i} needs, inside the loop over them, after {@link #callPrologue()}: its
   * voltages, parameters, states and kept invariants, then the block's locals.
   */
  CodeBlock synapsePrologue() {
    Reads reads = Reads.of(block);
    CodeBlock.Builder code = CodeBlock.builder();
    if (reads.inputs().contains(IrInput.V_PRE)) {
      code.addStatement(
          "double $L = $L[this.$L[$L]]", BlockWriter.V_PRE, VOLTAGES, PopulationFields.PRE_INDEX, I);
    }
    if (reads.inputs().contains(IrInput.V_POST)) {
      code.addStatement(
          "double $L = $L[this.$L[$L]]", BlockWriter.V_POST, VOLTAGES, PopulationFields.POST_INDEX, I);
    }
    for (int p : parametersRead(computedInvariants())) {
      if (!fields.shared().contains(p)) {
        code.addStatement("double $L = $L", writer.parameter(p), fields.parameterRead(p, I));
      }
    }
    for (int s : reads.states()) {
      code.addStatement("double $L = this.$L[$L]", writer.state(s), fields.states().get(s), I);
    }
    for (int k : reads.invariants()) {
      if (fields.invariants().containsKey(k)) {
        code.addStatement("double $L = this.$L[$L]", writer.invariant(k), fields.invariants().get(k), I);
      }
    }
    code.add(writer.locals(block));
    return code.build();
  }

  /**
   * The invariants the block reads that the population does not keep per synapse, with those
   * they need: computed in the method.
   */
  private Set<Integer> computedInvariants() {
    Set<Integer> computedDirectly = new TreeSet<>();
    for (int k : Reads.of(block).invariants()) {
      if (!fields.invariants().containsKey(k)) {
        computedDirectly.add(k);
      }
    }
    return plan.invariantsNeededBy(computedDirectly);
  }

  /** The parameters the block reads, and those the {@code computed} invariants read (shared ones). */
  private Set<Integer> parametersRead(Set<Integer> computed) {
    Set<Integer> parameters = new TreeSet<>(Reads.of(block).parameters());
    computed.forEach(k -> parameters.addAll(Reads.of(List.of(plan.invariants().get(k).value())).parameters()));
    return parameters;
  }

  /** Result {@code r} of the block, reading the locals the prologue wrote. */
  CodeBlock result(int r) {
    return writer.expression(block.results().get(r));
  }

  /** Whether result {@code r} is state {@code state} unchanged, so that it need not be written. */
  boolean keeps(int r, int state) {
    return block.results().get(r) instanceof IrExpr.State s && s.index() == state;
  }
}
