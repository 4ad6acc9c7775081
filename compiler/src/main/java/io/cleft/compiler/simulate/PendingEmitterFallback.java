package io.cleft.compiler.simulate;

import io.cleft.runtime.ArraySynapse;
import io.cleft.runtime.ParameterArray;
import io.cleft.runtime.Quantity;
import io.cleft.runtime.SynapseMetadata;
import io.cleft.runtime.SynapsePopulation;
import java.util.Arrays;
import java.util.List;

/**
 * TEMPORARY, until the emitter implements {@link SynapsePopulation#initialize()} and
 * {@link SynapsePopulation#currentValues}: a population that forwards every call, and where
 * those two still throw UnsupportedOperationException (their default bodies), does what they
 * will do for the models that exist today, which have no {@code initial} block and no named
 * current values: initial states are the declared ones, and {@code i} is the generated class's
 * per-synapse current. Delete this class, and its use in {@link SimulationRun}, once the
 * emitter has them.
 */
final class PendingEmitterFallback implements SynapsePopulation {
  private final SynapsePopulation population;
  private final ArraySynapse synapse;
  private final int[] preIndex;
  private final int[] postIndex;

  private PendingEmitterFallback(SynapsePopulation population, ArraySynapse synapse, int[] preIndex, int[] postIndex) {
    this.population = population;
    this.synapse = synapse;
    this.preIndex = preIndex.clone();
    this.postIndex = postIndex.clone();
  }

  static Simulation.PopulationFactory factory(ArraySynapse synapse) {
    return (pre, post) -> new PendingEmitterFallback(synapse.newPopulation(pre, post), synapse, pre, post);
  }

  @Override
  public void initialize() {
    try {
      population.initialize();
    } catch (UnsupportedOperationException notYet) {
      for (Quantity state : population.metadata().states()) {
        Arrays.fill(population.state(state.name()), state.defaultValue());
      }
    }
  }

  @Override
  public void currentValues(String name, double t, double[] voltages, double[] out) {
    try {
      population.currentValues(name, t, voltages, out);
    } catch (UnsupportedOperationException notYet) {
      if (!name.equals(Probe.CURRENT)) {
        throw notYet;
      }
      SynapseMetadata metadata = population.metadata();
      List<Quantity> parameters = metadata.parameters();
      List<Quantity> states = metadata.states();
      double[] parameterValues = new double[parameters.size()];
      double[] stateValues = new double[states.size()];
      for (int k = 0; k < size(); k++) {
        for (int p = 0; p < parameterValues.length; p++) {
          parameterValues[p] = population.parameter(parameters.get(p).name()).get(k);
        }
        for (int s = 0; s < stateValues.length; s++) {
          stateValues[s] = population.state(states.get(s).name())[k];
        }
        out[k] = synapse.current(parameterValues, stateValues, voltages[preIndex[k]], voltages[postIndex[k]]);
      }
    }
  }

  @Override
  public int size() {
    return population.size();
  }

  @Override
  public SynapseMetadata metadata() {
    return population.metadata();
  }

  @Override
  public ParameterArray parameter(String name) {
    return population.parameter(name);
  }

  @Override
  public double[] state(String name) {
    return population.state(name);
  }

  @Override
  public void checked(boolean on) {
    population.checked(on);
  }

  @Override
  public boolean isChecked() {
    return population.isChecked();
  }

  @Override
  public void step(double dt, double[] voltages) {
    population.step(dt, voltages);
  }

  @Override
  public void addCurrents(double[] voltages, double[] current, double[] conductance) {
    population.addCurrents(voltages, current, conductance);
  }

  @Override
  public void step(double t, double dt, double[] voltages) {
    population.step(t, dt, voltages);
  }

  @Override
  public void addCurrents(double t, double[] voltages, double[] current, double[] conductance) {
    population.addCurrents(t, voltages, current, conductance);
  }

  @Override
  public void deliverPre(int synapse, double t, double weight) {
    population.deliverPre(synapse, t, weight);
  }

  @Override
  public void deliverPost(int compartment, double t) {
    population.deliverPost(compartment, t);
  }
}
