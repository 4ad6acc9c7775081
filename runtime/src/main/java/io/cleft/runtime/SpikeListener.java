package io.cleft.runtime;

/** Told by a {@link ThresholdDetector} of each spike it detects. */
@FunctionalInterface
public interface SpikeListener {
  /**
   * Source number {@code source} (its position in the detector's compartments, not the
   * compartment itself) spiked at {@code t} (ms, the time the detector was checked at).
   */
  void spike(int source, double t);
}
