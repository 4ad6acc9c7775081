package io.cleft.compiler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleft.runtime.vector.KernelWarmUp;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code --simd} on {@code compile}, {@code eval} and {@code run}: Jaxley's reference vectors
 * reproduced in SIMD mode to the same 1e-12 as without it (ModelLibraryTest's cases), the
 * generated source calling the kernels, a simulation within SIMD mode's bound of the default
 * one, and the warning when the kernels cannot use the Vector API.
 */
class SimdOptionTest {

  /**
   * The SIMD cases run on compiled kernels: cold, the Vector API's fallback gives Math's bits,
   * and the references would be checked on those (KernelWarmUp).
   */
  @BeforeAll
  static void compileTheVectorKernels() {
    KernelWarmUp.compileEveryKernel();
  }

  private static final String LIBRARY = "../models/src/main/syn/";
  private static final String JAXLEY = "../models/src/test/resources/reference/jaxley/";

  @TempDir Path dir;

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "IonotropicSynapse, IonotropicSynapse.csv",
    "IonotropicSynapse, IonotropicSynapse-seed.csv",
    "IonotropicSynapseOde, IonotropicSynapse.csv",
    "IonotropicSynapseOde, IonotropicSynapse-seed.csv",
    "TanhRateSynapse, TanhRateSynapse.csv",
    "TanhConductanceSynapse, TanhConductanceSynapse.csv",
    "TestSynapse, TestSynapse.csv"
  })
  void evalInSimdModeReproducesJaxley(String model, String csv) {
    CliRun run = CliRun.eval(LIBRARY + model + ".syn", JAXLEY + csv, "--simd", "--check", "1e-12");
    System.out.println(model + " " + csv + " --simd: " + run.err().strip());
    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertTrue(run.err().startsWith("checked "), run.err());
  }

  @Test
  void evalInSimdModeWithFastMathReproducesJaxleyToItsTolerance() {
    CliRun run = CliRun.eval(LIBRARY + "IonotropicSynapse.syn", JAXLEY + "IonotropicSynapse.csv", "--simd", "--fast-math", "--check", "1e-12");
    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
  }

  @Test
  void simdWithTheInterpreterIsAUsageError() {
    CliRun run = CliRun.eval(LIBRARY + "IonotropicSynapse.syn", JAXLEY + "IonotropicSynapse.csv", "--simd", "--interpret");
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
    assertTrue(run.err().contains("--simd applies to generated code"), run.err());
  }

  @Test
  void compileInSimdModeWritesKernelCalls() throws IOException {
    Path simd = dir.resolve("simd");
    Path plain = dir.resolve("plain");
    CliRun withSimd = CliRun.of("compile", LIBRARY + "IonotropicSynapse.syn", "-d", simd.toString(), "--simd");
    CliRun without = CliRun.of("compile", LIBRARY + "IonotropicSynapse.syn", "-d", plain.toString());
    assertEquals(ExitCodes.OK, withSimd.exitCode(), withSimd.err());
    assertEquals(ExitCodes.OK, without.exitCode(), without.err());
    String simdSource = Files.readString(simd.resolve("IonotropicSynapse.java"));
    String plainSource = Files.readString(plain.resolve("IonotropicSynapse.java"));
    assertTrue(simdSource.contains("ArrayMath.safeExp("), simdSource);
    assertFalse(plainSource.contains("ArrayMath"), plainSource);
  }

  @Test
  void runInSimdModeIsWithinTheBoundOfTheDefaultRun() throws IOException {
    Path simdTrace = dir.resolve("simd.csv");
    Path plainTrace = dir.resolve("plain.csv");
    List<String> common = List.of("run", LIBRARY + "IonotropicSynapse.syn", "--tstop", "5", "--record", "s,i");
    CliRun simd = CliRun.of(concat(common, "--simd", "-o", simdTrace.toString()));
    CliRun plain = CliRun.of(concat(common, "-o", plainTrace.toString()));
    assertEquals(ExitCodes.OK, simd.exitCode(), simd.err());
    assertEquals(ExitCodes.OK, plain.exitCode(), plain.err());
    List<String> simdRows = Files.readAllLines(simdTrace);
    List<String> plainRows = Files.readAllLines(plainTrace);
    assertEquals(plainRows.get(0), simdRows.get(0));
    assertEquals(plainRows.size(), simdRows.size());
    for (int r = 1; r < plainRows.size(); r++) {
      String[] expected = plainRows.get(r).split(",");
      String[] actual = simdRows.get(r).split(",");
      for (int c = 0; c < expected.length; c++) {
        double e = Double.parseDouble(expected[c]);
        double a = Double.parseDouble(actual[c]);
        assertTrue(Math.abs(a - e) <= 1e-12 * Math.abs(e) + 1e-300, "row " + r + " column " + c + ": " + a + " vs " + e);
      }
    }
  }

  @Test
  void warnsOnceWhenTheKernelsRunScalar() {
    assertEquals(SimdOption.SCALAR_WARNING + System.lineSeparator(), warning(true, false));
    assertEquals("", warning(true, true), "the Vector API in use: nothing to say");
    assertEquals("", warning(false, false), "no --simd: nothing to say");
  }

  private static String warning(boolean simd, boolean vectorized) {
    StringWriter err = new StringWriter();
    SimdOption.warnIfScalar(simd, vectorized, new PrintWriter(err, true));
    return err.toString();
  }

  private static String[] concat(List<String> first, String... more) {
    return java.util.stream.Stream.concat(first.stream(), java.util.stream.Stream.of(more)).toArray(String[]::new);
  }
}
