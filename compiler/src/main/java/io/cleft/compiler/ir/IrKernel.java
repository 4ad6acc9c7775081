package io.cleft.compiler.ir;

import java.util.Objects;

/** One block of a program, with what it computes: {@link KernelKind} says what its results mean. */
public record IrKernel(KernelKind kind, IrBlock block) {
  public IrKernel {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(block, "block");
  }

  /** The same kind of kernel computing {@code replacement}. */
  public IrKernel withBlock(IrBlock replacement) {
    return new IrKernel(kind, replacement);
  }
}
