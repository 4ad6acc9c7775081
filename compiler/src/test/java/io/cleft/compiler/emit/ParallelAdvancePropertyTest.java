package io.cleft.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleft.runtime.ParallelAdvance;
import io.cleft.runtime.Quantity;
import io.cleft.runtime.Synapse;
import io.cleft.runtime.SynapsePopulation;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Whatever the wiring (any number of synapses and compartments, sorted or not, compartments
 * that no synapse reaches, one compartment for all) and however many threads: a step on
 * several threads, and a step cut into ranges anywhere and run in any order, have the bits of
 * the one-threaded advance.
 */
class ParallelAdvancePropertyTest {
  private static final ExecutorService POOL = Executors.newFixedThreadPool(4);

  @AfterContainer
  static void shutDown() {
    POOL.shutdownNow();
  }

  @Provide
  Arbitrary<String> models() {
    return Arbitraries.of("IonotropicSynapse", "Exp2Syn", "TsodyksMarkram");
  }

  @Property(tries = 80)
  void anyWiringOnAnyNumberOfThreadsHasTheBitsOfOneThread(
      @ForAll("models") String model,
      @ForAll @IntRange(min = 0, max = 2000) int synapses,
      @ForAll @IntRange(min = 1, max = 300) int compartments,
      @ForAll @IntRange(min = 1, max = 9) int threads,
      @ForAll boolean sorted,
      @ForAll long seed) {
    Random random = new Random(seed);
    ParallelAdvanceTest.Wiring wiring = ParallelAdvanceTest.Wiring.random(random, synapses, compartments);
    if (sorted) {
      wiring = wiring.sorted();
    }
    Synapse synapse = ParallelAdvanceTest.synapse(model);
    SynapsePopulation sequential = wiring.population(synapse);
    SynapsePopulation parallel = wiring.population(synapse);
    ParallelAdvance advance = new ParallelAdvance(parallel, threads);
    double[][] current = new double[2][compartments];
    double[][] conductance = new double[2][compartments];
    for (int step = 0; step < 3; step++) {
      double[] voltages = voltages(random, compartments);
      if (synapses > 0) {
        int target = random.nextInt(synapses);
        sequential.deliverPre(target, step * 0.025, 1);
        parallel.deliverPre(target, step * 0.025, 1);
      }
      sequential.advance(step * 0.025, 0.025, voltages, current[0], conductance[0]);
      advance.advance(step * 0.025, 0.025, voltages, current[1], conductance[1], POOL);
      assertTrue(Arrays.equals(current[0], current[1]), "current");
      assertTrue(Arrays.equals(conductance[0], conductance[1]), "conductance");
      assertSameStates(synapse, sequential, parallel);
    }
  }

  @Property(tries = 80)
  void rangesIntoBuffersCutAnywhereHaveTheBitsOfAdvance(
      @ForAll @IntRange(min = 1, max = 1500) int synapses,
      @ForAll @IntRange(min = 1, max = 12) int ranges,
      @ForAll long seed) {
    Random random = new Random(seed);
    int compartments = 1 + random.nextInt(100);
    ParallelAdvanceTest.Wiring wiring = ParallelAdvanceTest.Wiring.random(random, synapses, compartments);
    Synapse synapse = ParallelAdvanceTest.synapse("Exp2Syn");
    SynapsePopulation whole = wiring.population(synapse);
    SynapsePopulation ranged = wiring.population(synapse);
    for (int k = 0; k < 5; k++) {
      int target = random.nextInt(synapses);
      whole.deliverPre(target, 0, 1);
      ranged.deliverPre(target, 0, 1);
    }
    double[] voltages = voltages(random, compartments);
    double[] current = new double[compartments];
    double[] conductance = new double[compartments];
    whole.advance(0, 0.025, voltages, current, conductance);
    int[] cuts = new int[ranges + 1];
    for (int r = 1; r < ranges; r++) {
      cuts[r] = random.nextInt(synapses + 1);
    }
    cuts[ranges] = synapses;
    Arrays.sort(cuts);
    double[] synapseCurrent = new double[synapses];
    double[] synapseConductance = new double[synapses];
    ranged.beginAdvance(0.025);
    for (int r : shuffled(random, ranges)) {
      ranged.advanceRangeInto(0, 0.025, voltages, synapseCurrent, synapseConductance, cuts[r], cuts[r + 1]);
    }
    double[] summed = new double[compartments];
    double[] summedConductance = new double[compartments];
    for (int i = 0; i < synapses; i++) {
      summed[wiring.post()[i]] += synapseCurrent[i];
      summedConductance[wiring.post()[i]] += synapseConductance[i];
    }
    assertTrue(Arrays.equals(current, summed), "current");
    assertTrue(Arrays.equals(conductance, summedConductance), "conductance");
    assertSameStates(synapse, whole, ranged);
  }

  private static void assertSameStates(Synapse synapse, SynapsePopulation expected, SynapsePopulation actual) {
    for (Quantity state : synapse.metadata().states()) {
      assertTrue(Arrays.equals(expected.state(state.name()), actual.state(state.name())), state.name());
    }
  }

  private static double[] voltages(Random random, int compartments) {
    double[] voltages = new double[compartments];
    for (int c = 0; c < compartments; c++) {
      voltages[c] = -80 + 90 * random.nextDouble();
    }
    return voltages;
  }

  private static int[] shuffled(Random random, int n) {
    int[] order = new int[n];
    Arrays.setAll(order, i -> i);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }
}
