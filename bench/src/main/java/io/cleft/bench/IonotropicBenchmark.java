package io.cleft.bench;

import io.cleft.compiler.CodeMode;
import io.cleft.compiler.Compilation;
import io.cleft.compiler.GenerationOptions;
import io.cleft.compiler.Pipeline;
import io.cleft.compiler.interp.Interpreter;
import io.cleft.compiler.ir.IrProgram;
import io.cleft.compiler.load.InMemoryCompiler;
import io.cleft.compiler.optimize.MathMode;
import io.cleft.compiler.source.SourceFile;
import io.cleft.models.IonotropicSynapse;
import io.cleft.models.IonotropicSynapseShared;
import io.cleft.runtime.ParallelAdvance;
import io.cleft.runtime.Quantity;
import io.cleft.runtime.Synapse;
import io.cleft.runtime.SynapsePopulation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One simulation step of N ionotropic synapses in Jaxley's order (the states advance, then the
 * current of the new states and its derivative with respect to the postsynaptic voltage are
 * added into the compartments), six ways: the generated population's {@code advance}, as the
 * Maven plugin builds it and with fast math (compiled in memory); the same model by hand, as fast
 * as we could make it and as one plain loop; the Jaxley-compatible map interface of the generated
 * class; and the reference interpreter. Synapses read voltages through index arrays into N
 * compartments, in a fixed pseudo-random wiring shared by all six. Beside them, the library's
 * variant with every parameter but gS shared (IonotropicSynapseShared), whose population keeps one
 * array per synapse for gS and s instead of six: at N = 10^6, where the step is bound by memory
 * traffic, the ratio of the two is what shared parameters buy. And the generated population on
 * two threads (ParallelAdvance: the benchmark's thread and a pool's), on this random wiring (two
 * phases: per-synapse currents, then per-compartment sums) and on the same synapses sorted by
 * postsynaptic compartment (one phase), beside the one-threaded advance of each.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(3)
public class IonotropicBenchmark {
  private static final double DT = IonotropicInputs.DT;
  /** Jaxley's voltage step for the finite-difference derivative of the current (mV). */
  private static final double JAXLEY_DV = 1e-3;

  @Param({"1000", "100000", "1000000"})
  public int n;

  private double[] voltages;
  private double[] current;
  private double[] conductance;
  private SynapsePopulation generated;
  private SynapsePopulation generatedFastMath;
  private SynapsePopulation generatedSimd;
  private SynapsePopulation generatedSimdFastMath;
  private SynapsePopulation generatedShared;
  private HandWrittenIonotropic handWritten;
  private Synapse mapSynapse;
  private List<Map<String, Double>> mapStates;
  private Map<String, Double> mapParameters;
  private int[] pre;
  private int[] post;
  private Interpreter interpreter;
  private double[][] interpretedStates;
  private double[] parameters;
  private ExecutorService pool;
  private ParallelAdvance generatedOnTwoThreads;
  private SynapsePopulation generatedSorted;
  private ParallelAdvance generatedSortedOnTwoThreads;
  private SynapsePopulation generatedSharedSorted;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    // The C baseline (bench/c/ionotropic.c) draws the same wiring and voltages.
    IonotropicInputs inputs = IonotropicInputs.seeded(n);
    pre = inputs.pre();
    post = inputs.post();
    voltages = inputs.voltages();
    current = new double[n];
    conductance = new double[n];
    generated = new IonotropicSynapse().newPopulation(pre, post);
    generatedShared = new IonotropicSynapseShared().newPopulation(pre, post);
    handWritten = new HandWrittenIonotropic(pre, post);

    mapSynapse = new IonotropicSynapse();
    mapParameters = mapSynapse.defaultParameters();
    mapStates = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      mapStates.add(mapSynapse.defaultStates());
    }

    IrProgram program = program();
    generatedFastMath =
        InMemoryCompiler.load(Pipeline.generate(program, new GenerationOptions(new CodeMode(MathMode.FAST, false), "io.cleft.bench.fast")))
            .newPopulation(pre, post);
    generatedSimd =
        InMemoryCompiler.load(Pipeline.generate(program, new GenerationOptions(new CodeMode(MathMode.IEEE, true), "io.cleft.bench.simd")))
            .newPopulation(pre, post);
    generatedSimdFastMath =
        InMemoryCompiler.load(Pipeline.generate(program, new GenerationOptions(new CodeMode(MathMode.FAST, true), "io.cleft.bench.simdfast")))
            .newPopulation(pre, post);
    interpreter = new Interpreter(program);
    pool = Executors.newFixedThreadPool(2);
    generatedOnTwoThreads = new ParallelAdvance(new IonotropicSynapse().newPopulation(pre, post), 2);
    int[] byCompartment = ParallelAdvance.orderByCompartment(post);
    int[] sortedPre = ParallelAdvance.permuted(pre, byCompartment);
    int[] sortedPost = ParallelAdvance.permuted(post, byCompartment);
    generatedSorted = new IonotropicSynapse().newPopulation(sortedPre, sortedPost);
    generatedSortedOnTwoThreads = new ParallelAdvance(new IonotropicSynapse().newPopulation(sortedPre, sortedPost), 2);
    generatedSharedSorted = new IonotropicSynapseShared().newPopulation(sortedPre, sortedPost);
    List<Quantity> declared = mapSynapse.metadata().parameters();
    parameters = declared.stream().mapToDouble(Quantity::defaultValue).toArray();
    interpretedStates = new double[n][];
    for (int i = 0; i < n; i++) {
      interpretedStates[i] = new double[] {0.2};
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    pool.shutdownNow();
  }

  static IrProgram program() throws IOException {
    try (InputStream in = IonotropicBenchmark.class.getResourceAsStream("/IonotropicSynapse.syn")) {
      if (in == null) {
        throw new IOException("IonotropicSynapse.syn is not on the class path");
      }
      Compilation compilation =
          Pipeline.compile(new SourceFile("IonotropicSynapse.syn", new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      return compilation.program().orElseThrow(() -> new IOException(compilation.diagnostics().toString()));
    }
  }

  @Benchmark
  public void generatedPopulation(Blackhole hole) {
    generated.advance(DT, voltages, current, conductance);
    hole.consume(current);
  }

  /** generatedPopulation on two threads: per-synapse currents, then per-compartment sums. */
  @Benchmark
  public void generatedTwoThreads(Blackhole hole) {
    generatedOnTwoThreads.advance(DT, voltages, current, conductance, pool);
    hole.consume(current);
  }

  /** The same synapses sorted by postsynaptic compartment, on one thread. */
  @Benchmark
  public void generatedSortedWiring(Blackhole hole) {
    generatedSorted.advance(DT, voltages, current, conductance);
    hole.consume(current);
  }

  /**
   * Shared parameters on the sorted wiring: with the postsynaptic reads and writes in order, the
   * parameter arrays are a larger part of the bytes a step moves than with random wiring.
   */
  @Benchmark
  public void generatedSharedSortedWiring(Blackhole hole) {
    generatedSharedSorted.advance(DT, voltages, current, conductance);
    hole.consume(current);
  }

  /** The sorted synapses on two threads, each adding into compartments of its own. */
  @Benchmark
  public void generatedSortedWiringTwoThreads(Blackhole hole) {
    generatedSortedOnTwoThreads.advance(DT, voltages, current, conductance, pool);
    hole.consume(current);
  }

  /** The same model with e_syn, k_minus, v_th and delta shared: four arrays per synapse fewer, same defaults. */
  @Benchmark
  public void generatedSharedParameters(Blackhole hole) {
    generatedShared.advance(DT, voltages, current, conductance);
    hole.consume(current);
  }

  /** The same model generated with --fast-math (two divisions per step instead of four). */
  @Benchmark
  public void generatedFastMath(Blackhole hole) {
    generatedFastMath.advance(DT, voltages, current, conductance);
    hole.consume(current);
  }

  /**
   * The same model generated with --simd: the strips' safe_exp calls go to ArrayMath's kernels,
   * which run in the Vector API's lanes in these forks (and only these: the other rows' forks
   * are started without the incubator module).
   */
  @Benchmark
  @Fork(value = 3, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
  public void generatedSimd(Blackhole hole) {
    generatedSimd.advance(DT, voltages, current, conductance);
    hole.consume(current);
  }

  /** --simd with --fast-math: the vector kernels and two divisions per step instead of four. */
  @Benchmark
  @Fork(value = 3, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
  public void generatedSimdFastMath(Blackhole hole) {
    generatedSimdFastMath.advance(DT, voltages, current, conductance);
    hole.consume(current);
  }

  @Benchmark
  public void handWritten(Blackhole hole) {
    handWritten.advance(DT, voltages, current, conductance);
    hole.consume(current);
  }

  @Benchmark
  public void handWrittenOneLoop(Blackhole hole) {
    handWritten.advanceInOneLoop(DT, voltages, current, conductance);
    hole.consume(current);
  }

  /** As Jaxley uses a synapse: the derivative by a second current 1e-3 mV higher. */
  @Benchmark
  public void mapInterface(Blackhole hole) {
    for (int i = 0; i < n; i++) {
      double vPre = voltages[pre[i]];
      double vPost = voltages[post[i]];
      Map<String, Double> states = mapSynapse.updateStates(mapStates.get(i), DT, vPre, vPost, mapParameters);
      mapStates.set(i, states);
      double i0 = mapSynapse.computeCurrent(states, vPre, vPost, mapParameters);
      double i1 = mapSynapse.computeCurrent(states, vPre, vPost + JAXLEY_DV, mapParameters);
      current[post[i]] += i0;
      conductance[post[i]] += (i1 - i0) / JAXLEY_DV;
    }
    hole.consume(current);
  }

  /** The interpreter's arrays for one synapse's states are reused, so no state is garbage. */
  @Benchmark
  public void interpreter(Blackhole hole) {
    for (int i = 0; i < n; i++) {
      double vPre = voltages[pre[i]];
      double vPost = voltages[post[i]];
      double[] states = interpretedStates[i];
      double[] next = interpreter.update(parameters, states, DT, vPre, vPost);
      System.arraycopy(next, 0, states, 0, next.length);
      double[] terms = interpreter.currentTerms(parameters, states, vPre, vPost);
      current[post[i]] += terms[IrProgram.CURRENT];
      conductance[post[i]] += terms[IrProgram.CONDUCTANCE];
    }
    hole.consume(current);
  }
}
