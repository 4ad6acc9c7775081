package io.cleft.runtime;

/**
 * Told of each event an {@link EventQueue} delivers, right after the population has run its
 * handler, so that a simulator can record per event (the weight an STDP rule left, say) without
 * a queue of its own.
 */
@FunctionalInterface
public interface Delivery {
  /**
   * The event of {@code kind} for {@code target} (a synapse for {@link EventKind#PRE}, a
   * compartment for {@link EventKind#POST}) at its own {@code time} (ms) has just been delivered;
   * {@code weight} is its weight, NaN for a POST event, which has none. May schedule further
   * events on the queue; those already due are delivered in the same call.
   */
  void delivered(EventKind kind, int target, double time, double weight);
}
