package io.cleft.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.JavaFile;
import io.cleft.compiler.GenerationOptions;
import io.cleft.compiler.ModelSources;
import io.cleft.compiler.Pipeline;
import io.cleft.compiler.interp.Interpreter;
import io.cleft.compiler.ir.IrProgram;
import io.cleft.compiler.load.InMemoryCompiler;
import io.cleft.runtime.ParameterArray;
import io.cleft.runtime.Synapse;
import io.cleft.runtime.SynapseMetadata;
import io.cleft.runtime.SynapsePopulation;
import java.lang.reflect.Field;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A shared parameter is one value of the population: no array per synapse, read once per call
 * outside the strip loops, and what reads only shared parameters and dt is one number too.
 */
class SharedParametersTest {
  private static final IrProgram PROGRAM = ModelSources.program("SharedDecay");
  private static final JavaFile SOURCE = Pipeline.generate(PROGRAM, GenerationOptions.inPackage("io.cleft.shared"));
  private static final Synapse SYNAPSE = InMemoryCompiler.load(SOURCE);

  @Test
  void theMetadataNamesTheSharedParameters() {
    SynapseMetadata metadata = SYNAPSE.metadata();
    assertEquals(List.of("tau", "e_rev", "rise"), metadata.sharedParameters());
    assertFalse(metadata.isShared("g_max"));
  }

  @Test
  void aSharedParameterIsOneValueAndAPerSynapseOneAnArray() throws ReflectiveOperationException {
    int n = 1000;
    SynapsePopulation population = SYNAPSE.newPopulation(new int[n], new int[n]);
    for (String shared : List.of("tau", "e_rev", "rise")) {
      assertEquals(1, field(population, shared).length, shared);
      assertTrue(population.parameter(shared).isShared());
      assertEquals(n, population.parameter(shared).size());
    }
    assertEquals(n, field(population, "g_max").length);
    assertEquals(n, field(population, "tau_scale").length);
    long perSynapseArrays =
        List.of(population.getClass().getDeclaredFields()).stream()
            .filter(f -> f.getType() == double[].class)
            .filter(f -> {
              try {
                f.setAccessible(true);
                return ((double[]) f.get(population)).length == n;
              } catch (IllegalAccessException e) {
                throw new AssertionError(e);
              }
            })
            .count();
    // exp(-dt / tau) reads only tau and dt: no array of it is kept; exp(-dt / (tau * tau_scale)) is.
    assertEquals(4, perSynapseArrays, "g_max, tau_scale, the state g_rel and one decay factor are kept per synapse");
  }

  @Test
  void theLoopsReadASharedParameterOnceOutsideTheLoop() {
    String source = SOURCE.toString();
    assertTrue(source.contains("double e_rev = this.e_rev[0];"), source);
    assertFalse(source.contains("this.e_rev[i]"), source);
    assertFalse(source.contains("this.tau[start + j]"), source);
    assertTrue(source.contains("CleftMath.exp(-dt / this.tau[0])"), source);
  }

  @Test
  void fillSetsEverySynapseAndTheStepFollowsIt() {
    int n = 600;
    int[] pre = new int[n];
    int[] post = new int[n];
    for (int i = 0; i < n; i++) {
      pre[i] = i % 7;
      post[i] = (i * 3) % 5;
    }
    double[] voltages = {-65, -20, 0, 12, 40, -80, 5};
    SynapsePopulation population = SYNAPSE.newPopulation(pre, post);
    population.parameter("tau").fill(4);
    population.parameter("e_rev").fill(-10);
    ParameterArray gMax = population.parameter("g_max");
    ParameterArray tauScale = population.parameter("tau_scale");
    for (int i = 0; i < n; i++) {
      gMax.set(i, 1e-3 * (1 + i % 11));
      tauScale.set(i, 0.5 + i % 3);
    }
    // A step with tau = 4 computes the per-synapse factors; written then, they must follow tau.
    population.step(0.1, voltages);
    double[] before = population.state("g_rel").clone();
    population.parameter("tau").fill(2.5);
    population.step(0.1, voltages);
    double[] current = new double[7];
    double[] conductance = new double[7];
    population.addCurrents(voltages, current, conductance);

    Interpreter interpreter = new Interpreter(PROGRAM);
    double[] expectedCurrent = new double[7];
    for (int i = 0; i < n; i++) {
      double[] parameters = {2.5, -10, 0.1, 1e-3 * (1 + i % 11), 0.5 + i % 3};
      double[] next = interpreter.update(parameters, new double[] {before[i]}, 0.1, voltages[pre[i]], voltages[post[i]]);
      assertEquals(Double.doubleToLongBits(next[0]), Double.doubleToLongBits(population.state("g_rel")[i]), "synapse " + i);
      expectedCurrent[post[i]] += interpreter.currentTerms(parameters, next, voltages[pre[i]], voltages[post[i]])[0];
    }
    assertArrayEquals(expectedCurrent, current, 0.0);
  }

  @Test
  void oneSynapseCannotHaveItsOwnValueOfASharedParameter() {
    SynapsePopulation population = SYNAPSE.newPopulation(new int[3], new int[3]);
    population.parameter("tau").set(1, 5.0); // the value every synapse has: nothing changes
    assertThrows(IllegalArgumentException.class, () -> population.parameter("tau").set(1, 6.0));
    assertThrows(IllegalArgumentException.class, () -> population.parameter("tau").setAll(new double[] {1, 1, 2}));
    assertArrayEquals(new double[] {5, 5, 5}, population.parameter("tau").toArray());
  }

  private static double[] field(SynapsePopulation population, String name) throws ReflectiveOperationException {
    Field f = population.getClass().getDeclaredField(name);
    f.setAccessible(true);
    return (double[]) f.get(population);
  }
}
