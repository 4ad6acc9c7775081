package io.cleft.runtime.vector;

/**
 * Decides once, when {@link ArrayMath} is first used, which kernels run: the Vector API's if
 * the module {@code jdk.incubator.vector} is in the boot layer ({@code java --add-modules
 * jdk.incubator.vector}), the scalar loops otherwise.
 *
 * <p>How no Vector API class is linked without the module: {@link VectorKernels} is the only
 * class that names one, and it is named here by a string, loaded with {@link Class#forName}
 * only after the module was found. The field {@link #KERNELS} is static and final, so the JIT
 * treats it as a constant and inlines the chosen kernel into the generated loop.
 */
final class KernelChoice {
  static final String VECTOR_MODULE = "jdk.incubator.vector";

  static final Kernels KERNELS = choose();

  private KernelChoice() {}

  private static Kernels choose() {
    if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
      return new ScalarKernels();
    }
    try {
      return (Kernels) Class.forName("io.cleft.runtime.vector.VectorKernels").getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError e) {
      // The module is there but its classes cannot be used (a JDK that dropped them): scalar.
      return new ScalarKernels();
    }
  }
}
