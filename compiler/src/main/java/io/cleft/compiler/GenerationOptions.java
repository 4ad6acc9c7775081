package io.cleft.compiler;

import io.cleft.compiler.optimize.MathMode;

/**
 * How a checked program becomes Java ({@link Pipeline#generate}): the one value every front end
 * (the CLI's {@code compile} and {@code eval}, the Maven plugin, the benchmarks) builds, so the
 * passes after the front end and their order are written only in {@link Pipeline}.
 *
 * @param mathMode {@link MathMode#IEEE} (the interpreter's bits) or opt-in fast math
 * @param packageName the generated class's package, already validated; empty for none
 */
public record GenerationOptions(MathMode mathMode, String packageName) {
  public GenerationOptions {
    if (mathMode == null || packageName == null) {
      throw new NullPointerException("mathMode and packageName are required");
    }
  }

  /** IEEE math, the default. */
  public static GenerationOptions inPackage(String packageName) {
    return new GenerationOptions(MathMode.IEEE, packageName);
  }
}
