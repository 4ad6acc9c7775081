package io.cleft.runtime;

import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * A population's {@link SynapsePopulation#advance(double, double, double[], double[], double[])}
 * on several threads, with the same bits for any number of threads: each compartment's current
 * and conductance are the sums, in increasing synapse order, that the one-threaded advance
 * makes, and each synapse's states are computed by the same operations wherever its strip
 * starts.
 *
 * <ul>
 *   <li>If the synapses are sorted by postsynaptic compartment ({@link #orderByCompartment}
 *       gives the order), the synapses are cut into one range per part where the compartment
 *       changes: no two parts touch the same compartment, and each adds into its compartments
 *       directly.
 *   <li>Otherwise, in two phases: the parts write each synapse's current and conductance into
 *       buffers of one entry per synapse ({@link SynapsePopulation#advanceRangeInto}); then each
 *       part takes a range of compartments and adds, into each, its synapses' entries in
 *       increasing synapse order, walking the synapses in compartment order (made once, at the
 *       first such step) in one flat loop.
 * </ul>
 *
 * <p>In checked mode both take the two phases, with ranges cut at multiples of the population's
 * strip of 256 synapses, so that the exception is the one-threaded advance's (the first bad
 * synapse in synapse order) and the compartments receive the currents of the synapses before
 * its strip, as there. (The states of synapses after that strip may have been advanced by other
 * parts; after the exception the step is to be thrown away either way.)
 *
 * <p>No thread is started here: the work is run on the {@link Executor} each call is given,
 * and on the calling thread, which takes parts too, so a step finishes even when the executor
 * runs none of them. An instance keeps buffers and is for one population, used by one caller at
 * a time.
 */
public final class ParallelAdvance {
  /** The population's strip: two-phase ranges are cut at its multiples (see checked mode). */
  private static final int STRIP_SIZE = PopulationSupport.STRIP_SIZE;

  private final SynapsePopulation population;
  private final int parts;
  private final int size;
  private final int[] postIndex;
  private final int widestPost;
  private final boolean sorted;
  /** Sorted: part p takes synapses {@code sortedCuts[p]} to {@code sortedCuts[p + 1] - 1}. */
  private final int[] sortedCuts;
  /** Two phases: part p's synapses in the first, cut at multiples of the strip. */
  private final int[] synapseCuts;
  /** Two phases, made at the first call that needs them: the synapses in compartment order. */
  private int[] synapsesByCompartment;
  /** The compartment of each entry of {@code synapsesByCompartment}. */
  private int[] compartmentOfEntry;
  /** Part p of the second phase adds entries {@code entryCuts[p]} to {@code entryCuts[p + 1] - 1}. */
  private int[] entryCuts;
  private double[] synapseCurrent;
  private double[] synapseConductance;

  /**
   * Prepares {@code population} to advance in {@code parts} parts (the number of threads to
   * use). Throws IllegalArgumentException for fewer than one part, and
   * UnsupportedOperationException for a population cleft did not generate.
   */
  public ParallelAdvance(SynapsePopulation population, int parts) {
    this.population = Objects.requireNonNull(population, "population");
    if (parts < 1) {
      throw new IllegalArgumentException("a population advances in at least one part, not " + parts);
    }
    this.parts = parts;
    this.size = population.size();
    this.postIndex = population.postIndices();
    this.widestPost = PopulationSupport.widest(postIndex);
    this.sorted = isSorted(postIndex);
    this.sortedCuts = sorted ? compartmentBoundaryCuts(postIndex, parts) : null;
    this.synapseCuts = stripCuts(size, parts);
  }

  /** Whether the synapses are sorted by postsynaptic compartment, so that one phase does. */
  public boolean sortedByCompartment() {
    return sorted;
  }

  /** The number of parts each step is cut into. */
  public int parts() {
    return parts;
  }

  /**
   * {@link SynapsePopulation#advance(double, double, double[], double[], double[])} on the
   * executor's threads and this one: the same bits, and the same exceptions for bad
   * arguments, thrown before anything is changed.
   */
  public void advance(
      double t, double dt, double[] voltages, double[] current, double[] conductance, Executor executor) {
    Objects.requireNonNull(executor, "executor");
    PopulationSupport.checkCurrents(voltages, current, conductance, postIndex, widestPost);
    population.beginAdvance(dt);
    if (sorted && !population.isChecked() && !population.rangesMustStartAtStrips()) {
      run(executor, p -> population.advanceRange(t, dt, voltages, current, conductance, sortedCuts[p], sortedCuts[p + 1]));
      return;
    }
    twoPhases(t, dt, voltages, current, conductance, executor);
  }

  /** {@link #advance(double, double, double[], double[], double[], Executor)} at t = 0, for a model that does not read t. */
  public void advance(double dt, double[] voltages, double[] current, double[] conductance, Executor executor) {
    PopulationSupport.requireTimeless(population.metadata(), "advance(t, dt, voltages, current, conductance, executor)");
    advance(0, dt, voltages, current, conductance, executor);
  }

  private void twoPhases(
      double t, double dt, double[] voltages, double[] current, double[] conductance, Executor executor) {
    prepareTwoPhases();
    InvalidValueException bad = null;
    try {
      run(executor, p -> population.advanceRangeInto(
          t, dt, voltages, synapseCurrent, synapseConductance, synapseCuts[p], synapseCuts[p + 1]));
    } catch (InvalidValueException e) {
      bad = e;
    }
    // The one-threaded advance adds the currents of every strip before the bad synapse's.
    int added = bad == null ? size : bad.synapse() / STRIP_SIZE * STRIP_SIZE;
    run(executor, p -> addInCompartmentOrder(entryCuts[p], entryCuts[p + 1], added, current, conductance));
    if (bad != null) {
      throw bad;
    }
  }

  /**
   * Adds entries {@code from} to {@code to - 1} of the synapses in compartment order, those below
   * {@code added}, into their compartments: the one-threaded scatter's additions, in its order
   * (each compartment's synapses in increasing order). One flat loop over the synapses rather
   * than a loop per compartment, whose trip count, about one at random wiring, the processor
   * cannot predict.
   */
  private void addInCompartmentOrder(int from, int to, int added, double[] current, double[] conductance) {
    if (added == size) {
      for (int k = from; k < to; k++) {
        int synapse = synapsesByCompartment[k];
        int compartment = compartmentOfEntry[k];
        current[compartment] += synapseCurrent[synapse];
        conductance[compartment] += synapseConductance[synapse];
      }
      return;
    }
    for (int k = from; k < to; k++) {
      int synapse = synapsesByCompartment[k];
      if (synapse < added) {
        int compartment = compartmentOfEntry[k];
        current[compartment] += synapseCurrent[synapse];
        conductance[compartment] += synapseConductance[synapse];
      }
    }
  }

  private void prepareTwoPhases() {
    if (synapseCurrent != null) {
      return;
    }
    synapsesByCompartment = byCompartment(postIndex); // the population's own, checked already
    compartmentOfEntry = permuted(postIndex, synapsesByCompartment);
    entryCuts = compartmentBoundaryCuts(compartmentOfEntry, parts);
    synapseCurrent = new double[size];
    synapseConductance = new double[size];
  }

  /**
   * Runs parts 0 to {@code parts - 1}: the executor gets a helper per part but the first, and
   * this thread takes parts as well, each from one counter, so every part runs once whoever
   * takes it. Returns when all have run; throws the exception of the failed part with the
   * first synapse if one failed (an InvalidValueException before any other), all parts having
   * run or failed.
   */
  private void run(Executor executor, IntConsumer part) {
    if (parts == 1) {
      part.accept(0);
      return;
    }
    AtomicInteger next = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(parts);
    Throwable[] failures = new Throwable[parts];
    Runnable worker = () -> {
      for (int p = next.getAndIncrement(); p < parts; p = next.getAndIncrement()) {
        try {
          part.accept(p);
        } catch (Throwable e) {
          failures[p] = e;
        } finally {
          done.countDown();
        }
      }
    };
    for (int helper = 1; helper < parts; helper++) {
      try {
        executor.execute(worker);
      } catch (RejectedExecutionException e) {
        break; // this thread takes the parts no helper does
      }
    }
    worker.run();
    awaitUninterruptibly(done);
    rethrowFirst(failures);
  }

  /**
   * Waits for every part, even if interrupted (the interrupt is kept for the caller): returning
   * while parts still write into the population would let the caller see half a step.
   */
  private static void awaitUninterruptibly(CountDownLatch done) {
    boolean interrupted = false;
    while (true) {
      try {
        done.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** The InvalidValueException of the first synapse if any, else the first part's failure. */
  private static void rethrowFirst(Throwable[] failures) {
    Throwable first = null;
    InvalidValueException firstBad = null;
    for (Throwable failure : failures) {
      if (failure instanceof InvalidValueException) {
        InvalidValueException bad = (InvalidValueException) failure;
        if (firstBad == null || bad.synapse() < firstBad.synapse()) {
          firstBad = bad;
        }
      } else if (failure != null && first == null) {
        first = failure;
      }
    }
    if (firstBad != null) {
      throw firstBad;
    }
    if (first instanceof RuntimeException) {
      throw (RuntimeException) first;
    }
    if (first instanceof Error) {
      throw (Error) first;
    }
  }

  // ------------------------------------------------------------------------------------------
  // Ordering synapses by compartment, for simulators that can.

  /**
   * The synapses in order of their postsynaptic compartment, those of one compartment in
   * increasing order: a population made with every per-synapse array permuted by it (entry k
   * of the new arrays is entry {@code order[k]} of the old, {@link #permuted}) is sorted, and
   * advances on several threads in one phase.
   */
  public static int[] orderByCompartment(int[] postIndex) {
    PopulationSupport.checkedIndex(postIndex, postIndex.length, "postIndex");
    return byCompartment(postIndex);
  }

  /** {@link #orderByCompartment} of indices already checked. */
  private static int[] byCompartment(int[] postIndex) {
    return PopulationSupport.synapsesByCompartment(postIndex, PopulationSupport.compartmentStarts(postIndex));
  }

  /** {@code values} in {@code order}: entry k is {@code values[order[k]]}. */
  public static int[] permuted(int[] values, int[] order) {
    checkOrder(values.length, order);
    int[] result = new int[order.length];
    for (int k = 0; k < order.length; k++) {
      result[k] = values[order[k]];
    }
    return result;
  }

  /** {@code values} in {@code order}: entry k is {@code values[order[k]]}. */
  public static double[] permuted(double[] values, int[] order) {
    checkOrder(values.length, order);
    double[] result = new double[order.length];
    for (int k = 0; k < order.length; k++) {
      result[k] = values[order[k]];
    }
    return result;
  }

  private static void checkOrder(int length, int[] order) {
    if (order.length != length) {
      throw new IllegalArgumentException("the order has " + order.length + " entries but the array " + length);
    }
  }

  // ------------------------------------------------------------------------------------------
  // Where the parts are cut.

  static boolean isSorted(int[] postIndex) {
    for (int i = 1; i < postIndex.length; i++) {
      if (postIndex[i] < postIndex[i - 1]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Cuts near {@code p * size / parts}, each moved forward to where the compartment changes, so
   * that each compartment's synapses are in one part.
   */
  static int[] compartmentBoundaryCuts(int[] sortedPostIndex, int parts) {
    int size = sortedPostIndex.length;
    int[] cuts = new int[parts + 1];
    for (int p = 1; p < parts; p++) {
      int cut = Math.max(cuts[p - 1], (int) ((long) p * size / parts));
      while (cut > 0 && cut < size && sortedPostIndex[cut] == sortedPostIndex[cut - 1]) {
        cut++;
      }
      cuts[p] = cut;
    }
    cuts[parts] = size;
    return cuts;
  }

  /** Cuts near {@code p * size / parts}, each at a multiple of the strip. */
  static int[] stripCuts(int size, int parts) {
    int strips = (size + STRIP_SIZE - 1) / STRIP_SIZE;
    int[] cuts = new int[parts + 1];
    for (int p = 1; p < parts; p++) {
      cuts[p] = (int) Math.min(size, (long) p * strips / parts * STRIP_SIZE);
    }
    cuts[parts] = size;
    return cuts;
  }
}
