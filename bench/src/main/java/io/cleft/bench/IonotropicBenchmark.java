package io.cleft.bench;

import io.cleft.compiler.Compilation;
import io.cleft.compiler.Pipeline;
import io.cleft.compiler.interp.Interpreter;
import io.cleft.compiler.source.SourceFile;
import io.cleft.models.IonotropicSynapse;
import io.cleft.runtime.Quantity;
import io.cleft.runtime.Synapse;
import io.cleft.runtime.SynapsePopulation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One simulation step of N ionotropic synapses (current pass, then state update) four ways:
 * the generated population, the same model by hand, the Jaxley-compatible map interface of the
 * generated class, and the reference interpreter. Synapses read voltages through index arrays
 * into N compartments, in a fixed pseudo-random wiring shared by all four.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class IonotropicBenchmark {
  private static final double DT = 0.025;

  @Param({"1000", "100000", "1000000"})
  public int n;

  private double[] voltages;
  private double[] current;
  private double[] conductance;
  private SynapsePopulation generated;
  private HandWrittenIonotropic handWritten;
  private Synapse mapSynapse;
  private List<Map<String, Double>> mapStates;
  private Map<String, Double> mapParameters;
  private int[] pre;
  private int[] post;
  private Interpreter interpreter;
  private double[][] interpretedStates;
  private double[] parameters;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    SplittableRandom random = new SplittableRandom(42);
    pre = new int[n];
    post = new int[n];
    voltages = new double[n];
    for (int i = 0; i < n; i++) {
      pre[i] = random.nextInt(n);
      post[i] = random.nextInt(n);
      voltages[i] = random.nextDouble(-80, 40);
    }
    current = new double[n];
    conductance = new double[n];
    generated = new IonotropicSynapse().newPopulation(pre, post);
    handWritten = new HandWrittenIonotropic(pre, post);

    mapSynapse = new IonotropicSynapse();
    mapParameters = mapSynapse.defaultParameters();
    mapStates = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      mapStates.add(new HashMap<>(mapSynapse.defaultStates()));
    }

    interpreter = new Interpreter(program());
    List<Quantity> declared = mapSynapse.metadata().parameters();
    parameters = declared.stream().mapToDouble(Quantity::defaultValue).toArray();
    interpretedStates = new double[n][];
    for (int i = 0; i < n; i++) {
      interpretedStates[i] = new double[] {0.2};
    }
  }

  private static io.cleft.compiler.ir.IrProgram program() throws IOException {
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
    generated.addCurrents(voltages, current, conductance);
    generated.step(DT, voltages);
    hole.consume(current);
  }

  @Benchmark
  public void handWritten(Blackhole hole) {
    handWritten.addCurrents(voltages, current, conductance);
    handWritten.step(DT, voltages);
    hole.consume(current);
  }

  @Benchmark
  public void mapInterface(Blackhole hole) {
    for (int i = 0; i < n; i++) {
      Map<String, Double> states = mapStates.get(i);
      current[post[i]] += mapSynapse.computeCurrent(states, voltages[pre[i]], voltages[post[i]], mapParameters);
      mapStates.set(i, mapSynapse.updateStates(states, DT, voltages[pre[i]], voltages[post[i]], mapParameters));
    }
    hole.consume(current);
  }

  @Benchmark
  public void interpreter(Blackhole hole) {
    for (int i = 0; i < n; i++) {
      double[] states = interpretedStates[i];
      current[post[i]] += interpreter.current(parameters, states, voltages[pre[i]], voltages[post[i]]);
      conductance[post[i]] += interpreter.conductance(parameters, states, voltages[pre[i]], voltages[post[i]]);
      interpretedStates[i] = interpreter.update(parameters, states, DT, voltages[pre[i]], voltages[post[i]]);
    }
    hole.consume(current);
  }
}
