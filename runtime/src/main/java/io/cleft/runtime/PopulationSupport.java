package io.cleft.runtime;

/** Argument checks shared by generated populations, kept out of their hot loops. */
public final class PopulationSupport {
  /** The message of the assertion that catches parameters written without telling the population. */
  public static final String STALE_CACHES =
      "a parameter array was written without a call to parametersChanged(): the population still "
          + "uses values computed from the old parameters";

  private PopulationSupport() {}

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

  public static IllegalArgumentException unknown(String kind, String name, SynapseMetadata metadata) {
    return new IllegalArgumentException(
        "unknown " + kind + " '" + name + "' of " + metadata.name() + "; it has parameters "
            + metadata.parameters().stream().map(Quantity::name).toList() + " and states "
            + metadata.states().stream().map(Quantity::name).toList());
  }
}
