package io.cleft.compiler.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import io.cleft.compiler.ir.IrBinaryOperator;
import io.cleft.compiler.ir.IrExpr;
import io.cleft.compiler.model.BuiltinFunction;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * In SIMD mode, writes a call phase's value as one call of an array kernel of
 * {@code io.cleft.runtime.vector.ArrayMath} over the whole strip, in place of the loop of
 * CleftMath calls: {@code ArrayMath.safeExp(strip.x_arg, strip.x, count)}. The generated code
 * stays plain Java; the kernels use the Vector API when the JVM has it. A value whose arguments
 * cannot be passed as arrays (see {@link KernelOperands}) is left to the scalar loop.
 */
final class KernelCallWriter extends IrVisitorOfCalls {
  static final ClassName ARRAY_MATH = ClassName.get("io.cleft.runtime.vector", "ArrayMath");

  /** The functions ArrayMath has a kernel for, under CleftMath's method names. */
  private static final Set<BuiltinFunction> WITH_KERNEL =
      EnumSet.of(
          BuiltinFunction.EXP,
          BuiltinFunction.SAFE_EXP,
          BuiltinFunction.LOG,
          BuiltinFunction.SQRT,
          BuiltinFunction.POW,
          BuiltinFunction.TANH,
          BuiltinFunction.SIGMOID);

  private final KernelOperands operands;
  private final String out;
  private final String count;

  private KernelCallWriter(KernelOperands operands, String out, String count) {
    this.operands = operands;
    this.out = out;
    this.count = count;
  }

  /**
   * The kernel call that stores {@code value} (a call phase's value) for the strip's
   * {@code count} synapses into the strip array {@code out}, or empty if it has none.
   */
  static Optional<CodeBlock> write(IrExpr value, KernelOperands operands, String out, String count) {
    return value.accept(new KernelCallWriter(operands, out, count));
  }

  @Override
  public Optional<CodeBlock> visitCall(IrExpr.Call call) {
    if (!WITH_KERNEL.contains(call.function())) {
      return Optional.empty();
    }
    return kernel(call.function().runtimeMethod(), call.arguments());
  }

  @Override
  public Optional<CodeBlock> visitBinary(IrExpr.Binary binary) {
    if (binary.operator() != IrBinaryOperator.POWER) {
      return Optional.empty();
    }
    return kernel(BuiltinFunction.POW.runtimeMethod(), List.of(binary.left(), binary.right()));
  }

  /**
   * {@code ArrayMath.name(arguments..., out, count)}, each array argument with its start when
   * it is not a strip array; at least one argument must be an array.
   */
  private Optional<CodeBlock> kernel(String name, List<IrExpr> arguments) {
    List<KernelOperand> passed = new ArrayList<>();
    for (IrExpr argument : arguments) {
      Optional<KernelOperand> operand = operands.of(argument);
      if (operand.isEmpty()) {
        return Optional.empty();
      }
      passed.add(operand.get());
    }
    if (passed.stream().noneMatch(KernelOperand::isArray)) {
      return Optional.empty();
    }
    boolean offsets = passed.stream().anyMatch(o -> o.from().isPresent());
    CodeBlock.Builder call = CodeBlock.builder().add("$T.$L(", ARRAY_MATH, name);
    for (KernelOperand operand : passed) {
      if (operand.isArray()) {
        call.add("$L, ", operand.array());
        if (offsets) {
          call.add("$L, ", operand.from().orElse("0"));
        }
      } else {
        call.add("$L, ", operand.scalar());
      }
    }
    call.add("$L, ", out);
    if (offsets) {
      call.add("0, ");
    }
    return Optional.of(call.add("$L);\n", count).build());
  }
}
