package io.cleft.runtime;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * One parameter across a population, and the only way to read or write it: the population's
 * own array is never handed out. A population keeps what its model computes from parameters
 * alone (a decay factor {@code exp(-dt / tau)}, say) per synapse instead of computing it in every
 * step; every write through this view tells the population which synapse changed, and it
 * computes that synapse's kept values again at once (O(1) for {@link #set}, O(N) for the bulk
 * writes). So no step can use values computed from an old parameter, and a step costs what it
 * did with a raw array: the loops still read the population's array directly.
 *
 * <p>Every write is checked against the parameter's declared range ({@code in [lo, hi]}; no
 * range means any number): a value outside it, or NaN, throws IllegalArgumentException and
 * nothing is written. The check is always on; it is one comparison per value written.
 */
public final class ParameterArray {
  private static final IntConsumer NOTHING_KEPT_PER_SYNAPSE = synapse -> {};
  private static final Runnable NOTHING_KEPT = () -> {};

  private final SynapseMetadata metadata;
  private final Quantity quantity;
  private final double[] values;
  private final IntConsumer synapseChanged;
  private final Runnable allChanged;

  /**
   * A view of {@code values}, the array of parameter number {@code parameter} of a population
   * of {@code metadata}'s model. {@code synapseChanged} is told of each synapse written by
   * {@link #set}, {@code allChanged} of a write to every synapse.
   */
  public ParameterArray(
      SynapseMetadata metadata, int parameter, double[] values, IntConsumer synapseChanged, Runnable allChanged) {
    this.metadata = Objects.requireNonNull(metadata, "metadata");
    this.quantity = metadata.parameters().get(parameter);
    this.values = Objects.requireNonNull(values, "values");
    this.synapseChanged = Objects.requireNonNull(synapseChanged, "synapseChanged");
    this.allChanged = Objects.requireNonNull(allChanged, "allChanged");
  }

  /** A view for a population that keeps nothing computed from its parameters. */
  public ParameterArray(SynapseMetadata metadata, int parameter, double[] values) {
    this(metadata, parameter, values, NOTHING_KEPT_PER_SYNAPSE, NOTHING_KEPT);
  }

  /** The parameter's unprefixed name. */
  public String name() {
    return quantity.name();
  }

  /** The parameter's declaration: default, unit, range and doc. */
  public Quantity quantity() {
    return quantity;
  }

  /** The number of synapses. */
  public int size() {
    return values.length;
  }

  /** Synapse {@code synapse}'s value, in the declared unit. */
  public double get(int synapse) {
    return values[Objects.checkIndex(synapse, values.length)];
  }

  /** Sets synapse {@code synapse}'s value, in the declared unit; what depends on it follows at once. */
  public void set(int synapse, double value) {
    Objects.checkIndex(synapse, values.length);
    checkRange(synapse, value);
    values[synapse] = value;
    synapseChanged.accept(synapse);
  }

  /** Sets every synapse's value. */
  public void fill(double value) {
    checkRange(-1, value);
    Arrays.fill(values, value);
    allChanged.run();
  }

  /**
   * Sets synapse i's value to {@code source[i]}, for every synapse; {@code source} must have
   * one entry per synapse. If an entry is out of range, nothing is written.
   */
  public void setAll(double[] source) {
    Objects.requireNonNull(source, "source");
    if (source.length != values.length) {
      throw new IllegalArgumentException(
          "setAll of parameter " + name() + " of " + metadata.name() + ": " + source.length
              + " values for " + values.length + " synapses");
    }
    for (int i = 0; i < source.length; i++) {
      checkRange(i, source[i]);
    }
    System.arraycopy(source, 0, values, 0, values.length);
    allChanged.run();
  }

  /** Copies every synapse's value into the start of {@code target}, which must be long enough. */
  public void copyTo(double[] target) {
    Objects.requireNonNull(target, "target");
    if (target.length < values.length) {
      throw new IllegalArgumentException(
          "copyTo of parameter " + name() + " of " + metadata.name() + ": " + target.length
              + " entries cannot hold " + values.length + " synapses");
    }
    System.arraycopy(values, 0, target, 0, values.length);
  }

  /** A copy of every synapse's value. */
  public double[] toArray() {
    return values.clone();
  }

  /** Rejects a value outside the declared range; {@code synapse} is -1 for a write to all. */
  private void checkRange(int synapse, double value) {
    if (!quantity.inRange(value)) {
      throw new IllegalArgumentException(
          "parameter " + name() + " of " + metadata.name()
              + (synapse < 0 ? ", every synapse" : ", synapse " + synapse) + ": " + value
              + " is outside its declared range " + quantity.rangeText());
    }
  }

  @Override
  public String toString() {
    return metadata.name() + " parameter " + name() + " of " + values.length + " synapses";
  }
}
