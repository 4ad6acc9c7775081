package io.cleft.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cleft.compiler.ModelSources;
import io.cleft.compiler.interp.Interpreter;
import io.cleft.compiler.ir.IrProgram;
import io.cleft.compiler.load.InMemoryCompiler;
import io.cleft.compiler.optimize.Optimizer;
import io.cleft.runtime.PopulationSupport;
import io.cleft.runtime.SynapsePopulation;
import org.junit.jupiter.api.Test;

/**
 * A population keeps what its model computes from parameters and dt alone (here
 * {@code exp(-dt / tau)} of DecaySynapse and a factor of two parameters in CodegenStress's
 * current), and must compute it again when a parameter or dt changes.
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
  void parametersTakeEffectAfterParametersChanged() {
    Fixture decay = Fixture.of("DecaySynapse");
    decay.population.step(0.025, new double[1]);
    decay.population.parameter("tau")[7] = 0.5;
    decay.population.parameter("tau")[N - 1] = 40;
    decay.population.parametersChanged();
    double[] before = decay.population.state("r").clone();
    decay.population.step(0.025, new double[1]);
    for (int i : new int[] {0, 7, N - 1}) {
      double expected = decay.interpreter.update(decay.parameters(i), new double[] {before[i]}, 0.025, 0, 0)[0];
      assertEquals(expected, decay.population.state("r")[i], 0.0, "synapse " + i);
    }
    assertEquals(Math.exp(-1.0 / 0.5 * 0.025) * before[7], decay.population.state("r")[7], 0.0);
  }

  @Test
  void aParameterOfTheCurrentTakesEffectAfterParametersChanged() {
    Fixture stress = Fixture.of("CodegenStress");
    stress.population.parameter("n")[5] = 0.25;
    stress.population.parametersChanged();
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

  @Test
  void aParameterWrittenWithoutParametersChangedFailsTheNextStepUnderAssertions() {
    assumeTrue(InMemoryCompiler.class.desiredAssertionStatus(), "needs java -ea, as the build's tests run");
    Fixture decay = Fixture.of("DecaySynapse");
    decay.population.step(0.025, new double[1]);
    decay.population.parameter("tau")[3] = 9;
    AssertionError error = assertThrows(AssertionError.class, () -> decay.population.step(0.025, new double[1]));
    assertEquals(PopulationSupport.STALE_CACHES, error.getMessage());
    Fixture stress = Fixture.of("CodegenStress");
    stress.population.parameter("g")[0] = 1;
    assertThrows(AssertionError.class, () -> stress.population.addCurrents(new double[1], new double[1], new double[1]));
  }

  /** N synapses of a model, all into compartment 0, with the interpreter of its program. */
  private record Fixture(Interpreter interpreter, SynapsePopulation population) {
    static Fixture of(String model) {
      IrProgram program = ModelSources.program(model);
      SynapsePopulation population =
          InMemoryCompiler.load(JavaEmitter.emit(Optimizer.optimize(program), "io.cleft.models"))
              .newPopulation(new int[N], new int[N]);
      return new Fixture(new Interpreter(program), population);
    }

    /** Synapse i's parameters, read from the population's live arrays. */
    double[] parameters(int i) {
      return population.metadata().parameters().stream().mapToDouble(q -> population.parameter(q.name())[i]).toArray();
    }
  }
}
