package io.cleft.runtime;

/** What an {@link EventQueue} event runs when it is delivered. */
public enum EventKind {
  /**
   * A presynaptic spike arriving at one synapse: {@link SynapsePopulation#deliverPre}, the
   * model's {@code on pre} handler, with the event's weight. The target is a synapse.
   */
  PRE,
  /**
   * A postsynaptic spike of one compartment: {@link SynapsePopulation#deliverPost}, the model's
   * {@code on post} handler, for every synapse onto it. The target is a compartment.
   */
  POST
}
