package io.cleft.runtime;

import java.util.Map;

/**
 * A synapse model with Jaxley's interface: parameters and states in maps under prefixed names
 * ({@code IonotropicSynapse_gS}), one update and one current per call. Convenient for tools and
 * tests; simulations use {@link #newPopulation}, which has no maps, boxing or allocation.
 */
public interface Synapse {
  /** The prefix of parameter and state names; the model's name unless renamed. */
  String name();

  /** This synapse under another name, as Jaxley's {@code change_name}; this one is unchanged. */
  Synapse withName(String name);

  /** Default parameters under prefixed names, in declaration order. */
  Map<String, Double> defaultParameters();

  /** Initial states under prefixed names, in declaration order. */
  Map<String, Double> defaultStates();

  /**
   * The states after one step of {@code dt} ms. Every prefixed state and parameter must be in
   * the maps; extra entries are ignored, as Jaxley's dictionaries allow.
   */
  Map<String, Double> updateStates(
      Map<String, Double> states, double dt, double vPre, double vPost, Map<String, Double> params);

  /** The synaptic current in nA for the given states. */
  double computeCurrent(Map<String, Double> states, double vPre, double vPost, Map<String, Double> params);

  SynapseMetadata metadata();

  /**
   * {@code preIndex.length} synapses with default parameters and initial states; synapse i
   * reads its presynaptic voltage at {@code voltages[preIndex[i]]} and its postsynaptic one at
   * {@code voltages[postIndex[i]]}. The index arrays are copied; they must have the same length
   * and no negative entry, or IllegalArgumentException is thrown.
   */
  SynapsePopulation newPopulation(int[] preIndex, int[] postIndex);
}
