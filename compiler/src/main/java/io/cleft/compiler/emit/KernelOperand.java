package io.cleft.compiler.emit;

import com.palantir.javapoet.CodeBlock;
import java.util.Optional;

/**
 * An argument of an array kernel (SIMD mode): an array whose elements from {@code from} are the
 * strip's values, or one value for the whole strip.
 *
 * @param array the array, for a value per synapse; null for a scalar
 * @param from where the strip starts in {@code array}: empty for a strip array (from 0)
 * @param scalar the value, for one value for the whole strip; null for an array
 */
record KernelOperand(CodeBlock array, Optional<String> from, CodeBlock scalar) {
  static KernelOperand stripArray(String array) {
    return new KernelOperand(CodeBlock.of("$L", array), Optional.empty(), null);
  }

  static KernelOperand synapseArray(String array, String from) {
    return new KernelOperand(CodeBlock.of("$L", array), Optional.of(from), null);
  }

  static KernelOperand scalar(CodeBlock value) {
    return new KernelOperand(null, Optional.empty(), value);
  }

  boolean isArray() {
    return array != null;
  }

  /** The operand's value for strip element {@code j}, as a scalar loop reads it. */
  String element(String j) {
    if (!isArray()) {
      return scalar.toString();
    }
    return array + "[" + from.map(start -> start + " + " + j).orElse(j) + "]";
  }
}
