package io.cleft.runtime;

import java.util.Arrays;
import java.util.Objects;

/**
 * The pending spikes of a simulation, each delivered to a {@link SynapsePopulation} at its own
 * time: NEURON's event queue, for a fixed step.
 *
 * <p>An event is a presynaptic spike for one synapse with a weight ({@link #schedulePre}, run by
 * {@link SynapsePopulation#deliverPre}) or a postsynaptic spike of one compartment ({@link
 * #schedulePost}, run by {@link SynapsePopulation#deliverPost}). Events leave the queue in
 * increasing time, and events of the same time in the order they were scheduled, whatever their
 * kind; each is delivered with its own exact time, never the step's, since a handler that decays
 * a trace over {@code t - tlast} must see when the spike arrived.
 *
 * <p>{@link #deliverDue} is NEURON's rule for the fixed step: the step that starts at {@code t}
 * delivers every event with {@code time <= t + dt/2} (NEURON compares with {@code t + 0.5*dt},
 * the same double), so that an event is delivered in the step whose start is nearest its time,
 * the earlier step for a time exactly halfway. {@link #deliverUntil} delivers every event up to a
 * given time, for simulators with another rule. An event scheduled while a call delivers (by a
 * {@link Delivery} listener, say) for a time that is already due is delivered in the same call,
 * as NEURON delivers it in the same step. The queue keeps no clock: an event scheduled for a time
 * before events already delivered is delivered by the next call, still with its own time.
 *
 * <p>The queue is a binary heap over five primitive arrays (time, sequence number, kind, target,
 * weight), ordered by (time, sequence number): O(log n) to schedule and to deliver an event, and
 * no allocation per event once the arrays have grown to the largest number of events pending at
 * once (they double when full and never shrink). Not safe for use by more than one thread.
 */
public final class EventQueue {
  private static final int DEFAULT_CAPACITY = 64;
  /** The largest array the JVM is sure to allocate. */
  private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

  private static final byte PRE = 0;
  private static final byte POST = 1;

  private double[] times;
  /** Scheduling order, which breaks ties in time: a long never wraps in practice. */
  private long[] sequences;
  private byte[] kinds;
  private int[] targets;
  private double[] weights;
  private int size;
  private long nextSequence;

  /** An empty queue with room for 64 events before it first grows. */
  public EventQueue() {
    this(DEFAULT_CAPACITY);
  }

  /**
   * An empty queue with room for {@code initialCapacity} events before it first grows: a
   * simulator that knows how many events can be pending at once allocates nothing later. Throws
   * IllegalArgumentException for a negative capacity.
   */
  public EventQueue(int initialCapacity) {
    if (initialCapacity < 0 || initialCapacity > MAX_CAPACITY) {
      throw new IllegalArgumentException(
          "initial capacity " + initialCapacity + " is outside [0, " + MAX_CAPACITY + "]");
    }
    times = new double[initialCapacity];
    sequences = new long[initialCapacity];
    kinds = new byte[initialCapacity];
    targets = new int[initialCapacity];
    weights = new double[initialCapacity];
  }

  /**
   * Schedules a presynaptic spike for {@code synapse} at {@code time} (ms) with {@code weight}
   * (the unit of the model's {@code on pre} weight). Throws IllegalArgumentException, naming
   * the argument, for a time or weight that is NaN or infinite or a negative synapse; a synapse
   * beyond the population is the population's to reject when the event is delivered.
   */
  public void schedulePre(double time, int synapse, double weight) {
    checkTime(time);
    checkTarget("synapse", synapse);
    if (!Double.isFinite(weight)) {
      throw new IllegalArgumentException("event weight " + weight + " is not a finite number");
    }
    push(time, PRE, synapse, weight);
  }

  /**
   * Schedules a postsynaptic spike of {@code compartment} at {@code time} (ms). Throws
   * IllegalArgumentException, naming the argument, for a time that is NaN or infinite or a
   * negative compartment.
   */
  public void schedulePost(double time, int compartment) {
    checkTime(time);
    checkTarget("compartment", compartment);
    push(time, POST, compartment, Double.NaN);
  }

  /**
   * NEURON's delivery for the fixed step that starts at {@code t} (ms) and lasts {@code dt}
   * (ms): delivers to {@code population} every event with {@code time <= t + dt/2}, in
   * increasing time and, for equal times, in scheduling order, each at its own time, and returns
   * how many it delivered. Throws IllegalArgumentException for a {@code t} that is not finite or
   * a {@code dt} that is negative or not finite. If a handler throws, the event it was given has
   * left the queue and the later ones have not.
   */
  public int deliverDue(SynapsePopulation population, double t, double dt) {
    return deliverDue(population, t, dt, null);
  }

  /**
   * {@link #deliverDue(SynapsePopulation, double, double)}, telling {@code delivery} of each
   * event right after the population has run its handler (null: tell no one).
   */
  public int deliverDue(SynapsePopulation population, double t, double dt, Delivery delivery) {
    if (!Double.isFinite(t)) {
      throw new IllegalArgumentException("step start t = " + t + " is not a finite number");
    }
    if (!(dt >= 0) || dt == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("step dt = " + dt + " is not a finite number >= 0");
    }
    return deliverThrough(population, t + dt / 2, delivery);
  }

  /**
   * Delivers to {@code population} every event with {@code time <= until} (ms; +infinity for
   * all), in the order of {@link #deliverDue}, and returns how many: for simulators that decide
   * themselves which events belong to a step. Throws IllegalArgumentException for NaN.
   */
  public int deliverUntil(SynapsePopulation population, double until) {
    return deliverUntil(population, until, null);
  }

  /** {@link #deliverUntil(SynapsePopulation, double)}, telling {@code delivery} of each event. */
  public int deliverUntil(SynapsePopulation population, double until, Delivery delivery) {
    if (Double.isNaN(until)) {
      throw new IllegalArgumentException("delivery time NaN is not a number");
    }
    return deliverThrough(population, until, delivery);
  }

  /** The number of events pending. */
  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** The time of the next event to be delivered, +infinity when there is none. */
  public double nextTime() {
    return size == 0 ? Double.POSITIVE_INFINITY : times[0];
  }

  /** Drops every pending event (for a new run); the arrays keep their capacity. */
  public void clear() {
    size = 0;
  }

  private int deliverThrough(SynapsePopulation population, double limit, Delivery delivery) {
    Objects.requireNonNull(population, "population");
    int delivered = 0;
    // The root leaves the heap before its handler runs, so that a handler or listener that
    // schedules (or delivers) finds the heap whole; an event it schedules for a time <= limit
    // becomes the root in turn and is delivered by this loop.
    while (size > 0 && times[0] <= limit) {
      double time = times[0];
      byte kind = kinds[0];
      int target = targets[0];
      double weight = weights[0];
      removeRoot();
      if (kind == PRE) {
        population.deliverPre(target, time, weight);
      } else {
        population.deliverPost(target, time);
      }
      delivered++;
      if (delivery != null) {
        delivery.delivered(kind == PRE ? EventKind.PRE : EventKind.POST, target, time, weight);
      }
    }
    return delivered;
  }

  private void push(double time, byte kind, int target, double weight) {
    if (size == times.length) {
      grow();
    }
    long sequence = nextSequence++;
    // Sift up: move parents that come later down into the hole, then fill it.
    int hole = size++;
    while (hole > 0) {
      int parent = (hole - 1) >>> 1;
      if (!comesBefore(time, sequence, parent)) {
        break;
      }
      move(parent, hole);
      hole = parent;
    }
    set(hole, time, sequence, kind, target, weight);
  }

  private void removeRoot() {
    int last = --size;
    if (last == 0) {
      return;
    }
    double time = times[last];
    long sequence = sequences[last];
    // Sift the last event down from the root: move the earlier child up into the hole.
    int hole = 0;
    while (true) {
      int child = 2 * hole + 1;
      if (child >= last) {
        break;
      }
      int right = child + 1;
      if (right < last && comesBefore(times[right], sequences[right], child)) {
        child = right;
      }
      if (!comesBefore(times[child], sequences[child], time, sequence)) {
        break;
      }
      move(child, hole);
      hole = child;
    }
    set(hole, time, sequence, kinds[last], targets[last], weights[last]);
  }

  /** Whether the event (time, sequence) comes before the one at heap position {@code at}. */
  private boolean comesBefore(double time, long sequence, int at) {
    return comesBefore(time, sequence, times[at], sequences[at]);
  }

  private static boolean comesBefore(double time, long sequence, double otherTime, long otherSequence) {
    return time < otherTime || (time == otherTime && sequence < otherSequence);
  }

  private void move(int from, int to) {
    times[to] = times[from];
    sequences[to] = sequences[from];
    kinds[to] = kinds[from];
    targets[to] = targets[from];
    weights[to] = weights[from];
  }

  private void set(int at, double time, long sequence, byte kind, int target, double weight) {
    times[at] = time;
    sequences[at] = sequence;
    kinds[at] = kind;
    targets[at] = target;
    weights[at] = weight;
  }

  private void grow() {
    if (times.length == MAX_CAPACITY) {
      throw new IllegalStateException("the event queue is full: " + MAX_CAPACITY + " events pending");
    }
    int capacity = (int) Math.min(MAX_CAPACITY, Math.max(1L, 2L * times.length));
    times = Arrays.copyOf(times, capacity);
    sequences = Arrays.copyOf(sequences, capacity);
    kinds = Arrays.copyOf(kinds, capacity);
    targets = Arrays.copyOf(targets, capacity);
    weights = Arrays.copyOf(weights, capacity);
  }

  private static void checkTime(double time) {
    if (!Double.isFinite(time)) {
      throw new IllegalArgumentException("event time " + time + " is not a finite number");
    }
  }

  private static void checkTarget(String what, int target) {
    if (target < 0) {
      throw new IllegalArgumentException("event " + what + " " + target + " is negative");
    }
  }
}
