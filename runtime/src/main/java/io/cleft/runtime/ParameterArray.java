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
 *
 * <p>A parameter declared {@code shared} has one value for the whole population: its view is
 * over one number and still answers for every synapse. {@link #fill} sets it; {@link #set} and
 * {@link #setAll} accept only the value every synapse already has or, for setAll, one value
 * throughout, and otherwise throw IllegalArgumentException and write nothing, since a value for
 * one synapse alone cannot be kept.
 */
public final class ParameterArray {
  private static final IntConsumer NOTHING_KEPT_PER_SYNAPSE = synapse -> {};
  private static final Runnable NOTHING_KEPT = () -> {};

  private final SynapseMetadata metadata;
  private final Quantity quantity;
  /** One entry per synapse, or for a shared parameter the one value in entry 0. */
  private final double[] values;
  private final int size;
  private final boolean shared;
  private final IntConsumer synapseChanged;
  private final Runnable allChanged;

  /**
   * A view of {@code values}, the array of parameter number {@code parameter} of a population
   * of {@code metadata}'s model. {@code synapseChanged} is told of each synapse written by
   * {@link #set}, {@code allChanged} of a write to every synapse.
   */
  public ParameterArray(
      SynapseMetadata metadata, int parameter, double[] values, IntConsumer synapseChanged, Runnable allChanged) {
    this(metadata, parameter, values, values.length, false, synapseChanged, allChanged);
  }

  private ParameterArray(
      SynapseMetadata metadata,
      int parameter,
      double[] values,
      int size,
      boolean shared,
      IntConsumer synapseChanged,
      Runnable allChanged) {
    this.metadata = Objects.requireNonNull(metadata, "metadata");
    this.quantity = metadata.parameters().get(parameter);
    this.values = Objects.requireNonNull(values, "values");
    this.size = size;
    this.shared = shared;
    this.synapseChanged = Objects.requireNonNull(synapseChanged, "synapseChanged");
    this.allChanged = Objects.requireNonNull(allChanged, "allChanged");
  }

  /**
   * A view of shared parameter number {@code parameter} of a population of {@code size}
   * synapses, whose one value is {@code value[0]}; {@code changed} is told of every write.
   */
  public static ParameterArray shared(
      SynapseMetadata metadata, int parameter, double[] value, int size, Runnable changed) {
    Objects.requireNonNull(value, "value");
    if (value.length != 1) {
      throw new IllegalArgumentException("a shared parameter's value is one number, not " + value.length);
    }
    if (!metadata.isShared(parameter)) {
      throw new IllegalArgumentException(
          "parameter " + metadata.parameters().get(parameter).name() + " of " + metadata.name() + " is not shared");
    }
    if (size < 0) {
      throw new IllegalArgumentException("negative population size " + size);
    }
    return new ParameterArray(metadata, parameter, value, size, true, NOTHING_KEPT_PER_SYNAPSE, changed);
  }

  /** A shared parameter's view for a population that keeps nothing computed from its parameters. */
  public static ParameterArray shared(SynapseMetadata metadata, int parameter, double[] value, int size) {
    return shared(metadata, parameter, value, size, NOTHING_KEPT);
  }

  /** Whether the parameter is shared: one value for every synapse. */
  public boolean isShared() {
    return shared;
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
    return size;
  }

  /** Synapse {@code synapse}'s value, in the declared unit. */
  public double get(int synapse) {
    Objects.checkIndex(synapse, size);
    return values[shared ? 0 : synapse];
  }

  /** Sets synapse {@code synapse}'s value, in the declared unit; what depends on it follows at once. */
  public void set(int synapse, double value) {
    Objects.checkIndex(synapse, size);
    checkRange(synapse, value);
    if (shared) {
      checkSameAsShared(synapse, value);
      return;
    }
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
    if (source.length != size) {
      throw new IllegalArgumentException(
          "setAll of parameter " + name() + " of " + metadata.name() + ": " + source.length
              + " values for " + size + " synapses");
    }
    for (int i = 0; i < source.length; i++) {
      checkRange(i, source[i]);
    }
    if (shared) {
      for (int i = 1; i < source.length; i++) {
        if (Double.compare(source[i], source[0]) != 0) {
          throw new IllegalArgumentException(
              "setAll of shared parameter " + name() + " of " + metadata.name() + ": synapse " + i
                  + " has " + source[i] + " but synapse 0 has " + source[0]
                  + "; a shared parameter has one value for every synapse");
        }
      }
      if (source.length > 0) {
        values[0] = source[0];
        allChanged.run();
      }
      return;
    }
    System.arraycopy(source, 0, values, 0, values.length);
    allChanged.run();
  }

  /** Copies every synapse's value into the start of {@code target}, which must be long enough. */
  public void copyTo(double[] target) {
    Objects.requireNonNull(target, "target");
    if (target.length < size) {
      throw new IllegalArgumentException(
          "copyTo of parameter " + name() + " of " + metadata.name() + ": " + target.length
              + " entries cannot hold " + size + " synapses");
    }
    if (shared) {
      Arrays.fill(target, 0, size, values[0]);
    } else {
      System.arraycopy(values, 0, target, 0, size);
    }
  }

  /** A copy of every synapse's value. */
  public double[] toArray() {
    double[] copy = new double[size];
    copyTo(copy);
    return copy;
  }

  /** A shared parameter takes a write to one synapse only if it leaves every synapse as it was. */
  private void checkSameAsShared(int synapse, double value) {
    if (Double.compare(value, values[0]) != 0) {
      throw new IllegalArgumentException(
          "parameter " + name() + " of " + metadata.name() + " is shared: synapse " + synapse
              + " cannot have " + value + " while every other synapse has " + values[0]
              + "; set the one value of every synapse with fill");
    }
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
    return metadata.name() + (shared ? " shared" : "") + " parameter " + name() + " of " + size + " synapses";
  }
}
