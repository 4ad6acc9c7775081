package io.cleft.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.cleft.compiler.GeneratedAgreement;
import io.cleft.compiler.ModelSources;
import io.cleft.compiler.interp.Interpreter;
import io.cleft.compiler.ir.IrProgram;
import io.cleft.compiler.load.InMemoryCompiler;
import io.cleft.compiler.optimize.Optimizer;
import io.cleft.runtime.Synapse;
import io.cleft.runtime.SynapseMetadata;
import io.cleft.runtime.SynapsePopulation;
import io.cleft.runtime.vector.ArrayMath;
import io.cleft.runtime.vector.KernelWarmUp;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model's population generated in SIMD mode against the reference interpreter, within
 * SIMD mode's bound (docs/GENERATED-CODE.md, "SIMD mode"): after one {@code advance}, each state
 * and each compartment's current and conductance within {@link #RELATIVE} of the interpreter's
 * value, relative to the largest magnitude of the terms it is made of ({@link #scale}); the same
 * NaNs and infinities. Inputs are GeneratedCodeTest's random draws (with the safe_exp clip and
 * extreme voltages) plus voltages of ±1e3 mV. The population is run until the JIT has compiled
 * the kernels, so that the Vector API's SVML routines are what is tested, not its fallback.
 */
class SimdPopulationTest {
  /** The bound: 2^-40, about 1e-12, as Jaxley's references are checked to. */
  static final double RELATIVE = 0x1p-40;

  private static final int N = 2048;
  private static final int WARM_UP_STEPS = 60;

  static List<String> models() {
    return ModelSources.names();
  }

  /**
   * The kernels compiled by C2 before any model runs: cold, the Vector API's fallback gives
   * Math's bits, and the bound would be tested on them.
   */
  @BeforeAll
  static void compileTheKernels() {
    KernelWarmUp.compileEveryKernel();
  }

  @Test
  void theseTestsRunTheVectorKernels() {
    assertTrue(ArrayMath.vectorized(), "surefire adds jdk.incubator.vector for the compiler's tests");
    if ("amd64".equals(System.getProperty("os.arch"))) {
      assertTrue(KernelWarmUp.differsFromMath(), "the kernels still run the Vector API's fallback");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void simdPopulationIsWithinTheBoundOfTheInterpreter(String model) {
    IrProgram program = ModelSources.program(model);
    Interpreter interpreter = new Interpreter(program);
    Synapse synapse = InMemoryCompiler.load(JavaEmitter.emit(Optimizer.optimize(program), "io.cleft.models", true));
    SynapseMetadata metadata = synapse.metadata();
    SplittableRandom random = new SplittableRandom(20261201L);
    int compartments = N / 3 + 1;
    int[] pre = new int[N];
    int[] post = new int[N];
    GeneratedCodeTest.Inputs[] inputs = new GeneratedCodeTest.Inputs[N];
    for (int i = 0; i < N; i++) {
      pre[i] = random.nextInt(compartments);
      post[i] = random.nextInt(compartments);
      inputs[i] = GeneratedCodeTest.Inputs.draw(metadata, random);
      GeneratedAgreement.shareWithFirst(metadata, inputs[i].parameters(), inputs[0].parameters());
    }
    double[] voltages = random.doubles(compartments, -90, 90).toArray();
    for (int c = 0; c < compartments; c += 17) {
      voltages[c] = random.nextBoolean() ? 1e3 : -1e3;
    }
    double dt = 0.025;

    SynapsePopulation warm = population(synapse, pre, post, inputs);
    for (int step = 0; step < WARM_UP_STEPS; step++) {
      warm.advance(dt, voltages, new double[compartments], new double[compartments]);
    }

    SynapsePopulation population = population(synapse, pre, post, inputs);
    double[] current = new double[compartments];
    double[] conductance = new double[compartments];
    population.advance(dt, voltages, current, conductance);
    double[] expectedCurrent = new double[compartments];
    double[] expectedConductance = new double[compartments];
    double[] currentScale = new double[compartments];
    double[] conductanceScale = new double[compartments];
    for (int i = 0; i < N; i++) {
      GeneratedCodeTest.Inputs in = inputs[i];
      double vPre = voltages[pre[i]];
      double vPost = voltages[post[i]];
      double[] next = interpreter.update(in.parameters(), in.states(), dt, vPre, vPost);
      for (int s = 0; s < next.length; s++) {
        String name = metadata.states().get(s).name();
        double scale = scale(next[s], in.states()[s]);
        assertWithin(next[s], population.state(name)[i], scale, model, "synapse " + i + " " + name + " for " + in + ", v " + vPre + ", " + vPost);
      }
      double[] terms = interpreter.currentTerms(in.parameters(), next, vPre, vPost);
      expectedCurrent[post[i]] += terms[IrProgram.CURRENT];
      expectedConductance[post[i]] += terms[IrProgram.CONDUCTANCE];
      currentScale[post[i]] = Math.max(currentScale[post[i]], Math.abs(terms[IrProgram.CURRENT]));
      conductanceScale[post[i]] = Math.max(conductanceScale[post[i]], Math.abs(terms[IrProgram.CONDUCTANCE]));
    }
    for (int c = 0; c < compartments; c++) {
      assertWithin(expectedCurrent[c], current[c], currentScale[c], model, "current into compartment " + c);
      assertWithin(expectedConductance[c], conductance[c], conductanceScale[c], model, "conductance into compartment " + c);
    }
  }

  @Test
  void nanAndInfiniteVoltagesGiveWhatTheInterpreterGives() {
    IrProgram program = ModelSources.program("IonotropicSynapse");
    Interpreter interpreter = new Interpreter(program);
    Synapse synapse = InMemoryCompiler.load(JavaEmitter.emit(Optimizer.optimize(program), "io.cleft.models", true));
    double[] special = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e3, -1e3, 0.0, -35.0, 200.0};
    int n = special.length * special.length;
    int[] pre = new int[n];
    int[] post = new int[n];
    for (int i = 0; i < n; i++) {
      pre[i] = i / special.length;
      post[i] = i % special.length;
    }
    SynapsePopulation population = synapse.newPopulation(pre, post);
    population.step(0.025, special);
    double[] defaults = synapse.metadata().parameters().stream().mapToDouble(q -> q.defaultValue()).toArray();
    for (int i = 0; i < n; i++) {
      double expected = interpreter.update(defaults, new double[] {0.2}, 0.025, special[pre[i]], special[post[i]])[0];
      double actual = population.state("s")[i];
      if (Double.isNaN(expected) || Double.isInfinite(expected)) {
        assertEquals(expected, actual, "v_pre " + special[pre[i]]);
      } else {
        assertWithin(expected, actual, scale(expected, 0.2), "IonotropicSynapse", "v_pre " + special[pre[i]]);
      }
    }
  }

  /** The size of the terms a new state is made of: the state before and after the step. */
  private static double scale(double next, double before) {
    return Math.max(Math.abs(next), Math.abs(before));
  }

  private static void assertWithin(double expected, double actual, double scale, String model, String what) {
    if (Double.isNaN(expected) || Double.isInfinite(expected)) {
      if (Double.compare(expected, actual) != 0 && !(Double.isNaN(expected) && Double.isNaN(actual))) {
        fail(model + ": " + what + " is " + actual + " but the interpreter gives " + expected);
      }
      return;
    }
    double bound = RELATIVE * Math.max(scale, Math.abs(expected));
    if (!(Math.abs(actual - expected) <= bound)) {
      fail(model + ": " + what + " is " + actual + " but the interpreter gives " + expected
          + " (error " + Math.abs(actual - expected) + ", bound " + bound + ")");
    }
  }

  private static SynapsePopulation population(Synapse synapse, int[] pre, int[] post, GeneratedCodeTest.Inputs[] inputs) {
    SynapsePopulation population = synapse.newPopulation(pre, post);
    SynapseMetadata metadata = synapse.metadata();
    for (int i = 0; i < inputs.length; i++) {
      for (int p = 0; p < metadata.parameters().size(); p++) {
        GeneratedAgreement.setParameter(population, metadata, p, i, inputs[i].parameters()[p]);
      }
      for (int s = 0; s < metadata.states().size(); s++) {
        population.state(metadata.states().get(s).name())[i] = inputs[i].states()[s];
      }
    }
    return population;
  }
}
