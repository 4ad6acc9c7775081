package io.cleft.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleft.compiler.ModelSources;
import io.cleft.compiler.Pipeline;
import io.cleft.compiler.interp.Interpreter;
import io.cleft.compiler.ir.IrProgram;
import io.cleft.compiler.load.InMemoryCompiler;
import io.cleft.compiler.optimize.Optimizer;
import io.cleft.compiler.source.SourceFile;
import io.cleft.runtime.ParameterArray;
import io.cleft.runtime.SynapsePopulation;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A population keeps what its model computes from parameters and dt alone (here
 * {@code exp(-dt / tau)} of DecaySynapse and a factor of two parameters in CodegenStress's
 * current), and must compute it again when a parameter or dt changes. Parameters are reached
 * only through views, so that no write can leave a kept value stale
 * ({@link ParameterWritesPropertyTest} tries sequences of writes).
 */
class PopulationCacheTest {
  private static final int N = 300; // more than a strip

  @Test
  void aNewTimeStepIsUsedAtOnce() {
    Fixture decay = Fixture.of("DecaySynapse");
    for (double dt : new double[] {0.025, 0.025, 0.1, 0.025, -0.0, 0.0}) {
      double[] before = decay.population.state("r").clone();
      decay.population.step(dt, new double[1]);
      for (int i = 0; i < N; i++) {
        double expected = decay.interpreter.update(decay.parameters(i), new double[] {before[i]}, dt, 0, 0)[0];
        assertEquals(expected, decay.population.state("r")[i], 0.0, "dt " + dt + ", synapse " + i);
      }
    }
  }

  @Test
  void aParameterSetThroughItsViewTakesEffectInTheNextStep() {
    Fixture decay = Fixture.of("DecaySynapse");
    decay.population.step(0.025, new double[1]); // the decay factors are now kept for dt = 0.025
    decay.population.parameter("tau").set(7, 0.5);
    decay.population.parameter("tau").set(N - 1, 40);
    double[] before = decay.population.state("r").clone();
    decay.population.step(0.025, new double[1]);
    for (int i : new int[] {0, 7, N - 1}) {
      double expected = decay.interpreter.update(decay.parameters(i), new double[] {before[i]}, 0.025, 0, 0)[0];
      assertEquals(expected, decay.population.state("r")[i], 0.0, "synapse " + i);
    }
    assertEquals(Math.exp(-1.0 / 0.5 * 0.025) * before[7], decay.population.state("r")[7], 0.0);
  }

  @Test
  void aParameterOfTheCurrentTakesEffectAtOnce() {
    Fixture stress = Fixture.of("CodegenStress");
    stress.population.parameter("n").set(5, 0.25);
    double[] current = new double[1];
    double[] conductance = new double[1];
    double[] voltages = {-30};
    stress.population.addCurrents(voltages, current, conductance);
    double expected = 0;
    for (int i = 0; i < N; i++) {
      double[] states = {stress.population.state("a")[i], stress.population.state("b")[i]};
      expected += stress.interpreter.current(stress.parameters(i), states, -30, -30);
    }
    assertEquals(expected, current[0], 0.0, "after synapse 5's n changed");
  }

  /**
   * A value computed once per call (sqrt(2)) that invariants of both kinds read: the methods
   * that recompute or check both kinds for a synapse declare a local for it once each, and the
   * class compiles (lint-clean, as InMemoryCompiler compiles) and follows a write.
   */
  @Test
  void aPerCallValueReadByBothKindsOfKeptValuesIsDeclaredOncePerMethod() throws IOException {
    Path model = Path.of("src/test/resources/robustness/javac-fails_cachesAreCurrent-duplicate-local.syn");
    IrProgram program = Pipeline.compile(new SourceFile(model.toString(), Files.readString(model))).program().orElseThrow();
    SynapsePopulation population =
        InMemoryCompiler.load(JavaEmitter.emit(Optimizer.optimize(program), "io.cleft.models", false)).newPopulation(new int[N], new int[N]);
    Interpreter interpreter = new Interpreter(program);
    population.step(0.025, new double[] {-20});
    population.parameter("tau").set(9, 7);
    double[] before = population.state("s").clone();
    double[] current = new double[1];
    population.advance(0.025, new double[] {-20}, current, new double[1]);
    double expectedCurrent = 0;
    for (int i = 0; i < N; i++) {
      double[] parameters = {population.parameter("g").get(i), population.parameter("tau").get(i)};
      double[] next = interpreter.update(parameters, new double[] {before[i]}, 0.025, -20, -20);
      assertEquals(next[0], population.state("s")[i], 0.0, "synapse " + i);
      expectedCurrent += interpreter.current(parameters, next, -20, -20);
    }
    assertEquals(expectedCurrent, current[0], 0.0);
  }

  /** The population hands out no array that its loops read a parameter from. */
  @Test
  void noParameterArrayIsReachableFromOutside() {
    Fixture decay = Fixture.of("DecaySynapse");
    Class<?> population = decay.population.getClass();
    for (Field field : population.getFields()) {
      assertTrue(
          decay.population.metadata().parameter(field.getName()).isEmpty(),
          "public field " + field.getName() + " is a parameter's live array");
    }
    assertTrue(
        Arrays.stream(population.getMethods()).map(Method::getName).noneMatch("parametersChanged"::equals),
        "no call the user could forget");
    double[] copy = decay.population.parameter("tau").toArray();
    copy[3] = 9;
    assertEquals(2.0, decay.population.parameter("tau").get(3), 0.0, "toArray is a copy");
    double[] target = new double[N + 1];
    decay.population.parameter("tau").copyTo(target);
    assertEquals(2.0, target[N - 1], 0.0);
    assertEquals(0.0, target[N], 0.0);
    assertTrue(Arrays.stream(population.getDeclaredFields())
        .filter(f -> f.getType() == double[].class && decay.population.metadata().parameter(f.getName()).isPresent())
        .allMatch(f -> Modifier.isPrivate(f.getModifiers())));
  }

  @Test
  void aValueOutsideTheDeclaredRangeIsRejectedAndNotWritten() {
    Fixture decay = Fixture.of("DecaySynapse");
    ParameterArray tau = decay.population.parameter("tau"); // in [0, inf]
    IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> tau.set(17, -1));
    assertEquals(
        "parameter tau of DecaySynapse, synapse 17: -1.0 is outside its declared range [0, inf]", negative.getMessage());
    assertEquals(2.0, tau.get(17), 0.0);
    assertThrows(IllegalArgumentException.class, () -> tau.set(3, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> tau.fill(-0.5));
    double[] values = new double[N];
    Arrays.fill(values, 1);
    values[N - 1] = -3;
    IllegalArgumentException inSetAll = assertThrows(IllegalArgumentException.class, () -> tau.setAll(values));
    assertTrue(inSetAll.getMessage().contains("synapse " + (N - 1) + ": -3.0"), inSetAll.getMessage());
    assertArrayEquals(Fixture.of("DecaySynapse").population.parameter("tau").toArray(), tau.toArray(), "nothing written");
    assertThrows(IllegalArgumentException.class, () -> tau.setAll(new double[N - 1]));
    assertThrows(IndexOutOfBoundsException.class, () -> tau.set(N, 1));
    assertThrows(IndexOutOfBoundsException.class, () -> tau.get(-1));
    // A parameter without a range takes any number, but NaN is no number.
    ParameterArray reversal = decay.population.parameter("e_syn");
    reversal.set(0, -1e300);
    assertEquals(-1e300, reversal.get(0), 0.0);
    assertThrows(IllegalArgumentException.class, () -> reversal.set(0, Double.NaN));
  }

  /** N synapses of a model, all into compartment 0, with the interpreter of its program. */
  private record Fixture(Interpreter interpreter, SynapsePopulation population) {
    static Fixture of(String model) {
      IrProgram program = ModelSources.program(model);
      SynapsePopulation population =
          InMemoryCompiler.load(JavaEmitter.emit(Optimizer.optimize(program), "io.cleft.models", false))
              .newPopulation(new int[N], new int[N]);
      return new Fixture(new Interpreter(program), population);
    }

    /** Synapse i's parameters, read through the population's views. */
    double[] parameters(int i) {
      return population.metadata().parameters().stream().mapToDouble(q -> population.parameter(q.name()).get(i)).toArray();
    }
  }
}
