package io.cleft.runtime;

import java.util.Arrays;
import java.util.List;

/**
 * A population with no model that records every deliverPre and deliverPost call it gets, in
 * order, into primitive arrays (so that recording allocates nothing once they are large enough),
 * and rejects a synapse outside it as a generated population does.
 */
final class RecordingPopulation implements SynapsePopulation {
  private static final SynapseMetadata METADATA = new SynapseMetadata("Recording", "", List.of(), List.of());

  private final int synapses;
  private EventKind[] kinds;
  private int[] targets;
  private double[] times;
  private double[] weights;
  private int calls;

  RecordingPopulation(int synapses, int initialCapacity) {
    this.synapses = synapses;
    kinds = new EventKind[initialCapacity];
    targets = new int[initialCapacity];
    times = new double[initialCapacity];
    weights = new double[initialCapacity];
  }

  RecordingPopulation(int synapses) {
    this(synapses, 16);
  }

  int calls() {
    return calls;
  }

  EventKind kind(int call) {
    return kinds[checkCall(call)];
  }

  int target(int call) {
    return targets[checkCall(call)];
  }

  double time(int call) {
    return times[checkCall(call)];
  }

  double weight(int call) {
    return weights[checkCall(call)];
  }

  /** Forgets the calls recorded so far; keeps the arrays. */
  void forget() {
    calls = 0;
  }

  @Override
  public void deliverPre(int synapse, double t, double weight) {
    if (synapse < 0 || synapse >= synapses) {
      throw new IndexOutOfBoundsException("synapse " + synapse + " of " + synapses);
    }
    record(EventKind.PRE, synapse, t, weight);
  }

  @Override
  public void deliverPost(int compartment, double t) {
    record(EventKind.POST, compartment, t, Double.NaN);
  }

  private void record(EventKind kind, int target, double t, double weight) {
    if (calls == kinds.length) {
      int capacity = Math.max(1, 2 * calls);
      kinds = Arrays.copyOf(kinds, capacity);
      targets = Arrays.copyOf(targets, capacity);
      times = Arrays.copyOf(times, capacity);
      weights = Arrays.copyOf(weights, capacity);
    }
    kinds[calls] = kind;
    targets[calls] = target;
    times[calls] = t;
    weights[calls] = weight;
    calls++;
  }

  private int checkCall(int call) {
    if (call < 0 || call >= calls) {
      throw new IndexOutOfBoundsException("call " + call + " of " + calls);
    }
    return call;
  }

  @Override
  public int size() {
    return synapses;
  }

  @Override
  public SynapseMetadata metadata() {
    return METADATA;
  }

  @Override
  public ParameterArray parameter(String name) {
    throw new IllegalArgumentException("no parameter " + name);
  }

  @Override
  public double[] state(String name) {
    throw new IllegalArgumentException("no state " + name);
  }

  @Override
  public void checked(boolean on) {}

  @Override
  public boolean isChecked() {
    return false;
  }

  @Override
  public void step(double dt, double[] voltages) {}

  @Override
  public void addCurrents(double[] voltages, double[] current, double[] conductance) {}
}
