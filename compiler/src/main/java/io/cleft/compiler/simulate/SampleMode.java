package io.cleft.compiler.simulate;

/** When {@code cleft run} writes a row. */
public enum SampleMode {
  /** One row per time step, row 0 after initialisation. */
  STEPS,
  /** One row per synapse an event reached, right after its handler ran, in delivery order. */
  EVENTS
}
