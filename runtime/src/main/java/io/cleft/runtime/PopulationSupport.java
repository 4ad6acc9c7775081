package io.cleft.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** Argument checks shared by generated populations, kept out of their hot loops. */
public final class PopulationSupport {
  /**
   * Synapses per strip of a generated population's step: the scratch arrays' length, and where
   * ranges that must give the one-threaded bits in SIMD mode, or checked mode's exception, start.
   */
  public static final int STRIP_SIZE = 256;

  /**
   * The message of the assertion that a population's kept values are what their definitions
   * give now. Writes go through {@link ParameterArray}, which keeps them so; under {@code -ea}
   * the assertion checks that this holds.
   */
  public static final String STALE_CACHES =
      "a value the population keeps per synapse differs from what its definition gives from the "
          + "parameters now: cleft's generated code failed to recompute it";

  private PopulationSupport() {}

  /** The number of synapses: one entry each in both index arrays. */
  public static int synapseCount(int[] preIndex, int[] postIndex) {
    Objects.requireNonNull(preIndex, "preIndex");
    Objects.requireNonNull(postIndex, "postIndex");
    if (preIndex.length != postIndex.length) {
      throw new IllegalArgumentException(
          "preIndex has " + preIndex.length + " entries but postIndex has " + postIndex.length
              + ": both need one entry per synapse");
    }
    return preIndex.length;
  }

  /** Copies the index arrays after checking they describe the same number of synapses. */
  public static int[] checkedIndex(int[] index, int size, String what) {
    if (index.length != size) {
      throw new IllegalArgumentException(
          what + " has " + index.length + " entries but the population has " + size + " synapses");
    }
    for (int i = 0; i < index.length; i++) {
      if (index[i] < 0) {
        throw new IllegalArgumentException(what + "[" + i + "] is negative: " + index[i]);
      }
    }
    return index.clone();
  }

  /**
   * The synapse whose index is the largest (the first of them), or -1 if there are none: each
   * call then checks the lengths of its arrays against that one index, in O(1).
   */
  public static int widest(int[] index) {
    int widest = -1;
    for (int i = 0; i < index.length; i++) {
      if (widest < 0 || index[i] > index[widest]) {
        widest = i;
      }
    }
    return widest;
  }

  /** Checks that {@code voltages} has an entry for every compartment a synapse reads. */
  public static void checkVoltages(double[] voltages, int[] preIndex, int widestPre, int[] postIndex, int widestPost) {
    Objects.requireNonNull(voltages, "voltages");
    checkReach(voltages, "voltages", preIndex, widestPre, "preIndex");
    checkReach(voltages, "voltages", postIndex, widestPost, "postIndex");
  }

  /**
   * Checks that {@code current} and {@code conductance} have an entry for every compartment a
   * synapse adds into, and are distinct arrays, neither of them the voltages.
   */
  public static void checkCurrents(
      double[] voltages, double[] current, double[] conductance, int[] postIndex, int widestPost) {
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(conductance, "conductance");
    if (current == voltages || conductance == voltages || current == conductance) {
      throw new IllegalArgumentException(
          "voltages, current and conductance must be three different arrays: the sums into one would change the others");
    }
    checkReach(current, "current", postIndex, widestPost, "postIndex");
    checkReach(conductance, "conductance", postIndex, widestPost, "postIndex");
  }

  private static void checkReach(double[] array, String arrayName, int[] index, int widest, String indexName) {
    if (widest >= 0 && index[widest] >= array.length) {
      throw new IllegalArgumentException(
          "synapse " + widest + " has " + indexName + " " + index[widest] + ", but " + arrayName + " has only "
              + array.length + " entries");
    }
  }

  public static IllegalArgumentException unknown(String kind, String name, SynapseMetadata metadata) {
    return new IllegalArgumentException(
        "unknown " + kind + " '" + name + "' of " + metadata.name() + "; it has parameters "
            + metadata.parameters().stream().map(Quantity::name).toList() + " and states "
            + metadata.states().stream().map(Quantity::name).toList());
  }

  /** Throws IllegalStateException for a model that reads {@code t}: it needs the call with a time. */
  public static void requireTimeless(SynapseMetadata metadata, String timedCall) {
    if (metadata.readsTime()) {
      throw new IllegalStateException(
          metadata.name() + " reads the time t, so it must be given one: call " + timedCall);
    }
  }

  /**
   * Where each compartment's synapses start in {@link #synapsesByCompartment}: compartment c's
   * are entries {@code starts[c]} to {@code starts[c + 1] - 1}; one entry past the largest index.
   */
  public static int[] compartmentStarts(int[] postIndex) {
    int widest = widest(postIndex);
    int[] starts = new int[(widest < 0 ? 0 : postIndex[widest] + 1) + 1];
    for (int compartment : postIndex) {
      starts[compartment + 1]++;
    }
    for (int c = 1; c < starts.length; c++) {
      starts[c] += starts[c - 1];
    }
    return starts;
  }

  /** The synapses sorted by postsynaptic compartment, each compartment's in increasing order. */
  public static int[] synapsesByCompartment(int[] postIndex, int[] starts) {
    int[] next = Arrays.copyOf(starts, starts.length - 1);
    int[] order = new int[postIndex.length];
    for (int i = 0; i < postIndex.length; i++) {
      order[next[postIndex[i]]++] = i;
    }
    return order;
  }

  /** Checks that {@code out} has an entry per synapse, for a call that writes one each. */
  public static void checkOutput(double[] out, int size) {
    Objects.requireNonNull(out, "out");
    if (out.length < size) {
      throw new IllegalArgumentException("out has " + out.length + " entries but the population has " + size + " synapses");
    }
  }

  /** Checks that synapses {@code from} to {@code to - 1} are a range of the population's. */
  public static void checkRange(int from, int to, int size) {
    if (from < 0 || to > size || from > to) {
      throw new IllegalArgumentException(
          "synapses " + from + " to " + to + " are not a range of the population's " + size
              + " synapses: it needs 0 <= from <= to <= " + size);
    }
  }

  /**
   * Checks that the per-synapse buffers of {@code advanceRangeInto} have an entry per synapse
   * and are two different arrays, neither of them the voltages.
   */
  public static void checkSynapseBuffers(double[] voltages, double[] synapseCurrent, double[] synapseConductance, int size) {
    Objects.requireNonNull(synapseCurrent, "synapseCurrent");
    Objects.requireNonNull(synapseConductance, "synapseConductance");
    if (synapseCurrent == voltages || synapseConductance == voltages || synapseCurrent == synapseConductance) {
      throw new IllegalArgumentException(
          "voltages, synapseCurrent and synapseConductance must be three different arrays");
    }
    if (synapseCurrent.length < size || synapseConductance.length < size) {
      throw new IllegalArgumentException(
          "synapseCurrent has " + synapseCurrent.length + " entries and synapseConductance " + synapseConductance.length
              + ", but the population has " + size + " synapses: each needs one entry per synapse");
    }
  }

  /**
   * What a range throws when the values its population keeps for {@code dt} were not computed
   * for this {@code dt}: the step's {@code beginAdvance(dt)} must come first, since ranges that
   * run at the same time cannot compute them.
   */
  public static IllegalStateException notBegun(SynapseMetadata metadata, double dt) {
    return new IllegalStateException(
        metadata.name() + " keeps values computed from dt, and they are not those of dt = " + dt
            + ": call beginAdvance(" + dt + ") once before the ranges of a step");
  }

  /** What a population that cannot advance in ranges (one not generated by cleft) throws. */
  public static UnsupportedOperationException noRanges(SynapseMetadata metadata) {
    return new UnsupportedOperationException(
        "this population of " + metadata.name() + " cannot advance in ranges of synapses: only populations cleft"
            + " generates can");
  }

  public static IllegalArgumentException unknownCurrentValue(String name, SynapseMetadata metadata) {
    List<String> names = new ArrayList<>(List.of("i"));
    metadata.currentValues().forEach(q -> names.add(q.name()));
    return new IllegalArgumentException(
        "unknown value '" + name + "' of " + metadata.name() + "'s current; it has " + names);
  }
}
