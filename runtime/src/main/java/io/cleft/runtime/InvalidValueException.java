package io.cleft.runtime;

/**
 * What a population in checked mode ({@link SynapsePopulation#checked}) throws when a step
 * gives a synapse a state that is NaN or outside its declared range, or a current (or its
 * derivative) that is NaN: the first such synapse, with the model line that computed the value.
 */
public final class InvalidValueException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int synapse;
  private final String quantity;
  private final double value;
  private final String origin;

  /**
   * @param quantity the state's name, or {@code current}, or {@code conductance}
   * @param origin the model line that computed the value ("Model.syn:14: r' = ..."), or empty
   */
  public InvalidValueException(String message, int synapse, String quantity, double value, String origin) {
    super(message);
    this.synapse = synapse;
    this.quantity = quantity;
    this.value = value;
    this.origin = origin;
  }

  /** The index of the synapse in its population. */
  public int synapse() {
    return synapse;
  }

  /** The state's name, or {@code current}, or {@code conductance} (dI/dv_post). */
  public String quantity() {
    return quantity;
  }

  public double value() {
    return value;
  }

  /** The model line that computed the value ("Model.syn:14: r' = ..."); empty if none did. */
  public String origin() {
    return origin;
  }
}
