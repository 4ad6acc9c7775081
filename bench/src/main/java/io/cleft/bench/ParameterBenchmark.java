package io.cleft.bench;

import io.cleft.compiler.Compilation;
import io.cleft.compiler.GenerationOptions;
import io.cleft.compiler.Pipeline;
import io.cleft.compiler.load.InMemoryCompiler;
import io.cleft.compiler.source.SourceFile;
import io.cleft.models.IonotropicSynapse;
import io.cleft.runtime.ParameterArray;
import io.cleft.runtime.SynapsePopulation;
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
 * What writing parameters through a population's {@link ParameterArray} views costs, and what
 * the step after it costs: for the ionotropic synapse, which keeps nothing computed from its
 * parameters (a write is a range check and a store), and for an exponential synapse, which keeps
 * {@code exp(-dt / tau)} per synapse (a write of {@code tau} computes that synapse's factor again,
 * one exp; a write to all marks the factors stale, and the next step computes all of them).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(3)
public class ParameterBenchmark {
  private static final double DT = 0.025;

  /**
   * An exponential synapse that relaxes to 0.9 or 0.1 with the presynaptic voltage: a factor
   * {@code exp(-dt / tau)} kept per synapse and time step. (It relaxes to no zero: a state that
   * decays to zero step after step becomes subnormal, and subnormal arithmetic is many times
   * slower, which would be measured instead.)
   */
  private static final String RELAXING =
      """
      synapse RelaxingSynapse {
        parameters {
          g     = 1e-3 uS  in [0, inf]
          tau   = 2    ms  in [0, inf]
          e_syn = 0    mV
          v_th  = -20  mV
        }
        states {
          r = 0.5
        }
        update {
          r_inf = if v_pre > v_th then 0.9 else 0.1
          r' = (r_inf - r) / tau  using exponential_euler
        }
        current = g * r * (v_post - e_syn)
      }
      """;

  @Param({"1000", "100000"})
  public int n;

  private double[] voltages;
  private double[] current;
  private double[] conductance;
  private SynapsePopulation ionotropic;
  private ParameterArray ionotropicDelta;
  private SynapsePopulation exponential;
  private ParameterArray exponentialTau;
  private double[] taus;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom random = new SplittableRandom(42);
    int[] pre = random.ints(n, 0, n).toArray();
    int[] post = random.ints(n, 0, n).toArray();
    voltages = random.doubles(n, -80, 40).toArray();
    current = new double[n];
    conductance = new double[n];
    ionotropic = new IonotropicSynapse().newPopulation(pre, post);
    ionotropicDelta = ionotropic.parameter("delta");
    Compilation compilation = Pipeline.compile(new SourceFile("RelaxingSynapse.syn", RELAXING));
    exponential =
        InMemoryCompiler.load(Pipeline.generate(compilation.program().orElseThrow(), GenerationOptions.inPackage("io.cleft.bench.relaxing")))
            .newPopulation(pre, post);
    exponentialTau = exponential.parameter("tau");
    taus = random.doubles(n, 1, 3).toArray();
    // Computes the decay factors for DT, so that a write of one tau computes its factor again
    // rather than finding them stale.
    exponential.advance(DT, voltages, current, conductance);
  }

  /** The synapse the next single write goes to: every one in turn, so none stays in a register. */
  private int nextSynapse() {
    int i = next;
    next = i + 1 == n ? 0 : i + 1;
    return i;
  }

  /** One write of one synapse's parameter, in a model that keeps nothing of it. */
  @Benchmark
  public void setOneIonotropic() {
    int i = nextSynapse();
    ionotropicDelta.set(i, 10 + (i & 7));
  }

  /** One write of one synapse's tau: its decay factor is computed again (an exp). */
  @Benchmark
  public void setOneExponential() {
    int i = nextSynapse();
    exponentialTau.set(i, taus[i]);
  }

  /** A step alone, for comparison with the next two. */
  @Benchmark
  public void advanceExponential(Blackhole hole) {
    exponential.advance(DT, voltages, current, conductance);
    hole.consume(current);
  }

  /** One synapse's tau changes between steps: the step costs what it costs without a write. */
  @Benchmark
  public void setOneThenAdvanceExponential(Blackhole hole) {
    int i = nextSynapse();
    exponentialTau.set(i, taus[i]);
    exponential.advance(DT, voltages, current, conductance);
    hole.consume(current);
  }

  /** Every tau changes between steps: the step computes every decay factor again. */
  @Benchmark
  public void setAllThenAdvanceExponential(Blackhole hole) {
    exponentialTau.setAll(taus);
    exponential.advance(DT, voltages, current, conductance);
    hole.consume(current);
  }
}
