package io.cleft.bench;

import io.cleft.compiler.CodeMode;
import io.cleft.compiler.GenerationOptions;
import io.cleft.compiler.Pipeline;
import io.cleft.compiler.ir.IrProgram;
import io.cleft.compiler.load.InMemoryCompiler;
import io.cleft.compiler.optimize.MathMode;
import io.cleft.runtime.SynapsePopulation;
import io.cleft.runtime.vector.ArrayMath;
import io.cleft.runtime.vector.KernelWarmUp;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the SIMD step's time goes: the generated SIMD population of the ionotropic synapse, and
 * copies of its source with one part of the step taken out or made cheap, timed in turns in one
 * JVM (docs/BENCHMARKS.md, "Where the SIMD step's time goes"). Only the step "as generated" does
 * the benchmark's work; every other variant computes something else and exists to be timed: the
 * time it saves is what that part costs.
 *
 * <p>Variants are textual edits of the generated source; each edit must match, so a change of
 * the emitter's output fails here loudly instead of timing the wrong thing. Every variant runs
 * {@code --rounds} times in turn for {@code --millis} each (after a warm-up of all of them), and
 * the median of its rounds is printed, so slow drift of a shared machine hits all variants alike.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar
 * io.cleft.bench.SimdAblation [--n 1000,100000,1000000] [--rounds 9] [--millis 300]}.
 */
public final class SimdAblation {
  private static final double DT = IonotropicInputs.DT;

  /** One copy of the generated source: its name, and the edits (literal text: its replacement). */
  record Variant(String name, Map<String, String> edits) {}

  static final List<Variant> VARIANTS = List.of(
      new Variant("as generated", Map.of()),
      new Variant("no scatter", Map.of(
          "current[post] += strip.current[j];\n            conductance[post] += strip.conductance[j];",
          "")),
      new Variant("gathers read in order", Map.of(
          "strip.vPre[j] = voltages[preIndex[start + j]];", "strip.vPre[j] = voltages[start + j];",
          "strip.vPost[j] = voltages[postIndex[start + j]];", "strip.vPost[j] = voltages[start + j];")),
      new Variant("exp kernels as copies", Map.of(
          "ArrayMath.safeExp(strip.s_inf_safe_exp_arg, strip.s_inf_safe_exp, count);",
          "System.arraycopy(strip.s_inf_safe_exp_arg, 0, strip.s_inf_safe_exp, 0, count);",
          "ArrayMath.safeExp(strip.exp_term_safe_exp_arg, strip.exp_term, count);",
          "System.arraycopy(strip.exp_term_safe_exp_arg, 0, strip.exp_term, 0, count);")),
      new Variant("divisions as multiplications", Map.of(
          "strip.s_inf_safe_exp_arg[j] = (v_th - vPre) / delta;", "strip.s_inf_safe_exp_arg[j] = (v_th - vPre) * delta;",
          "double s_inf = 1.0 / (1.0 + s_inf_safe_exp);\n          strip.s_inf[j] = s_inf;",
          "double s_inf = 0.5 * (1.0 + s_inf_safe_exp);\n          strip.s_inf[j] = s_inf;",
          "double tau_s = (1.0 - s_inf) / k_minus;\n          // IonotropicSynapse.syn:29",
          "double tau_s = (1.0 - s_inf) * k_minus;\n          // IonotropicSynapse.syn:29",
          "double slope = -1.0 / tau_s;\n          // IonotropicSynapse.syn:30",
          "double slope = -1.0 * tau_s;\n          // IonotropicSynapse.syn:30")),
      new Variant("parameters not staged", Map.of(
          "System.arraycopy(this.v_th, start, strip.v_th, 0, count);", "",
          "System.arraycopy(this.delta, start, strip.delta, 0, count);", "",
          "System.arraycopy(this.k_minus, start, strip.k_minus, 0, count);", "",
          "System.arraycopy(this.gS, start, strip.gS, 0, count);", "",
          "System.arraycopy(this.e_syn, start, strip.e_syn, 0, count);", "")));

  private SimdAblation() {}

  public static void main(String[] args) throws IOException {
    int[] sizes = {1_000, 100_000, 1_000_000};
    int rounds = 9;
    int millis = 300;
    for (int a = 0; a + 1 < args.length; a += 2) {
      switch (args[a]) {
        case "--n":
          sizes = Arrays.stream(args[a + 1].split(",")).mapToInt(Integer::parseInt).toArray();
          break;
        case "--rounds":
          rounds = Integer.parseInt(args[a + 1]);
          break;
        case "--millis":
          millis = Integer.parseInt(args[a + 1]);
          break;
        default:
          throw new IllegalArgumentException("unknown option " + args[a]);
      }
    }
    if (!ArrayMath.vectorized()) {
      System.err.println("SimdAblation: run with --add-modules jdk.incubator.vector; the kernels are scalar here");
    }
    KernelWarmUp.compileEveryKernel();
    List<String> sources = sources(IonotropicBenchmark.program());
    System.out.printf(Locale.ROOT, "SIMD step of IonotropicSynapse, microseconds per step (median of %d rounds of %d ms)%n", rounds, millis);
    for (int n : sizes) {
      double[] medians = time(sources, n, rounds, millis);
      System.out.printf(Locale.ROOT, "N = %,d%n", n);
      for (int v = 0; v < VARIANTS.size(); v++) {
        System.out.printf(Locale.ROOT, "  %-30s %,12.1f  (%+.0f%%)%n",
            VARIANTS.get(v).name(), medians[v], 100 * (medians[v] / medians[0] - 1));
      }
    }
  }

  /** The SIMD source of every variant, each in a package of its own. */
  static List<String> sources(IrProgram program) {
    String generated = Pipeline.generate(program, new GenerationOptions(new CodeMode(MathMode.IEEE, true), "ablation")).toString();
    List<String> sources = new ArrayList<>();
    for (int v = 0; v < VARIANTS.size(); v++) {
      String source = generated.replace("package ablation;", "package ablation.v" + v + ";");
      for (Map.Entry<String, String> edit : VARIANTS.get(v).edits().entrySet()) {
        if (!source.contains(edit.getKey())) {
          throw new IllegalStateException("the generated SIMD source has changed: \"" + edit.getKey()
              + "\" (variant " + VARIANTS.get(v).name() + ") is not in it; update SimdAblation");
        }
        source = source.replace(edit.getKey(), edit.getValue());
      }
      sources.add(source);
    }
    return sources;
  }

  private static double[] time(List<String> sources, int n, int rounds, int millis) {
    IonotropicInputs inputs = IonotropicInputs.seeded(n);
    List<SynapsePopulation> populations = new ArrayList<>();
    for (int v = 0; v < sources.size(); v++) {
      String className = "ablation.v" + v + ".IonotropicSynapse";
      populations.add(InMemoryCompiler.load(className, sources.get(v)).newPopulation(inputs.pre(), inputs.post()));
    }
    double[] current = new double[n];
    double[] conductance = new double[n];
    for (SynapsePopulation population : populations) {
      run(population, inputs.voltages(), current, conductance, 4L * millis); // the JIT's warm-up
    }
    double[][] perStep = new double[populations.size()][rounds];
    for (int r = 0; r < rounds; r++) {
      for (int v = 0; v < populations.size(); v++) {
        perStep[v][r] = run(populations.get(v), inputs.voltages(), current, conductance, millis);
      }
    }
    double[] medians = new double[populations.size()];
    for (int v = 0; v < medians.length; v++) {
      Arrays.sort(perStep[v]);
      medians[v] = perStep[v][rounds / 2];
    }
    return medians;
  }

  /** Steps for about {@code millis}; returns microseconds per step. */
  private static double run(SynapsePopulation population, double[] voltages, double[] current, double[] conductance, long millis) {
    long start = System.nanoTime();
    long stop = start + millis * 1_000_000L;
    long steps = 0;
    long now;
    do {
      population.advance(DT, voltages, current, conductance);
      steps++;
    } while ((now = System.nanoTime()) < stop);
    return (now - start) / 1e3 / steps;
  }
}
