package io.cleft.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleft.compiler.ModelSources;
import io.cleft.compiler.optimize.Optimizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The ionotropic synapse generated in SIMD mode is checked in beside the default mode's golden
 * files, so that a change to what SIMD mode writes shows in review; update it as
 * {@link GoldenFilesTest} says (the same variable, with {@code -Dtest=SimdGoldenFileTest}).
 */
class SimdGoldenFileTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/simd");

  @Test
  void simdSourceMatchesGoldenFile() throws IOException {
    String generated = JavaEmitter.emit(Optimizer.optimize(ModelSources.program("IonotropicSynapse")), "io.cleft.models", true).toString();
    Path golden = GOLDEN.resolve("IonotropicSynapse.java");
    if (Boolean.parseBoolean(System.getenv("CLEFT_UPDATE_GOLDEN"))) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, generated);
    }
    assertEquals(Files.readString(golden), generated, "generated code changed; see this test's doc to update " + golden);
  }

  @Test
  void simdModeCallsTheKernelsAndDefaultModeNever() {
    String simd = JavaEmitter.emit(Optimizer.optimize(ModelSources.program("IonotropicSynapse")), "io.cleft.models", true).toString();
    String plain = JavaEmitter.emit(Optimizer.optimize(ModelSources.program("IonotropicSynapse")), "io.cleft.models", false).toString();
    assertTrue(simd.contains("ArrayMath.safeExp(strip.s_inf_safe_exp_arg, strip.s_inf_safe_exp, count);"), simd);
    assertFalse(simd.contains("strip.s_inf_safe_exp[j] = CleftMath.safeExp"), "the scalar loop is replaced");
    assertFalse(plain.contains("ArrayMath"), "default mode never needs cleft-runtime-vector");
  }
}
