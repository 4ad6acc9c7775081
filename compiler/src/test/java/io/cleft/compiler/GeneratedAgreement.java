package io.cleft.compiler;

import static org.junit.jupiter.api.Assertions.fail;

import io.cleft.compiler.interp.Interpreter;
import io.cleft.compiler.ir.IrProgram;
import io.cleft.compiler.load.InMemoryCompiler;
import io.cleft.runtime.Quantity;
import io.cleft.runtime.Synapse;
import io.cleft.runtime.SynapseMetadata;
import io.cleft.runtime.SynapsePopulation;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The check every robustness and fuzz test ends with: a program's generated class, compiled in
 * memory under {@code --release 17 -Xlint:all -Werror} (which throws if javac says anything),
 * gives the interpreter's bits through the map interface and through a population's
 * {@code advance}, on random inputs that include extreme voltages and time steps.
 */
public final class GeneratedAgreement {
  private GeneratedAgreement() {}

  /**
   * Fails, naming {@code what} and the inputs, at the first bit that differs.
   *
   * @param lowered the program as the pipeline produced it; the generated class is of its
   *     optimised form, as {@code cleft compile} writes it
   */
  public static void assertGeneratedEqualsInterpreter(IrProgram lowered, String what, long seed, int samples) {
    Interpreter interpreter = new Interpreter(lowered);
    Synapse synapse = InMemoryCompiler.load(Pipeline.generate(lowered, GenerationOptions.inPackage("io.cleft.fuzz")));
    SynapseMetadata metadata = synapse.metadata();
    SplittableRandom random = new SplittableRandom(seed);
    double[][] parameters = new double[samples][];
    double[][] states = new double[samples][];
    double[] voltages = new double[2 * samples];
    double dt = random.nextBoolean() ? 0.025 : Math.exp(random.nextDouble(Math.log(1e-4), Math.log(100)));
    for (int i = 0; i < samples; i++) {
      boolean extreme = random.nextInt(8) == 0;
      parameters[i] = draw(metadata.parameters(), random, extreme);
      states[i] = draw(metadata.states(), random, extreme);
      double range = extreme ? 1e3 : 90;
      voltages[2 * i] = random.nextDouble(-range, range);
      voltages[2 * i + 1] = random.nextDouble(-range, range);
      double vPre = voltages[2 * i];
      double vPost = voltages[2 * i + 1];
      String context = what + ", sample " + i + ": parameters " + Arrays.toString(parameters[i]) + ", states "
          + Arrays.toString(states[i]) + ", dt " + dt + ", v_pre " + vPre + ", v_post " + vPost;
      double[] next = interpreter.update(parameters[i], states[i], dt, vPre, vPost);
      Map<String, Double> actual = synapse.updateStates(
          prefixed(synapse, metadata.states(), states[i]), dt, vPre, vPost,
          prefixed(synapse, metadata.parameters(), parameters[i]));
      for (int s = 0; s < next.length; s++) {
        assertBits(next[s], actual.get(synapse.name() + "_" + metadata.states().get(s).name()), "updateStates " + s, context);
      }
      double current = synapse.computeCurrent(
          prefixed(synapse, metadata.states(), states[i]), vPre, vPost,
          prefixed(synapse, metadata.parameters(), parameters[i]));
      assertBits(interpreter.current(parameters[i], states[i], vPre, vPost), current, "computeCurrent", context);
    }
    assertPopulation(interpreter, synapse, parameters, states, voltages, dt, what);
  }

  /** Synapse i reads compartments 2i and 2i+1 and adds into 2i+1, so every sum is one term. */
  private static void assertPopulation(
      Interpreter interpreter, Synapse synapse, double[][] parameters, double[][] states, double[] voltages, double dt, String what) {
    int n = parameters.length;
    int[] pre = new int[n];
    int[] post = new int[n];
    for (int i = 0; i < n; i++) {
      pre[i] = 2 * i;
      post[i] = 2 * i + 1;
    }
    SynapsePopulation population = synapse.newPopulation(pre, post);
    SynapseMetadata metadata = synapse.metadata();
    for (int i = 0; i < n; i++) {
      for (int p = 0; p < metadata.parameters().size(); p++) {
        population.parameter(metadata.parameters().get(p).name()).set(i, parameters[i][p]);
      }
      for (int s = 0; s < metadata.states().size(); s++) {
        population.state(metadata.states().get(s).name())[i] = states[i][s];
      }
    }
    double[] current = new double[voltages.length];
    double[] conductance = new double[voltages.length];
    population.advance(dt, voltages, current, conductance);
    for (int i = 0; i < n; i++) {
      String context = what + ", population synapse " + i;
      double[] next = interpreter.update(parameters[i], states[i], dt, voltages[pre[i]], voltages[post[i]]);
      for (int s = 0; s < next.length; s++) {
        assertBits(next[s], population.state(metadata.states().get(s).name())[i], "advance state " + s, context);
      }
      double[] terms = interpreter.currentTerms(parameters[i], next, voltages[pre[i]], voltages[post[i]]);
      assertBits(0.0 + terms[IrProgram.CURRENT], current[post[i]], "advance current", context);
      assertBits(0.0 + terms[IrProgram.CONDUCTANCE], conductance[post[i]], "advance conductance", context);
    }
  }

  private static double[] draw(List<Quantity> quantities, SplittableRandom random, boolean extreme) {
    double[] values = new double[quantities.size()];
    for (int i = 0; i < values.length; i++) {
      Quantity q = quantities.get(i);
      double d = q.defaultValue();
      double v = d != 0 ? d * Math.exp(random.nextDouble(-2, 2)) : random.nextDouble(-1, 1);
      if (extreme) {
        v *= random.nextBoolean() ? 1e6 : -1e-6;
      }
      // Stay inside a declared range, as a user of the population must.
      values[i] = Math.min(Math.max(v, q.lower()), q.upper());
    }
    return values;
  }

  private static Map<String, Double> prefixed(Synapse synapse, List<Quantity> quantities, double[] values) {
    Map<String, Double> map = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      map.put(synapse.name() + "_" + quantities.get(i).name(), values[i]);
    }
    return map;
  }

  private static void assertBits(double expected, Double actual, String which, String context) {
    if (actual == null || Double.doubleToLongBits(expected) != Double.doubleToLongBits(actual)) {
      fail(which + " is " + actual + " but the interpreter gives " + expected + " (" + context + ")");
    }
  }
}
