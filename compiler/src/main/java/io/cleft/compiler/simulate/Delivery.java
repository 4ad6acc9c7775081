package io.cleft.compiler.simulate;

/**
 * Called right after each delivered event. TEMPORARY stand-in for the runtime's
 * {@code EventQueue.Delivery} (branch h-runtime), with the same method; deleted when that
 * branch is merged.
 */
@FunctionalInterface
interface Delivery {
  /**
   * @param target the synapse of a PRE event, the compartment of a POST event
   * @param time the event's own time (ms), which the handler saw as {@code t}
   * @param weight the PRE event's weight (0 for POST)
   */
  void delivered(EventKind kind, int target, double time, double weight);
}
