package io.cleft.compiler.simulate;

import io.cleft.runtime.SynapsePopulation;
import java.util.Arrays;

/**
 * Pending events in delivery order: increasing time, ties in the order they were scheduled.
 * TEMPORARY stand-in for the runtime's {@code EventQueue} (branch h-runtime), written against
 * its signatures and its rule (NEURON's: the step that starts at t delivers every event with
 * time <= t + dt/2); deleted when that branch is merged. A binary heap over parallel arrays.
 */
final class EventQueue {
  private double[] times = new double[16];
  private long[] sequences = new long[16];
  private EventKind[] kinds = new EventKind[16];
  private int[] targets = new int[16];
  private double[] weights = new double[16];
  private int size;
  private long nextSequence;

  void schedulePre(double time, int synapse, double weight) {
    add(time, EventKind.PRE, synapse, weight);
  }

  void schedulePost(double time, int compartment) {
    add(time, EventKind.POST, compartment, 0);
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** The time of the next event, +inf when there is none. */
  double nextTime() {
    return size == 0 ? Double.POSITIVE_INFINITY : times[0];
  }

  int deliverDue(SynapsePopulation population, double t, double dt) {
    return deliverDue(population, t, dt, (kind, target, time, weight) -> {});
  }

  /** Delivers every event with time <= t + dt/2, calling {@code listener} after each. */
  int deliverDue(SynapsePopulation population, double t, double dt, Delivery listener) {
    double due = t + dt / 2;
    int delivered = 0;
    while (size > 0 && times[0] <= due) {
      double time = times[0];
      EventKind kind = kinds[0];
      int target = targets[0];
      double weight = weights[0];
      removeFirst();
      if (kind == EventKind.PRE) {
        population.deliverPre(target, time, weight);
      } else {
        population.deliverPost(target, time);
      }
      listener.delivered(kind, target, time, weight);
      delivered++;
    }
    return delivered;
  }

  private void add(double time, EventKind kind, int target, double weight) {
    if (!Double.isFinite(time)) {
      throw new IllegalArgumentException("event time " + time + " is not finite");
    }
    if (target < 0) {
      throw new IllegalArgumentException("event target " + target + " is negative");
    }
    if (size == times.length) {
      int capacity = 2 * size;
      times = Arrays.copyOf(times, capacity);
      sequences = Arrays.copyOf(sequences, capacity);
      kinds = Arrays.copyOf(kinds, capacity);
      targets = Arrays.copyOf(targets, capacity);
      weights = Arrays.copyOf(weights, capacity);
    }
    int i = size++;
    put(i, time, nextSequence++, kind, target, weight);
    while (i > 0 && before(i, (i - 1) / 2)) {
      swap(i, (i - 1) / 2);
      i = (i - 1) / 2;
    }
  }

  private void removeFirst() {
    size--;
    put(0, times[size], sequences[size], kinds[size], targets[size], weights[size]);
    int i = 0;
    while (true) {
      int left = 2 * i + 1;
      int right = left + 1;
      int first = i;
      if (left < size && before(left, first)) {
        first = left;
      }
      if (right < size && before(right, first)) {
        first = right;
      }
      if (first == i) {
        return;
      }
      swap(i, first);
      i = first;
    }
  }

  private boolean before(int a, int b) {
    return times[a] < times[b] || (times[a] == times[b] && sequences[a] < sequences[b]);
  }

  private void put(int i, double time, long sequence, EventKind kind, int target, double weight) {
    times[i] = time;
    sequences[i] = sequence;
    kinds[i] = kind;
    targets[i] = target;
    weights[i] = weight;
  }

  private void swap(int a, int b) {
    double time = times[a];
    long sequence = sequences[a];
    EventKind kind = kinds[a];
    int target = targets[a];
    double weight = weights[a];
    put(a, times[b], sequences[b], kinds[b], targets[b], weights[b]);
    put(b, time, sequence, kind, target, weight);
  }
}
