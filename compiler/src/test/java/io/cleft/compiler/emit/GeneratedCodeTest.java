package io.cleft.compiler.emit;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import com.palantir.javapoet.JavaFile;
import io.cleft.compiler.ModelSources;
import io.cleft.compiler.interp.Interpreter;
import io.cleft.compiler.ir.IrProgram;
import io.cleft.compiler.load.InMemoryCompiler;
import io.cleft.compiler.optimize.MathMode;
import io.cleft.compiler.optimize.Optimizer;
import io.cleft.runtime.ArraySynapse;
import io.cleft.runtime.Quantity;
import io.cleft.runtime.Synapse;
import io.cleft.runtime.SynapseMetadata;
import io.cleft.runtime.SynapsePopulation;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every model in the library: the generated source compiles without a warning under
 * {@code -Xlint:all -Werror} with only the runtime on the class path, and the generated class
 * agrees with the reference interpreter bit for bit on 10,000 random inputs, through the map
 * interface and through the population's three methods. The models are the library's and those
 * in {@code src/test/resources/good/}, written to exercise code generation.
 */
class GeneratedCodeTest {
  private static final int SAMPLES = 10_000;

  static List<String> models() {
    return ModelSources.names();
  }

  static Stream<Arguments> modelsInBothModes() {
    return models().stream().flatMap(m -> Stream.of(MathMode.values()).map(mode -> Arguments.of(m, mode)));
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("modelsInBothModes")
  void generatedSourceCompilesWithoutWarnings(String model, MathMode mode) {
    JavaFile file = JavaEmitter.emit(Optimizer.optimize(ModelSources.program(model), mode), "io.cleft.models", false);
    Compilation compilation =
        javac()
            .withOptions("--release", "17", "-Xlint:all", "-Werror")
            .withClasspath(List.of(new File(ArraySynapse.class.getProtectionDomain().getCodeSource().getLocation().getPath())))
            .compile(file.toJavaFileObject());
    assertThat(compilation).succeededWithoutWarnings();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void generatedClassAgreesWithInterpreterBitForBit(String model) {
    Compiled compiled = Compiled.of(model, MathMode.IEEE);
    Interpreter interpreter = compiled.interpreter();
    Synapse synapse = compiled.synapse();
    SynapseMetadata metadata = synapse.metadata();
    SplittableRandom random = new SplittableRandom(20261126L);
    for (int sample = 0; sample < SAMPLES; sample++) {
      Inputs in = Inputs.draw(metadata, random);
      double[] expected = interpreter.update(in.parameters, in.states, in.dt, in.vPre, in.vPost);
      Map<String, Double> actual =
          synapse.updateStates(prefixed(synapse, metadata.states(), in.states), in.dt, in.vPre, in.vPost,
              prefixed(synapse, metadata.parameters(), in.parameters));
      for (int s = 0; s < expected.length; s++) {
        assertSameBits(expected[s], actual.get(model + "_" + metadata.states().get(s).name()), model, "out_" + metadata.states().get(s).name(), in);
      }
      double current =
          synapse.computeCurrent(prefixed(synapse, metadata.states(), in.states), in.vPre, in.vPost,
              prefixed(synapse, metadata.parameters(), in.parameters));
      assertSameBits(interpreter.current(in.parameters, in.states, in.vPre, in.vPost), current, model, "current", in);
    }
  }

  /**
   * Every model at sizes around the strip length and at the full sample count; and with fast
   * math at one size, against the interpreter running the same fast-math program.
   */
  static Stream<Arguments> populations() {
    return Stream.concat(
        models().stream()
            .flatMap(m -> IntStream.of(0, 1, 255, 256, 257, 1000, SAMPLES).mapToObj(n -> Arguments.of(m, n, MathMode.IEEE))),
        models().stream().map(m -> Arguments.of(m, 1000, MathMode.FAST)));
  }

  /**
   * Random inputs for every synapse, wired at random into a third as many compartments, so that
   * many synapses of a strip share a compartment and the sums into it are tested too. Sums are
   * expected in synapse order, as a plain loop adds them.
   */
  @ParameterizedTest(name = "{0}, {1} synapses, {2}")
  @MethodSource("populations")
  void populationAgreesWithInterpreterBitForBit(String model, int n, MathMode mode) {
    Compiled compiled = Compiled.of(model, mode);
    Interpreter interpreter = compiled.interpreter();
    SynapseMetadata metadata = compiled.synapse().metadata();
    SplittableRandom random = new SplittableRandom(7L + n);
    int compartments = n / 3 + 1;
    int[] pre = new int[n];
    int[] post = new int[n];
    Inputs[] inputs = new Inputs[n];
    for (int i = 0; i < n; i++) {
      pre[i] = random.nextInt(compartments);
      post[i] = random.nextInt(compartments);
      inputs[i] = Inputs.draw(metadata, random);
      io.cleft.compiler.GeneratedAgreement.shareWithFirst(metadata, inputs[i].parameters, inputs[0].parameters);
    }
    double[] voltages = random.doubles(compartments, -90, 90).toArray();
    double dt = 0.025;

    // addCurrents, then step: NEURON's order.
    SynapsePopulation separate = compiled.population(pre, post, inputs);
    double[] current = new double[compartments];
    double[] conductance = new double[compartments];
    separate.addCurrents(voltages, current, conductance);
    separate.step(dt, voltages);
    double[] expectedCurrent = new double[compartments];
    double[] expectedConductance = new double[compartments];
    for (int i = 0; i < n; i++) {
      double[] terms = interpreter.currentTerms(inputs[i].parameters, inputs[i].states, voltages[pre[i]], voltages[post[i]]);
      expectedCurrent[post[i]] += terms[IrProgram.CURRENT];
      expectedConductance[post[i]] += terms[IrProgram.CONDUCTANCE];
      double[] next = interpreter.update(inputs[i].parameters, inputs[i].states, dt, voltages[pre[i]], voltages[post[i]]);
      assertStates(next, separate, i, model, "step", inputs[i]);
    }
    assertSums(expectedCurrent, current, model, "addCurrents: current");
    assertSums(expectedConductance, conductance, model, "addCurrents: conductance");

    // advance: the step, then the currents of the new states; Jaxley's order, in one pass.
    SynapsePopulation fused = compiled.population(pre, post, inputs);
    current = new double[compartments];
    conductance = new double[compartments];
    fused.advance(dt, voltages, current, conductance);
    expectedCurrent = new double[compartments];
    expectedConductance = new double[compartments];
    for (int i = 0; i < n; i++) {
      double[] next = interpreter.update(inputs[i].parameters, inputs[i].states, dt, voltages[pre[i]], voltages[post[i]]);
      assertStates(next, fused, i, model, "advance", inputs[i]);
      double[] terms = interpreter.currentTerms(inputs[i].parameters, next, voltages[pre[i]], voltages[post[i]]);
      expectedCurrent[post[i]] += terms[IrProgram.CURRENT];
      expectedConductance[post[i]] += terms[IrProgram.CONDUCTANCE];
    }
    assertSums(expectedCurrent, current, model, "advance: current");
    assertSums(expectedConductance, conductance, model, "advance: conductance");
  }

  private static void assertStates(double[] expected, SynapsePopulation population, int i, String model, String method, Inputs in) {
    for (int s = 0; s < expected.length; s++) {
      String name = population.metadata().states().get(s).name();
      assertSameBits(expected[s], population.state(name)[i], model, method + ": synapse " + i + " " + name, in);
    }
  }

  private static void assertSums(double[] expected, double[] actual, String model, String what) {
    for (int c = 0; c < expected.length; c++) {
      if (Double.doubleToLongBits(expected[c]) != Double.doubleToLongBits(actual[c])) {
        fail(model + ": " + what + " into compartment " + c + " is " + actual[c] + " but the interpreter gives " + expected[c]);
      }
    }
  }

  /**
   * Every model through {@code GeneratedAgreement}, which also delivers random trains of events
   * and checks {@code initialize()} and {@code currentValues}, bit for bit.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void eventsAndInitialValuesAgreeWithInterpreterBitForBit(String model) {
    io.cleft.compiler.GeneratedAgreement.assertGeneratedEqualsInterpreter(
        io.cleft.compiler.ModelSources.program(model), model, 11, 40);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void conductanceIsTheDerivativeOfTheCurrent(String model) {
    Interpreter interpreter = new Interpreter(ModelSources.program(model));
    SplittableRandom random = new SplittableRandom(3L);
    SynapseMetadata metadata = InMemoryCompiler.load(JavaEmitter.emit(ModelSources.program(model), "m", false)).metadata();
    for (int sample = 0; sample < 1_000; sample++) {
      Inputs in = Inputs.draw(metadata, random);
      double h = 1e-3; // Jaxley's step for its finite difference
      double difference =
          (interpreter.current(in.parameters, in.states, in.vPre, in.vPost + h)
                  - interpreter.current(in.parameters, in.states, in.vPre, in.vPost - h))
              / (2 * h);
      double exact = interpreter.conductance(in.parameters, in.states, in.vPre, in.vPost);
      double scale = Math.max(Math.abs(exact), Math.abs(difference));
      assertTrue(
          Math.abs(exact - difference) <= 1e-6 * scale + 1e-300,
          model + ": dI/dv_post " + exact + " but the central difference is " + difference + " at " + in);
    }
  }

  /**
   * A model as its generated class, compiled in memory, and through the interpreter: of the
   * lowered program for IEEE code, which must give its bits; of the same optimised program for
   * fast math, which changes bits on purpose, so that what is tested is the emission.
   */
  private record Compiled(Interpreter interpreter, Synapse synapse) {
    static Compiled of(String model, MathMode mode) {
      IrProgram program = ModelSources.program(model);
      IrProgram optimized = Optimizer.optimize(program, mode);
      return new Compiled(
          new Interpreter(mode == MathMode.IEEE ? program : optimized),
          InMemoryCompiler.load(JavaEmitter.emit(optimized, "io.cleft.models", false)));
    }

    /** A population of the generated class with each synapse's parameters and states set. */
    SynapsePopulation population(int[] pre, int[] post, Inputs[] inputs) {
      SynapsePopulation population = synapse.newPopulation(pre, post);
      SynapseMetadata metadata = synapse.metadata();
      for (int i = 0; i < inputs.length; i++) {
        for (int p = 0; p < metadata.parameters().size(); p++) {
          io.cleft.compiler.GeneratedAgreement.setParameter(population, metadata, p, i, inputs[i].parameters[p]);
        }
        for (int s = 0; s < metadata.states().size(); s++) {
          population.state(metadata.states().get(s).name())[i] = inputs[i].states[s];
        }
      }
      return population;
    }
  }

  private static Map<String, Double> prefixed(Synapse synapse, List<Quantity> quantities, double[] values) {
    Map<String, Double> map = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      map.put(synapse.name() + "_" + quantities.get(i).name(), values[i]);
    }
    return map;
  }

  private static void assertSameBits(double expected, Double actual, String model, String what, Inputs in) {
    if (actual == null || Double.doubleToLongBits(expected) != Double.doubleToLongBits(actual)) {
      fail(model + ": " + what + " is " + actual + " but the interpreter gives " + expected + " for " + in);
    }
  }

  /** One random draw: typical values mostly, extreme ones (and the safe_exp clip) sometimes. */
  record Inputs(double[] parameters, double[] states, double dt, double vPre, double vPost) {
    static Inputs draw(SynapseMetadata metadata, SplittableRandom random) {
      boolean extreme = random.nextInt(10) == 0;
      double vRange = extreme ? 500 : 90;
      double[] parameters = new double[metadata.parameters().size()];
      for (int i = 0; i < parameters.length; i++) {
        Quantity q = metadata.parameters().get(i);
        double d = q.defaultValue();
        double value =
            q.lower() >= 0 && d > 0
                ? d * Math.exp(random.nextDouble(-3, 3))
                : d + random.nextDouble(-30, 30);
        // Inside a declared range, as a user of the population must stay.
        parameters[i] = Math.min(Math.max(value, q.lower()), q.upper());
      }
      double[] states = new double[metadata.states().size()];
      for (int i = 0; i < states.length; i++) {
        Quantity q = metadata.states().get(i);
        states[i] = Math.min(Math.max(random.nextDouble(-0.5, 1.5), q.lower()), q.upper());
      }
      double dt = Math.exp(random.nextDouble(Math.log(1e-4), Math.log(extreme ? 100 : 1)));
      return new Inputs(parameters, states, dt, random.nextDouble(-vRange, vRange), random.nextDouble(-vRange, vRange));
    }

    @Override
    public String toString() {
      return "parameters " + java.util.Arrays.toString(parameters) + ", states " + java.util.Arrays.toString(states)
          + ", dt " + dt + ", v_pre " + vPre + ", v_post " + vPost;
    }
  }
}
