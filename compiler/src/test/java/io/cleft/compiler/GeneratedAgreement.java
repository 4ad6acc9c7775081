package io.cleft.compiler;

import static org.junit.jupiter.api.Assertions.fail;

import io.cleft.compiler.interp.Interpreter;
import io.cleft.compiler.ir.IrProgram;
import io.cleft.compiler.ir.KernelKind;
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
 * {@code advance}, {@code initialize}, {@code currentValues} and event handlers, on random inputs
 * that include extreme voltages and time steps, and on random trains of events.
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
      shareWithFirst(metadata, parameters[i], parameters[0]);
      states[i] = draw(metadata.states(), random, extreme);
      double range = extreme ? 1e3 : 90;
      voltages[2 * i] = random.nextDouble(-range, range);
      voltages[2 * i + 1] = random.nextDouble(-range, range);
      double vPre = voltages[2 * i];
      double vPost = voltages[2 * i + 1];
      String context = what + ", sample " + i + ": parameters " + Arrays.toString(parameters[i]) + ", states "
          + Arrays.toString(states[i]) + ", dt " + dt + ", v_pre " + vPre + ", v_post " + vPost;
      if (metadata.readsTime()) {
        continue; // the map interface has no time: the population is checked below
      }
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
    double t = random.nextDouble(0, 1000);
    assertPopulation(interpreter, synapse, parameters, states, voltages, t, dt, what);
    assertEvents(interpreter, synapse, parameters, states, voltages, random, what);
  }

  /**
   * {@code initialize}, then a random train of pre and post events interleaved with steps, on
   * synapse i onto compartment 2i+1 alone: after every call, every state of every synapse has
   * the interpreter's bits; and {@code currentValues} gives the current kernel's.
   */
  private static void assertEvents(
      Interpreter interpreter, Synapse synapse, double[][] parameters, double[][] states, double[] voltages,
      SplittableRandom random, String what) {
    int n = parameters.length;
    SynapsePopulation population = population(synapse, parameters, states);
    SynapseMetadata metadata = synapse.metadata();
    population.initialize();
    double[][] expected = new double[n][];
    for (int i = 0; i < n; i++) {
      expected[i] = interpreter.initial(parameters[i]);
    }
    assertAllStates(population, metadata, expected, what + ", after initialize()");
    for (int i = 0; i < n; i++) {
      expected[i] = states[i].clone();
      for (int s = 0; s < expected[i].length; s++) {
        population.state(metadata.states().get(s).name())[i] = expected[i][s];
      }
    }
    double t = random.nextDouble(0, 100);
    for (int event = 0; event < 4 * n; event++) {
      t += random.nextInt(4) == 0 ? 0 : random.nextDouble(0, 20);
      int i = random.nextInt(n);
      int kind = random.nextInt(3);
      String context = what + ", event " + event + " at t = " + t + " on synapse " + i;
      if (kind == 0) {
        double weight = random.nextDouble(-1, 2) * Math.exp(random.nextDouble(-8, 2));
        population.deliverPre(i, t, weight);
        expected[i] = interpreter.onEvent(KernelKind.ON_PRE, parameters[i], expected[i], t, weight);
        context += " (pre, weight " + weight + ")";
      } else if (kind == 1) {
        population.deliverPost(2 * i + 1, t);
        expected[i] = interpreter.onEvent(KernelKind.ON_POST, parameters[i], expected[i], t, Double.NaN);
        context += " (post)";
      } else {
        double dt = 0.025;
        population.step(t, dt, voltages);
        for (int k = 0; k < n; k++) {
          expected[k] = interpreter.update(parameters[k], expected[k], t, dt, voltages[2 * k], voltages[2 * k + 1]);
        }
        context += " (a step of 0.025 ms)";
      }
      assertAllStates(population, metadata, expected, context);
    }
    double[] out = new double[n];
    List<String> names = new java.util.ArrayList<>(List.of("i"));
    metadata.currentValues().forEach(q -> names.add(q.name()));
    for (int v = 0; v < names.size(); v++) {
      population.currentValues(names.get(v), t, voltages, out);
      for (int i = 0; i < n; i++) {
        double[] terms = interpreter.currentTerms(parameters[i], expected[i], t, voltages[2 * i], voltages[2 * i + 1]);
        assertBits(terms[v == 0 ? IrProgram.CURRENT : v + 1], out[i], "currentValues(" + names.get(v) + ")", what + ", synapse " + i);
      }
    }
  }

  private static void assertAllStates(
      SynapsePopulation population, SynapseMetadata metadata, double[][] expected, String context) {
    for (int i = 0; i < expected.length; i++) {
      for (int s = 0; s < expected[i].length; s++) {
        assertBits(
            expected[i][s], population.state(metadata.states().get(s).name())[i],
            "state " + metadata.states().get(s).name() + " of synapse " + i, context);
      }
    }
  }

  /** Synapse i reads compartments 2i and 2i+1 and adds into 2i+1, with the given values. */
  private static SynapsePopulation population(Synapse synapse, double[][] parameters, double[][] states) {
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
        setParameter(population, metadata, p, i, parameters[i][p]);
      }
      for (int s = 0; s < metadata.states().size(); s++) {
        population.state(metadata.states().get(s).name())[i] = states[i][s];
      }
    }
    return population;
  }

  /** Synapse i reads compartments 2i and 2i+1 and adds into 2i+1, so every sum is one term. */
  private static void assertPopulation(
      Interpreter interpreter, Synapse synapse, double[][] parameters, double[][] states, double[] voltages, double t,
      double dt, String what) {
    int n = parameters.length;
    SynapsePopulation population = population(synapse, parameters, states);
    SynapseMetadata metadata = synapse.metadata();
    double[] current = new double[voltages.length];
    double[] conductance = new double[voltages.length];
    population.advance(t, dt, voltages, current, conductance);
    for (int i = 0; i < n; i++) {
      String context = what + ", population synapse " + i + ", t " + t;
      double[] next = interpreter.update(parameters[i], states[i], t, dt, voltages[2 * i], voltages[2 * i + 1]);
      for (int s = 0; s < next.length; s++) {
        assertBits(next[s], population.state(metadata.states().get(s).name())[i], "advance state " + s, context);
      }
      double[] terms = interpreter.currentTerms(parameters[i], next, t, voltages[2 * i], voltages[2 * i + 1]);
      assertBits(0.0 + terms[IrProgram.CURRENT], current[2 * i + 1], "advance current", context);
      assertBits(0.0 + terms[IrProgram.CONDUCTANCE], conductance[2 * i + 1], "advance conductance", context);
    }
  }

  /**
   * Gives a synapse's shared parameters the first synapse's values: a shared parameter has one
   * value for the whole population, so only the others are drawn per synapse.
   */
  public static void shareWithFirst(SynapseMetadata metadata, double[] parameters, double[] first) {
    for (int p = 0; p < parameters.length; p++) {
      if (metadata.isShared(p)) {
        parameters[p] = first[p];
      }
    }
  }

  /** Sets synapse {@code i}'s parameter {@code p}: a shared one is set once, for every synapse, with fill. */
  public static void setParameter(SynapsePopulation population, SynapseMetadata metadata, int p, int i, double value) {
    io.cleft.runtime.ParameterArray view = population.parameter(metadata.parameters().get(p).name());
    if (!metadata.isShared(p)) {
      view.set(i, value);
    } else if (i == 0) {
      view.fill(value);
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
