package io.cleft.compiler.emit;

import java.util.ArrayList;
import java.util.List;

/**
 * How the emitted code stays inside what Java and javac can take, in one place: a method's
 * bytecode is at most 64 KiB (JVMS 4.7.3), and javac compiles expressions recursively, so a
 * deeply nested one overflows its stack. Code whose size grows with the model is therefore
 * written in chunks, each in a method of its own, and expressions are kept shallow
 * ({@link ExpressionDepthLimiter}).
 */
final class JavaLimits {
  /**
   * Entries per generated method for code with one entry per parameter or state (a name
   * dispatch, the metadata list). A case of a switch on strings costs about 35 bytes and a
   * {@code new Quantity(...)} about 35, so 256 entries stay far below 64 KiB.
   */
  static final int ENTRIES_PER_METHOD = 256;

  /**
   * The deepest expression written as one Java expression; deeper subexpressions go to
   * temporaries first. Plain {@code javac} (default stack) compiles some hundred nested calls
   * before it overflows, so this leaves a wide margin, and it is deep enough that no ordinary
   * model line is ever split.
   */
  static final int EXPRESSION_DEPTH = 32;

  private JavaLimits() {}

  /** {@code items} in consecutive runs of at most {@link #ENTRIES_PER_METHOD}. */
  static <T> List<List<T>> chunks(List<T> items) {
    List<List<T>> chunks = new ArrayList<>();
    for (int start = 0; start < items.size(); start += ENTRIES_PER_METHOD) {
      chunks.add(items.subList(start, Math.min(items.size(), start + ENTRIES_PER_METHOD)));
    }
    return chunks;
  }
}
