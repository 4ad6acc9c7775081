package io.cleft.compiler.emit;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.JavaFile;
import io.cleft.compiler.Compilation;
import io.cleft.compiler.ModelSources;
import io.cleft.compiler.Pipeline;
import io.cleft.compiler.ir.IrProgram;
import io.cleft.compiler.load.InMemoryCompiler;
import io.cleft.compiler.optimize.Optimizer;
import io.cleft.compiler.source.SourceFile;
import io.cleft.runtime.ArraySynapse;
import io.cleft.runtime.Synapse;
import io.cleft.runtime.SynapsePopulation;
import io.cleft.runtime.vector.ArrayMath;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SIMD mode's staging of a strip (StripStaging): its arithmetic phases index no population
 * array, so that C2 vectorises them, and the strip computes what it computed before. Staging
 * changes no arithmetic, so on a model without calls (where SIMD mode's kernels would differ)
 * a SIMD-mode population is the same bits as the default mode's.
 */
class StripStagingTest {
  private static final Pattern STRIP_LOOP = Pattern.compile("for \\(int j = 0; j < count; j\\+\\+\\) \\{");

  static List<String> models() {
    return ModelSources.names();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void noArithmeticPhaseOfSimdModeIndexesAPopulationArray(String model) {
    String simd = JavaEmitter.emit(Optimizer.optimize(ModelSources.program(model)), "io.cleft.models", true).toString();
    List<String> phases = arithmeticPhases(simd);
    assertFalse(phases.isEmpty(), "a population has arithmetic phases");
    for (String phase : phases) {
      assertFalse(phase.contains("this."), () -> "reads a population array:\n" + phase);
      assertFalse(phase.contains("start + j"), () -> "indexes by start + j:\n" + phase);
    }
  }

  @Test
  void defaultModeStillIndexesThePopulationArrays() {
    String plain = JavaEmitter.emit(Optimizer.optimize(ModelSources.program("IonotropicSynapse")), "io.cleft.models", false).toString();
    assertFalse(plain.contains("System.arraycopy(this."), plain);
    assertTrue(plain.contains("this.s[i] = s * exp_term + s_inf * (1.0 - exp_term);"), plain);
  }

  @Test
  void aStateIsCopiedBackOnceAfterTheLastPhaseThatWritesIt() {
    String simd = JavaEmitter.emit(Optimizer.optimize(ModelSources.program("IonotropicSynapse")), "io.cleft.models", true).toString();
    String advance = simd.substring(simd.indexOf("private void advanceStrips("));
    String copyBack = "System.arraycopy(strip.s, 0, this.s, start, count);";
    int back = advance.indexOf(copyBack);
    assertTrue(back > advance.indexOf("strip.current[j] = t0 * (vPost - e_syn);"), "after the current, which reads the new s");
    assertTrue(back < advance.indexOf("if (checked)"), "before the checked-mode check, which reads the state arrays");
    assertEquals(1, count(advance.substring(0, advance.indexOf("if (synapseCurrent == null)")), copyBack));
    // s is copied in once, for the update: the current reads the buffer the update wrote.
    assertEquals(1, count(advance.substring(0, back), "System.arraycopy(this.s, start, strip.s, 0, count);"));
  }

  /**
   * A model without calls, whose update reads a state after another is written, keeps a state
   * it never changes and whose current reads the new states and more parameters than are
   * staged: SIMD mode's step, addCurrents and advance are the same bits as the default mode's,
   * over several strips, with checked mode on and off.
   */
  @Test
  void stagedPopulationComputesTheSameBitsAsTheDefaultMode() {
    IrProgram program = program(withParameters(StripStaging.MOST_BUFFERS + 6));
    Synapse plain = InMemoryCompiler.load(JavaEmitter.emit(Optimizer.optimize(program), "io.cleft.staging.plain", false));
    Synapse simd = InMemoryCompiler.load(JavaEmitter.emit(Optimizer.optimize(program), "io.cleft.staging.simd", true));
    int n = 3 * PopulationEmitter.SYNAPSES_PER_STRIP + 17;
    int compartments = 41;
    SplittableRandom random = new SplittableRandom(20261201L);
    int[] pre = random.ints(n, 0, compartments).toArray();
    int[] post = random.ints(n, 0, compartments).toArray();
    SynapsePopulation expected = plain.newPopulation(pre, post);
    SynapsePopulation actual = simd.newPopulation(pre, post);
    for (SynapsePopulation population : List.of(expected, actual)) {
      population.initialize();
    }
    for (int step = 0; step < 6; step++) {
      boolean checked = step % 2 == 1;
      expected.checked(checked);
      actual.checked(checked);
      double[] voltages = random.doubles(compartments, -90, 40).toArray();
      double[][] sums = new double[4][compartments];
      if (step % 3 == 0) {
        expected.advance(step, 0.025, voltages, sums[0], sums[1]);
        actual.advance(step, 0.025, voltages, sums[2], sums[3]);
      } else {
        expected.step(step, 0.025, voltages);
        actual.step(step, 0.025, voltages);
        expected.addCurrents(step, voltages, sums[0], sums[1]);
        actual.addCurrents(step, voltages, sums[2], sums[3]);
      }
      for (String state : List.of("s", "r", "kept")) {
        assertArrayEquals(expected.state(state), actual.state(state), state + " after step " + step);
      }
      assertArrayEquals(sums[0], sums[2], "current after step " + step);
      assertArrayEquals(sums[1], sums[3], "conductance after step " + step);
    }
  }

  @Test
  void atMostTheBoundOfArraysIsStagedAndTheRestIsIndexedAsBefore() {
    String simd = JavaEmitter.emit(Optimizer.optimize(program(withParameters(StripStaging.MOST_BUFFERS + 6))), "io.cleft.staging", true)
        .toString();
    // advance's phases read every array staged, and more.
    String advance = simd.substring(simd.indexOf("private void advanceStrips("));
    assertEquals(StripStaging.MOST_BUFFERS, count(advance, "System.arraycopy(this."));
    assertTrue(advance.contains("int i = start + j;"), "the arrays past the bound are read at i");
  }

  @Test
  void stagedSimdSourcesCompileLintClean() {
    JavaFile ionotropic = JavaEmitter.emit(Optimizer.optimize(ModelSources.program("IonotropicSynapse")), "io.cleft.models", true);
    JavaFile bounded = JavaEmitter.emit(Optimizer.optimize(program(withParameters(StripStaging.MOST_BUFFERS + 6))), "io.cleft.staging", true);
    for (JavaFile file : List.of(ionotropic, bounded)) {
      com.google.testing.compile.Compilation compiled =
          javac()
              .withOptions("--release", "17", "-Xlint:all", "-Werror")
              .withClasspath(List.of(location(ArraySynapse.class), location(ArrayMath.class)))
              .compile(file.toJavaFileObject());
      assertThat(compiled).succeededWithoutWarnings();
    }
  }

  /**
   * Parameters p0.. each read by the current; an update that writes s from r, then r from the
   * new s (so the last phase reads a state another result writes), and never changes kept.
   */
  static String withParameters(int parameters) {
    StringBuilder model = new StringBuilder("synapse Staged {\n  parameters {\n");
    for (int p = 0; p < parameters; p++) {
      model.append("    p").append(p).append(" = ").append(p).append(".25 uS\n");
    }
    model.append("    k = 0.5\n  }\n  states {\n    s = 0.5\n    r = 0.25\n    kept = 2\n  }\n  update {\n");
    model.append("    s = s * k + r * (1 - k) + v_pre / 100 [mV]\n");
    model.append("    r = r * 0.5 + s * 0.5\n  }\n  current = (");
    model.append(java.util.stream.IntStream.range(0, parameters).mapToObj(p -> "p" + p).collect(Collectors.joining(" + ")));
    return model.append(") * s * r * kept * (v_post - 10 [mV])\n}\n").toString();
  }

  private static IrProgram program(String source) {
    Compilation compilation = Pipeline.compile(new SourceFile("Staged.syn", source));
    return compilation.program().orElseThrow(() -> new AssertionError(compilation.diagnostics().toString()));
  }

  /**
   * The bodies of the strip loops that are arithmetic phases: not the gathers and the scatter
   * (which index the synapses' compartments by design) and not the loops of calls.
   */
  private static List<String> arithmeticPhases(String source) {
    List<String> phases = new ArrayList<>();
    List<String> lines = source.lines().toList();
    for (int l = 0; l < lines.size(); l++) {
      if (!STRIP_LOOP.matcher(lines.get(l)).find()) {
        continue;
      }
      // The generated code is formatted: the loop ends at the brace indented as its for.
      String end = lines.get(l).substring(0, lines.get(l).indexOf("for")) + "}";
      StringBuilder text = new StringBuilder();
      int at = l + 1;
      while (!lines.get(at).equals(end)) {
        text.append(lines.get(at++)).append('\n');
      }
      String body = text.toString();
      boolean gatherOrScatter = body.contains("Index[start + j]");
      boolean calls = body.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("//")).allMatch(line -> line.contains("CleftMath."));
      if (!gatherOrScatter && !calls) {
        phases.add(body);
      }
    }
    return phases;
  }

  private static int count(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }

  private static File location(Class<?> type) {
    return new File(type.getProtectionDomain().getCodeSource().getLocation().getPath());
  }
}
