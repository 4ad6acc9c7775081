package io.cleft.compiler;

/**
 * How a checked program becomes Java ({@link Pipeline#generate}): the one value every front end
 * (the CLI's {@code compile} and {@code eval}, the Maven plugin, the benchmarks) builds, so the
 * passes after the front end and their order are written only in {@link Pipeline}.
 *
 * @param mode how the generated code computes: fast math, SIMD mode
 * @param packageName the generated class's package, already validated; empty for none
 */
public record GenerationOptions(CodeMode mode, String packageName) {
  public GenerationOptions {
    if (mode == null || packageName == null) {
      throw new NullPointerException("mode and packageName are required");
    }
  }

  /** {@link CodeMode#DEFAULT}: IEEE math, no SIMD mode. */
  public static GenerationOptions inPackage(String packageName) {
    return new GenerationOptions(CodeMode.DEFAULT, packageName);
  }
}
