package io.cleft.runtime;

import java.util.List;

/**
 * The checks of a population's checked mode, run after each strip of synapses when it is on
 * (and not at all when it is off): every state a step computed must be a number inside its
 * declared range, every current and conductance a number.
 */
public final class CheckedMode {
  private CheckedMode() {}

  /**
   * Checks synapses {@code start} to {@code start + count - 1}, in order, and throws for the
   * first bad value.
   *
   * @param states the population's state arrays, in declaration order; null to skip states
   * @param stateOrigins the model line that updates each state, empty for a state never updated
   * @param current the strip's currents ({@code current[j]} is synapse {@code start + j}'s); null
   *     to skip currents
   * @param conductance the strip's derivatives of the currents, like {@code current}
   * @param currentOrigin the model line of the current
   */
  public static void checkStrip(
      SynapseMetadata metadata,
      int start,
      int count,
      double[][] states,
      List<String> stateOrigins,
      double[] current,
      double[] conductance,
      String currentOrigin) {
    List<Quantity> declared = metadata.states();
    for (int j = 0; j < count; j++) {
      int synapse = start + j;
      if (states != null) {
        for (int s = 0; s < states.length; s++) {
          double value = states[s][synapse];
          if (!declared.get(s).inRange(value)) {
            throw badState(metadata, synapse, declared.get(s), value, stateOrigins.get(s));
          }
        }
      }
      if (current != null) {
        if (Double.isNaN(current[j])) {
          throw new InvalidValueException(
              metadata.name() + " synapse " + synapse + ": the current is NaN" + origin(", computed by ", currentOrigin),
              synapse, "current", current[j], currentOrigin);
        }
        if (Double.isNaN(conductance[j])) {
          throw new InvalidValueException(
              metadata.name() + " synapse " + synapse + ": the derivative of the current (conductance) is NaN"
                  + origin(", derived from ", currentOrigin),
              synapse, "conductance", conductance[j], currentOrigin);
        }
      }
    }
  }

  private static InvalidValueException badState(
      SynapseMetadata metadata, int synapse, Quantity state, double value, String origin) {
    String what = Double.isNaN(value) ? "is NaN" : "= " + value + " is outside its declared range " + state.rangeText();
    String source = origin.isEmpty() ? " (the model never updates it: it was written so)" : origin(", computed by ", origin);
    return new InvalidValueException(
        metadata.name() + " synapse " + synapse + ": state " + state.name() + " " + what + source,
        synapse, state.name(), value, origin);
  }

  private static String origin(String prefix, String origin) {
    return origin.isEmpty() ? "" : prefix + origin;
  }
}
