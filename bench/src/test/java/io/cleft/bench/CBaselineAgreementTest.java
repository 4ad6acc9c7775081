package io.cleft.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The C baseline of run-benchmarks.sh does the generated population's work. bench/c/ionotropic.c,
 * built as the script builds its IEEE variant (no fast math, no contraction into FMA), draws
 * IonotropicBenchmark's wiring and voltages to the bit, and after several steps its states,
 * currents and conductances are the generated IonotropicSynapse population's: most to the bit,
 * the others within {@link #RELATIVE_TOLERANCE}, in both of its loops. They are not all equal
 * because glibc's exp and HotSpot's Math.exp round a few arguments in a thousand differently (by
 * one ulp; both are within an ulp of the exact value); a difference in the operations themselves
 * (an FMA, another order, fast math) would change most of the elements, so the test also bounds
 * the share that differ at all. Skipped where there is no gcc.
 */
class CBaselineAgreementTest {
  /** The flags of the script's IEEE build. */
  private static final List<String> IEEE_FLAGS = List.of("-std=c11", "-O3", "-march=native", "-ffp-contract=off");

  /** Of the largest magnitude in each result array: an ulp of exp, carried through a few steps and sums. */
  private static final double RELATIVE_TOLERANCE = 1e-13;

  /** Of the elements of each result array that may differ in their bits at all. */
  private static final double MOST_DIFFERING_SHARE = 0.01;

  @TempDir static Path work;

  private static Path program;

  @BeforeAll
  static void buildTheBaseline() throws IOException, InterruptedException {
    assumeTrue(gccRuns(), "gcc is not on the PATH: the C baseline is not checked");
    program = work.resolve("ionotropic");
    List<String> command = new ArrayList<>(List.of("gcc"));
    command.addAll(IEEE_FLAGS);
    command.addAll(List.of("-Wall", "-Wextra", "-Werror", "-o", program.toString(), source().toString(), "-lm"));
    Run build = run(command);
    assertEquals(0, build.exitCode(), "gcc failed:\n" + build.output());
  }

  private static boolean gccRuns() {
    try {
      return run(List.of("gcc", "--version")).exitCode() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /** Surefire runs in the module's directory; bench/c/ is beside src/. */
  private static Path source() {
    Path source = Path.of("c", "ionotropic.c");
    assertTrue(Files.isRegularFile(source), "no " + source.toAbsolutePath());
    return source;
  }

  /** 1000 and 100,000 as in the benchmark; 1024 takes nextInt's power-of-two branch; 4097 ends in a strip of one. */
  @ParameterizedTest(name = "{0} synapses, {1} steps, loop {2}")
  @CsvSource({"1000, 7, one", "1000, 7, strips", "1024, 3, strips", "4097, 3, one", "4097, 3, strips", "100000, 2, strips"})
  void theCBaselineDoesTheGeneratedPopulationsWork(int n, int steps, String loop) throws IOException, InterruptedException {
    Path file = work.resolve("dump-" + n + "-" + loop + ".bin");
    Run c = run(List.of(program.toString(), "--loop", loop, "--n", Integer.toString(n), "--check", Integer.toString(steps), "--dump", file.toString()));
    assertEquals(0, c.exitCode(), c.output());
    assertTrue(c.output().startsWith("checksum n=" + n + " steps=" + steps + " "), c.output());
    Dump dump = Dump.read(file, n);

    IonotropicInputs inputs = IonotropicInputs.seeded(n);
    assertArrayEquals(inputs.pre(), dump.pre(), "presynaptic wiring");
    assertArrayEquals(inputs.post(), dump.post(), "postsynaptic wiring");
    assertEquals(0, differingBits(inputs.voltages(), dump.voltages()), "voltages differing in their bits");

    IonotropicChecksum.Result java = IonotropicChecksum.run(n, steps);
    assertAgree("s", java.s(), dump.s());
    assertAgree("current", java.current(), dump.current());
    assertAgree("conductance", java.conductance(), dump.conductance());
  }

  @Test
  void theCBaselineRejectsBadArgumentsAsAUsageError() throws IOException, InterruptedException {
    for (List<String> arguments : List.of(List.of("--loop", "sideways", "--n", "10"), List.of("--loop", "one", "--n", "-3"), List.of("--loop", "one"), List.of("--n"))) {
      List<String> command = new ArrayList<>(List.of(program.toString()));
      command.addAll(arguments);
      Run c = run(command);
      assertEquals(2, c.exitCode(), arguments + ": " + c.output());
      assertTrue(c.output().contains("usage:"), c.output());
    }
  }

  private static void assertAgree(String what, double[] java, double[] c) {
    double largest = 0;
    for (double value : java) {
      largest = Math.max(largest, Math.abs(value));
    }
    for (int i = 0; i < java.length; i++) {
      double difference = Math.abs(java[i] - c[i]);
      if (!(difference <= RELATIVE_TOLERANCE * largest)) {
        throw new AssertionError(String.format("%s[%d]: Java %s, C %s, %.3g of the largest %s", what, i, java[i], c[i], difference / largest, what));
      }
    }
    int differing = differingBits(java, c);
    assertTrue(differing <= MOST_DIFFERING_SHARE * java.length, what + ": " + differing + " of " + java.length + " differ in their bits");
  }

  private static int differingBits(double[] expected, double[] actual) {
    assertEquals(expected.length, actual.length);
    int differing = 0;
    for (int i = 0; i < expected.length; i++) {
      if (Double.doubleToRawLongBits(expected[i]) != Double.doubleToRawLongBits(actual[i])) {
        differing++;
      }
    }
    return differing;
  }

  /** What ionotropic.c --dump writes: the inputs, then the results, N of each, little-endian. */
  private record Dump(int[] pre, int[] post, double[] voltages, double[] s, double[] current, double[] conductance) {
    static Dump read(Path file, int n) throws IOException {
      ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
      assertEquals((2L * 4 + 4L * 8) * n, bytes.capacity(), "bytes in " + file);
      return new Dump(ints(bytes, n), ints(bytes, n), doubles(bytes, n), doubles(bytes, n), doubles(bytes, n), doubles(bytes, n));
    }

    private static int[] ints(ByteBuffer bytes, int n) {
      int[] values = new int[n];
      for (int i = 0; i < n; i++) {
        values[i] = bytes.getInt();
      }
      return values;
    }

    private static double[] doubles(ByteBuffer bytes, int n) {
      double[] values = new double[n];
      for (int i = 0; i < n; i++) {
        values[i] = bytes.getDouble();
      }
      return values;
    }
  }

  private record Run(int exitCode, String output) {}

  private static Run run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not finish in 60 s");
    }
    return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }
}
