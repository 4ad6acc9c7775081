package io.cleft.compiler.emit;

import com.palantir.javapoet.CodeBlock;

/** Java source for numbers, spelled so that javac reads back exactly the same value; text is {@link JavaText}'s. */
final class JavaLiterals {
  private JavaLiterals() {}

  /**
   * A double literal that javac parses to the same bits, or the constant naming it (through
   * {@code $T}, so that JavaPoet qualifies {@code Double} where a class of that name hides it).
   */
  static CodeBlock doubleLiteral(double value) {
    if (Double.isNaN(value)) {
      return CodeBlock.of("$T.NaN", Double.class);
    }
    if (Double.isInfinite(value)) {
      return CodeBlock.of(value > 0 ? "$T.POSITIVE_INFINITY" : "$T.NEGATIVE_INFINITY", Double.class);
    }
    String decimal = Double.toString(value);
    // JDK 17's Double.toString is not always the shortest form; it must still round-trip.
    if (Double.doubleToRawLongBits(Double.parseDouble(decimal)) == Double.doubleToRawLongBits(value)) {
      return CodeBlock.of("$L", decimal);
    }
    return CodeBlock.of("$L", Double.toHexString(value));
  }
}
