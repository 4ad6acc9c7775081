package io.cleft.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cleft.compiler.ModelSources;
import io.cleft.compiler.interp.Interpreter;
import io.cleft.compiler.ir.IrProgram;
import io.cleft.compiler.load.InMemoryCompiler;
import io.cleft.compiler.optimize.Optimizer;
import io.cleft.runtime.ParameterArray;
import io.cleft.runtime.Quantity;
import io.cleft.runtime.Synapse;
import io.cleft.runtime.SynapsePopulation;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever parameters are written, by whichever of a view's methods, between steps whose dt
 * sometimes changes: every step and every current has the interpreter's bits for the
 * parameters as they are now. The models are those that keep values computed from parameters:
 * per synapse (CodegenStress's current, GradedExpSynapse's conversion of g) and per synapse and
 * time step (the decay factors of DecaySynapse and GradedExpSynapse, and SharedDecay's, which
 * reads a shared parameter and a per-synapse one).
 */
class ParameterWritesPropertyTest {
  private static final int N = 300; // more than a strip
  private static final Map<String, Synapse> COMPILED = new ConcurrentHashMap<>();
  private static final Map<String, Interpreter> INTERPRETERS = new ConcurrentHashMap<>();

  /** One write and the step after it. */
  record Write(Kind kind, int parameter, int synapse, double factor, double dt) {}

  enum Kind { SET, FILL, SET_ALL }

  @Provide
  Arbitrary<String> models() {
    return Arbitraries.of("DecaySynapse", "CodegenStress", "GradedExpSynapse", "SharedDecay");
  }

  @Provide
  Arbitrary<List<Write>> writes() {
    return Combinators.combine(
            Arbitraries.of(Kind.class),
            Arbitraries.integers().between(0, 99),
            Arbitraries.integers().between(0, N - 1),
            Arbitraries.doubles().between(0.5, 2),
            Arbitraries.of(0.025, 0.025, 0.025, 0.1, 0.0125))
        .as(Write::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(12);
  }

  @Property(tries = 60)
  void everyStepAfterAnyWritesHasTheInterpretersBits(@ForAll("models") String model, @ForAll("writes") List<Write> writes) {
    SynapsePopulation population = COMPILED.computeIfAbsent(model, ParameterWritesPropertyTest::compile).newPopulation(new int[N], new int[N]);
    Interpreter interpreter = INTERPRETERS.computeIfAbsent(model, m -> new Interpreter(ModelSources.program(m)));
    List<Quantity> parameters = population.metadata().parameters();
    double[] voltages = {-40};
    for (Write write : writes) {
      ParameterArray parameter = population.parameter(parameters.get(write.parameter() % parameters.size()).name());
      double typical = parameter.quantity().defaultValue() == 0 ? 1 : parameter.quantity().defaultValue();
      if (parameter.isShared()) {
        // One value for every synapse: set with fill, or with setAll of one value throughout.
        switch (write.kind()) {
          case SET, FILL -> parameter.fill(typical * write.factor());
          case SET_ALL -> parameter.setAll(IntStream.range(0, N).mapToDouble(i -> typical * write.factor()).toArray());
        }
      } else {
        switch (write.kind()) {
          case SET -> parameter.set(write.synapse(), typical * write.factor());
          case FILL -> parameter.fill(typical * write.factor());
          case SET_ALL -> parameter.setAll(IntStream.range(0, N).mapToDouble(i -> typical * write.factor() * (1 + i % 7 / 7.0)).toArray());
        }
      }
      double[][] before = states(population);
      population.step(write.dt(), voltages);
      double[][] after = states(population);
      double expectedCurrent = 0;
      for (int i = 0; i < N; i++) {
        double[] values = parameters(population, i);
        double[] expected = interpreter.update(values, before[i], write.dt(), -40, -40);
        for (int s = 0; s < expected.length; s++) {
          assertEquals(expected[s], after[i][s], 0.0, model + " after " + write + ": synapse " + i + ", state " + s);
        }
        expectedCurrent += interpreter.current(values, after[i], -40, -40);
      }
      double[] current = new double[1];
      population.addCurrents(voltages, current, new double[1]);
      assertEquals(expectedCurrent, current[0], 0.0, model + " after " + write + ": the current");
    }
  }

  private static Synapse compile(String model) {
    return InMemoryCompiler.load(JavaEmitter.emit(Optimizer.optimize(ModelSources.program(model)), "io.cleft.models", false));
  }

  private static double[] parameters(SynapsePopulation population, int i) {
    return population.metadata().parameters().stream().mapToDouble(q -> population.parameter(q.name()).get(i)).toArray();
  }

  /** Every synapse's states, by synapse. */
  private static double[][] states(SynapsePopulation population) {
    List<Quantity> declared = population.metadata().states();
    double[][] states = new double[N][declared.size()];
    for (int s = 0; s < declared.size(); s++) {
      double[] values = population.state(declared.get(s).name());
      for (int i = 0; i < N; i++) {
        states[i][s] = values[i];
      }
    }
    return states;
  }
}
