package io.cleft.compiler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleft.runtime.vector.KernelWarmUp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One step of {@code euler}, {@code rk2}, {@code rk4} and {@code exact} reproduces Brian2's vectors (see the
 * README in {@code reference/brian2/methods}) to a relative 1e-12, through {@code cleft eval
 * --check}, for the generated class and for the interpreter: a nonlinear model
 * (SaturatingRate) and a coupled linear system (CoupledRiseDecay, where rk4's stages must step
 * r and d together to agree, and exact must integrate r's drive of d exactly).
 */
class BrianMethodsReferenceTest {

  /**
   * The SIMD cases run on compiled kernels: cold, the Vector API's fallback gives Math's bits,
   * and the references would be checked on those (KernelWarmUp).
   */
  @BeforeAll
  static void compileTheVectorKernels() {
    KernelWarmUp.compileEveryKernel();
  }

  private static final String MODELS = "../models/src/main/syn/";
  private static final String REFERENCE = "src/test/resources/reference/brian2/methods/";

  static List<Arguments> references() {
    List<Arguments> references = new ArrayList<>();
    for (String dt : new String[] {"0.025", "0.5"}) {
      for (String method : new String[] {"euler", "rk2", "rk4"}) {
        references.add(Arguments.of("SaturatingRate", method, dt));
      }
      for (String method : new String[] {"euler", "rk4", "exact"}) {
        references.add(Arguments.of("CoupledRiseDecay", method, dt));
      }
    }
    return references;
  }

  @ParameterizedTest(name = "{0} {1} dt={2}")
  @MethodSource("references")
  void generatedClassReproducesBrian2(String model, String method, String dt) {
    check(model, method, dt);
  }

  /** SIMD mode: each row through the population's strip loops, the kernels in vector lanes. */
  @ParameterizedTest(name = "{0} {1} dt={2}")
  @MethodSource("references")
  void generatedClassInSimdModeReproducesBrian2(String model, String method, String dt) {
    check(model, method, dt, "--simd");
  }

  @ParameterizedTest(name = "{0} {1} dt={2}")
  @MethodSource("references")
  void interpreterReproducesBrian2(String model, String method, String dt) {
    check(model, method, dt, "--interpret");
  }

  private static void check(String model, String method, String dt, String... options) {
    String file = MODELS + model + Character.toUpperCase(method.charAt(0)) + method.substring(1) + ".syn";
    String input = REFERENCE + model + "-" + method + "-dt" + dt + ".csv";
    List<String> args = new ArrayList<>(List.of("eval", file, "--input", input, "--check", "1e-12"));
    args.addAll(List.of(options));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    // The summary names the worst relative error; keep it in the build log for the record.
    System.out.println(model + " " + method + " dt=" + dt + " " + String.join(" ", options) + ": " + run.err().strip());
    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertTrue(run.err().startsWith("checked 1000 rows: worst relative error "), run.err());
    assertEquals("", run.out());
  }
}
