package io.cleft.compiler.ir;

import io.cleft.compiler.model.SynapseModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A synapse lowered for execution: the blocks it runs ({@link #kernels}), and the values they
 * share ({@link #invariants}). A pass that treats every block alike maps over the kernels with
 * {@link #mapKernels} rather than naming them, so that a new kind of kernel goes through it
 * without a change.
 *
 * @param model the checked model, for names, defaults, units, docs and source lines
 * @param invariants values that read only parameters, constants and {@code dt}, which every
 *     kernel reads as {@code Invariant(k)}; it has no results, and inside it {@code Local(k)} is
 *     the k-th of them. Empty until the optimizer hoists values into it.
 * @param kernels at most one of each {@link KernelKind}, kept in the order of the kinds so that
 *     passes which number what they find across kernels (hoisting) do so in one order
 */
public record IrProgram(SynapseModel model, IrBlock invariants, List<IrKernel> kernels) {
  /** The index of the current among the results of the {@link KernelKind#CURRENT} kernel. */
  public static final int CURRENT = 0;
  /** The index of the current's derivative with respect to {@code v_post} among them. */
  public static final int CONDUCTANCE = 1;

  public IrProgram {
    Set<KernelKind> kinds = EnumSet.noneOf(KernelKind.class);
    for (IrKernel kernel : kernels) {
      if (!kinds.add(kernel.kind())) {
        throw new IllegalArgumentException("two " + kernel.kind() + " kernels");
      }
    }
    List<IrKernel> ordered = new ArrayList<>(kernels);
    ordered.sort(Comparator.comparing(IrKernel::kind));
    kernels = List.copyOf(ordered);
  }

  /** A program with nothing hoisted yet, as lowering produces it. */
  public IrProgram(SynapseModel model, List<IrKernel> kernels) {
    this(model, new IrBlock(List.of(), List.of()), kernels);
  }

  /** The kernel of {@code kind}, if the program has one. */
  public Optional<IrKernel> kernel(KernelKind kind) {
    return kernels.stream().filter(k -> k.kind() == kind).findFirst();
  }

  /** The block of the kernel of {@code kind}; every program has an update and a current. */
  public IrBlock block(KernelKind kind) {
    return kernel(kind)
        .orElseThrow(() -> new IllegalStateException("the program has no " + kind + " kernel"))
        .block();
  }

  /** The {@link KernelKind#UPDATE} kernel's block. */
  public IrBlock update() {
    return block(KernelKind.UPDATE);
  }

  /** The {@link KernelKind#CURRENT} kernel's block. */
  public IrBlock current() {
    return block(KernelKind.CURRENT);
  }

  public IrProgram withInvariants(IrBlock replacement) {
    return new IrProgram(model, replacement, kernels);
  }

  public IrProgram withKernels(List<IrKernel> replacement) {
    return new IrProgram(model, invariants, replacement);
  }

  /** The program with each kernel's block replaced by {@code rewrite}'s, in kernel order. */
  public IrProgram mapKernels(Function<IrKernel, IrBlock> rewrite) {
    return withKernels(kernels.stream().map(k -> k.withBlock(rewrite.apply(k))).toList());
  }

  /** The program with {@code rewrite} applied to the invariants block and every kernel's block. */
  public IrProgram mapBlocks(UnaryOperator<IrBlock> rewrite) {
    return withInvariants(rewrite.apply(invariants)).mapKernels(k -> rewrite.apply(k.block()));
  }
}
