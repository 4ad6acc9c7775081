package io.cleft.compiler.simulate;

import io.cleft.runtime.ParameterArray;
import io.cleft.runtime.Quantity;
import io.cleft.runtime.SynapseMetadata;
import io.cleft.runtime.SynapsePopulation;
import java.util.Arrays;

/**
 * What a hand-written population of the tests shares: parameter and state arrays by metadata,
 * the wiring, and a record of the calls a loop makes, so the simulation loops can be tested
 * before the emitter generates the event API.
 */
abstract class HandWrittenPopulation implements SynapsePopulation {
  final SynapseMetadata metadata;
  final int[] preIndex;
  final int[] postIndex;
  final double[][] parameters;
  final double[][] states;
  /** Every call, in order, for tests of the loops' order: "deliverPre 0 10.0", "step 0.0". */
  final StringBuilder calls = new StringBuilder();
  boolean logCalls;

  HandWrittenPopulation(SynapseMetadata metadata, int[] preIndex, int[] postIndex) {
    this.metadata = metadata;
    this.preIndex = preIndex.clone();
    this.postIndex = postIndex.clone();
    parameters = new double[metadata.parameters().size()][preIndex.length];
    for (int p = 0; p < parameters.length; p++) {
      Arrays.fill(parameters[p], metadata.parameters().get(p).defaultValue());
    }
    states = new double[metadata.states().size()][preIndex.length];
    for (int s = 0; s < states.length; s++) {
      Arrays.fill(states[s], metadata.states().get(s).defaultValue());
    }
  }

  static Quantity quantity(String name, double value, String unit) {
    return new Quantity(name, value, unit, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, "");
  }

  void log(String call) {
    if (logCalls) {
      calls.append(call).append('\n');
    }
  }

  @Override
  public int size() {
    return preIndex.length;
  }

  @Override
  public SynapseMetadata metadata() {
    return metadata;
  }

  @Override
  public ParameterArray parameter(String name) {
    int p = metadata.parameterIndex(name);
    if (p < 0) {
      throw new IllegalArgumentException("no parameter " + name);
    }
    return new ParameterArray(metadata, p, parameters[p]);
  }

  @Override
  public double[] state(String name) {
    int s = metadata.stateIndex(name);
    if (s < 0) {
      throw new IllegalArgumentException("no state " + name);
    }
    return states[s];
  }

  @Override
  public void checked(boolean on) {}

  @Override
  public boolean isChecked() {
    return false;
  }

  @Override
  public void step(double dt, double[] voltages) {
    throw new UnsupportedOperationException("the loops pass the time");
  }

  @Override
  public void addCurrents(double[] voltages, double[] current, double[] conductance) {
    throw new UnsupportedOperationException("the loops pass the time");
  }

  @Override
  public void initialize() {
    for (int s = 0; s < states.length; s++) {
      Arrays.fill(states[s], metadata.states().get(s).defaultValue());
    }
  }
}
