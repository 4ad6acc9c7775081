package io.cleft.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleft.compiler.ModelSources;
import io.cleft.compiler.load.InMemoryCompiler;
import io.cleft.compiler.optimize.Optimizer;
import io.cleft.runtime.InvalidValueException;
import io.cleft.runtime.ParallelAdvance;
import io.cleft.runtime.Quantity;
import io.cleft.runtime.Synapse;
import io.cleft.runtime.SynapsePopulation;
import io.cleft.runtime.vector.KernelWarmUp;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A population advanced on several threads ({@link ParallelAdvance}) or in ranges gives the
 * bits of the one-threaded {@code advance}, for any number of threads, sorted and random
 * wiring: states, currents and conductances compared with {@link Arrays#equals}, through
 * events between the steps, a change of dt and parameter writes.
 */
class ParallelAdvanceTest {
  private static final int SYNAPSES = 3000; // 12 strips, the last one short
  private static final int COMPARTMENTS = 400;
  private static final int[] THREADS = {1, 2, 3, 7};
  private static final Map<String, Synapse> LOADED = new HashMap<>();
  private static final ExecutorService POOL = Executors.newFixedThreadPool(7);

  @AfterAll
  static void shutDown() {
    POOL.shutdownNow();
  }

  @ParameterizedTest
  @ValueSource(strings = {"IonotropicSynapse", "IonotropicSynapseShared", "Exp2Syn", "TsodyksMarkram", "PairStdp", "SharedDecay"})
  void anyNumberOfThreadsGivesTheBitsOfOneOnRandomWiring(String model) {
    Wiring wiring = Wiring.random(new Random(model.hashCode()), SYNAPSES, COMPARTMENTS);
    for (int threads : THREADS) {
      assertSameRun(model, wiring, threads, false);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"IonotropicSynapse", "IonotropicSynapseShared", "Exp2Syn", "TsodyksMarkram", "PairStdp", "SharedDecay"})
  void anyNumberOfThreadsGivesTheBitsOfOneOnSortedWiring(String model) {
    Wiring wiring = Wiring.random(new Random(model.hashCode() + 1), SYNAPSES, COMPARTMENTS).sorted();
    for (int threads : THREADS) {
      assertSameRun(model, wiring, threads, true);
    }
  }

  /** Every library and code-generation model, briefly: the emitter's range methods for each kind of model. */
  @ParameterizedTest
  @MethodSource("io.cleft.compiler.ModelSources#names")
  void everyModelOnTwoAndThreeThreadsGivesTheBitsOfOne(String model) {
    Wiring wiring = Wiring.random(new Random(model.hashCode() + 2), 700, 90);
    Synapse synapse = synapse(model);
    for (int threads : new int[] {2, 3}) {
      for (Wiring w : List.of(wiring, wiring.sorted())) {
        SynapsePopulation sequential = w.population(synapse);
        SynapsePopulation parallel = w.population(synapse);
        ParallelAdvance advance = new ParallelAdvance(parallel, threads);
        Random random = new Random(threads);
        double[][] current = new double[2][90];
        double[][] conductance = new double[2][90];
        for (int step = 0; step < 4; step++) {
          double[] voltages = new double[90];
          for (int c = 0; c < 90; c++) {
            voltages[c] = -80 + 90 * random.nextDouble();
          }
          int target = random.nextInt(700);
          sequential.deliverPre(target, step * 0.025, 0.5);
          parallel.deliverPre(target, step * 0.025, 0.5);
          sequential.advance(step * 0.025, 0.025, voltages, current[0], conductance[0]);
          advance.advance(step * 0.025, 0.025, voltages, current[1], conductance[1], POOL);
          String where = model + " on " + threads + " threads, step " + step;
          assertTrue(Arrays.equals(current[0], current[1]), where + ": current");
          assertTrue(Arrays.equals(conductance[0], conductance[1]), where + ": conductance");
          for (Quantity state : synapse.metadata().states()) {
            assertTrue(
                Arrays.equals(sequential.state(state.name()), parallel.state(state.name())), where + ": state " + state.name());
          }
        }
      }
    }
  }

  /**
   * In SIMD mode a kernel's tail is CleftMath's, so a strip that started elsewhere would round
   * some synapses differently: on sorted wiring, cut at compartments, a reviewer saw hundreds
   * of currents differ. A SIMD population takes the two phases, cut at strips, and gives the
   * bits of one thread (once the kernels are compiled, so that both run the same code).
   */
  @ParameterizedTest(name = "{0} threads")
  @ValueSource(ints = {2, 3, 7})
  void aSimdPopulationOnSortedWiringGivesTheBitsOfOneThread(int threads) {
    KernelWarmUp.compileEveryKernel();
    Synapse simd = InMemoryCompiler.load(
        JavaEmitter.emit(Optimizer.optimize(ModelSources.program("IonotropicSynapse")), "io.cleft.models", true));
    int[] pre = new int[SYNAPSES];
    int[] post = new int[SYNAPSES];
    Random random = new Random(threads);
    for (int i = 0; i < SYNAPSES; i++) {
      pre[i] = random.nextInt(COMPARTMENTS);
      post[i] = Math.min(COMPARTMENTS - 1, i / 7); // sorted, compartments of 7 cut strips anywhere
    }
    SynapsePopulation sequential = simd.newPopulation(pre, post);
    SynapsePopulation parallel = simd.newPopulation(pre, post);
    assertTrue(parallel.rangesMustStartAtStrips());
    ParallelAdvance advance = new ParallelAdvance(parallel, threads);
    for (int step = 0; step < 40; step++) {
      double[] voltages = randomVoltages(random);
      double[][] currents = new double[2][COMPARTMENTS];
      double[][] conductances = new double[2][COMPARTMENTS];
      sequential.advance(0.025, voltages, currents[0], conductances[0]);
      advance.advance(0.025, voltages, currents[1], conductances[1], POOL);
      assertTrue(Arrays.equals(currents[0], currents[1]), "step " + step + ": current, bit for bit");
      assertTrue(Arrays.equals(conductances[0], conductances[1]), "step " + step + ": conductance, bit for bit");
      assertTrue(Arrays.equals(sequential.state("s"), parallel.state("s")), "step " + step + ": s");
    }
  }

  @Test
  void sortedWiringIsSeenAsSorted() {
    Wiring wiring = Wiring.random(new Random(5), SYNAPSES, COMPARTMENTS);
    SynapsePopulation population = wiring.population(synapse("IonotropicSynapse"));
    assertFalse(new ParallelAdvance(population, 2).sortedByCompartment());
    assertTrue(new ParallelAdvance(wiring.sorted().population(synapse("IonotropicSynapse")), 2).sortedByCompartment());
  }

  /**
   * 25 steps of the sequential and the parallel populations side by side, with spikes before
   * some steps, dt doubled halfway and a parameter written, all compared bit for bit.
   */
  private static void assertSameRun(String model, Wiring wiring, int threads, boolean sorted) {
    Synapse synapse = synapse(model);
    SynapsePopulation sequential = wiring.population(synapse);
    SynapsePopulation parallel = wiring.population(synapse);
    ParallelAdvance advance = new ParallelAdvance(parallel, threads);
    assertEquals(sorted, advance.sortedByCompartment());
    Random random = new Random(threads);
    double[] voltages = new double[COMPARTMENTS];
    double[][] currents = new double[2][COMPARTMENTS];
    double[][] conductances = new double[2][COMPARTMENTS];
    double dt = 0.025;
    for (int step = 0; step < 25; step++) {
      double t = step * dt;
      for (int c = 0; c < COMPARTMENTS; c++) {
        voltages[c] = -80 + 90 * random.nextDouble();
      }
      if (step % 3 == 0) {
        for (int spike = 0; spike < 50; spike++) {
          int target = random.nextInt(SYNAPSES);
          double weight = random.nextDouble();
          sequential.deliverPre(target, t, weight);
          parallel.deliverPre(target, t, weight);
          int compartment = random.nextInt(COMPARTMENTS);
          sequential.deliverPost(compartment, t);
          parallel.deliverPost(compartment, t);
        }
      }
      if (step == 12) {
        dt = 0.05; // the values kept for dt are computed again, once, before the threads
      }
      if (step == 18) {
        Quantity first = synapse.metadata().parameters().get(0);
        double value = first.defaultValue() * 1.5 + 0.001;
        sequential.parameter(first.name()).fill(value);
        parallel.parameter(first.name()).fill(value);
      }
      for (double[] current : currents) {
        Arrays.fill(current, 0.5); // the sums start from what the compartments hold
      }
      for (double[] conductance : conductances) {
        Arrays.fill(conductance, 0.25);
      }
      sequential.advance(t, dt, voltages, currents[0], conductances[0]);
      advance.advance(t, dt, voltages, currents[1], conductances[1], POOL);
      String where = model + " on " + threads + " threads, step " + step;
      assertArrayEquals(currents[0], currents[1], where + ": current");
      assertTrue(Arrays.equals(currents[0], currents[1]), where + ": current, bit for bit");
      assertTrue(Arrays.equals(conductances[0], conductances[1]), where + ": conductance, bit for bit");
      for (Quantity state : synapse.metadata().states()) {
        assertTrue(
            Arrays.equals(sequential.state(state.name()), parallel.state(state.name())), where + ": state " + state.name());
      }
    }
  }

  @Test
  void rangesIntoBuffersCutAnywhereAndRunInAnyOrderGiveTheBitsOfAdvance() {
    Synapse synapse = synapse("Exp2Syn");
    Wiring wiring = Wiring.random(new Random(11), SYNAPSES, COMPARTMENTS);
    SynapsePopulation whole = wiring.population(synapse);
    SynapsePopulation ranged = wiring.population(synapse);
    Random random = new Random(12);
    double[] voltages = randomVoltages(random);
    for (int target = 0; target < SYNAPSES; target += 7) {
      whole.deliverPre(target, 0, 1);
      ranged.deliverPre(target, 0, 1);
    }
    double[] current = new double[COMPARTMENTS];
    double[] conductance = new double[COMPARTMENTS];
    whole.advance(0, 0.025, voltages, current, conductance);

    int[] cuts = {0, 1, 255, 256, 700, 701, 1999, 2900, SYNAPSES}; // not at strips
    double[] synapseCurrent = new double[SYNAPSES];
    double[] synapseConductance = new double[SYNAPSES];
    ranged.beginAdvance(0.025);
    for (int r = cuts.length - 2; r >= 0; r--) {
      ranged.advanceRangeInto(0, 0.025, voltages, synapseCurrent, synapseConductance, cuts[r], cuts[r + 1]);
    }
    double[] summed = new double[COMPARTMENTS];
    double[] summedConductance = new double[COMPARTMENTS];
    for (int i = 0; i < SYNAPSES; i++) {
      summed[wiring.post[i]] += synapseCurrent[i];
      summedConductance[wiring.post[i]] += synapseConductance[i];
    }
    assertTrue(Arrays.equals(current, summed));
    assertTrue(Arrays.equals(conductance, summedConductance));
    for (String state : List.of("A", "B")) {
      assertTrue(Arrays.equals(whole.state(state), ranged.state(state)), state);
    }
  }

  @Test
  void rangesCutWhereTheCompartmentChangesAddDirectlyInAnyOrder() {
    Synapse synapse = synapse("IonotropicSynapse");
    Wiring wiring = Wiring.random(new Random(21), SYNAPSES, COMPARTMENTS).sorted();
    SynapsePopulation whole = wiring.population(synapse);
    SynapsePopulation ranged = wiring.population(synapse);
    double[] voltages = randomVoltages(new Random(22));
    double[][] current = new double[2][COMPARTMENTS];
    double[][] conductance = new double[2][COMPARTMENTS];
    whole.advance(0, 0.025, voltages, current[0], conductance[0]);
    List<Integer> cuts = new java.util.ArrayList<>(List.of(0));
    for (int i = 1; i < SYNAPSES; i++) {
      if (wiring.post[i] != wiring.post[i - 1] && i % 5 == 0) {
        cuts.add(i);
      }
    }
    cuts.add(SYNAPSES);
    ranged.beginAdvance(0.025);
    for (int r = cuts.size() - 2; r >= 0; r--) {
      ranged.advanceRange(0, 0.025, voltages, current[1], conductance[1], cuts.get(r), cuts.get(r + 1));
    }
    assertTrue(Arrays.equals(current[0], current[1]));
    assertTrue(Arrays.equals(conductance[0], conductance[1]));
    assertTrue(Arrays.equals(whole.state("s"), ranged.state("s")));
  }

  @Test
  void aRangeAfterAChangeOfDtWithoutBeginAdvanceIsRefused() {
    SynapsePopulation population = Wiring.random(new Random(3), 10, 4).population(synapse("Exp2Syn"));
    double[] voltages = new double[4];
    population.beginAdvance(0.025);
    population.advanceRange(0, 0.025, voltages, new double[4], new double[4], 0, 10);
    IllegalStateException error =
        assertThrows(
            IllegalStateException.class,
            () -> population.advanceRange(0, 0.05, voltages, new double[4], new double[4], 0, 10));
    assertEquals(
        "Exp2Syn keeps values computed from dt, and they are not those of dt = 0.05: call beginAdvance(0.05) once"
            + " before the ranges of a step",
        error.getMessage());
    population.parameter("tau2").fill(3);
    assertThrows(
        IllegalStateException.class,
        () -> population.advanceRangeInto(0, 0.025, voltages, new double[10], new double[10], 0, 10));
  }

  @Test
  void badRangesAndBuffersAreNamed() {
    SynapsePopulation population = Wiring.random(new Random(3), 10, 4).population(synapse("IonotropicSynapse"));
    double[] voltages = new double[4];
    IllegalArgumentException range =
        assertThrows(
            IllegalArgumentException.class,
            () -> population.advanceRange(0, 0.025, voltages, new double[4], new double[4], 3, 11));
    assertEquals("synapses 3 to 11 are not a range of the population's 10 synapses: it needs 0 <= from <= to <= 10", range.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> population.advanceRange(0, 0.025, voltages, new double[4], new double[4], 5, 4));
    IllegalArgumentException buffers =
        assertThrows(
            IllegalArgumentException.class,
            () -> population.advanceRangeInto(0, 0.025, voltages, new double[9], new double[10], 0, 10));
    assertEquals(
        "synapseCurrent has 9 entries and synapseConductance 10, but the population has 10 synapses: each needs one"
            + " entry per synapse",
        buffers.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new ParallelAdvance(population, 0));
    IllegalArgumentException shortCurrent =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ParallelAdvance(population, 2).advance(0, 0.025, voltages, new double[2], new double[4], POOL));
    assertTrue(shortCurrent.getMessage().contains("but current has only 2 entries"), shortCurrent.getMessage());
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void checkedModeThrowsWhatTheOneThreadedAdvanceThrowsAndAddsTheSameCurrents(boolean sorted) {
    Synapse synapse = synapse("BoundedSynapse");
    Wiring random = Wiring.random(new Random(31), SYNAPSES, COMPARTMENTS);
    Wiring wiring = sorted ? random.sorted() : random;
    for (int threads : THREADS) {
      SynapsePopulation sequential = wiring.population(synapse);
      SynapsePopulation parallel = wiring.population(synapse);
      for (SynapsePopulation population : List.of(sequential, parallel)) {
        population.parameter("rate").set(2100, 40); // p = 0.5 + 1.0: the first bad synapse
        population.parameter("rate").set(2900, 100);
        population.state("q")[2500] = -5; // a NaN current, after the first bad synapse: another part's
        population.checked(true);
      }
      double[] voltages = randomVoltages(new Random(32));
      double[][] current = new double[2][COMPARTMENTS];
      double[][] conductance = new double[2][COMPARTMENTS];
      InvalidValueException one =
          assertThrows(InvalidValueException.class, () -> sequential.advance(0.025, voltages, current[0], conductance[0]));
      InvalidValueException many =
          assertThrows(
              InvalidValueException.class,
              () -> new ParallelAdvance(parallel, threads).advance(0.025, voltages, current[1], conductance[1], POOL));
      assertEquals(2100, one.synapse());
      assertEquals(one.getMessage(), many.getMessage(), threads + " threads");
      assertTrue(Arrays.equals(current[0], current[1]), threads + " threads: the strips before the bad one are added");
      assertTrue(Arrays.equals(conductance[0], conductance[1]), threads + " threads");
      assertEquals(sequential.state("p")[2100], parallel.state("p")[2100], 0.0);
    }
  }

  @Test
  void aStepFinishesOnThisThreadWhenTheExecutorRunsNothing() {
    Synapse synapse = synapse("IonotropicSynapse");
    Wiring wiring = Wiring.random(new Random(41), SYNAPSES, COMPARTMENTS);
    SynapsePopulation sequential = wiring.population(synapse);
    SynapsePopulation parallel = wiring.population(synapse);
    double[] voltages = randomVoltages(new Random(42));
    double[][] current = new double[2][COMPARTMENTS];
    double[][] conductance = new double[2][COMPARTMENTS];
    sequential.advance(0.025, voltages, current[0], conductance[0]);
    new ParallelAdvance(parallel, 3)
        .advance(0.025, voltages, current[1], conductance[1], task -> {
          throw new RejectedExecutionException("full");
        });
    assertTrue(Arrays.equals(current[0], current[1]));
    assertTrue(Arrays.equals(sequential.state("s"), parallel.state("s")));
  }

  @Test
  void theOrderByCompartmentSortsAPopulationThatThenAdvancesInOnePhase() {
    Wiring wiring = Wiring.random(new Random(51), SYNAPSES, COMPARTMENTS);
    int[] order = ParallelAdvance.orderByCompartment(wiring.post);
    int[] post = ParallelAdvance.permuted(wiring.post, order);
    for (int k = 1; k < post.length; k++) {
      assertTrue(post[k - 1] < post[k] || (post[k - 1] == post[k] && order[k - 1] < order[k]), "stable at " + k);
    }
    int[] sortedOrder = order.clone();
    Arrays.sort(sortedOrder);
    for (int k = 0; k < SYNAPSES; k++) {
      assertEquals(k, sortedOrder[k], "a permutation");
    }
    SynapsePopulation population = synapse("IonotropicSynapse").newPopulation(ParallelAdvance.permuted(wiring.pre, order), post);
    assertTrue(new ParallelAdvance(population, 2).sortedByCompartment());
    double[] gS = new double[SYNAPSES];
    Arrays.setAll(gS, i -> i);
    assertEquals(order[17], ParallelAdvance.permuted(gS, order)[17], 0.0);
    assertThrows(IllegalArgumentException.class, () -> ParallelAdvance.orderByCompartment(new int[] {0, -1}));
  }

  private static double[] randomVoltages(Random random) {
    double[] voltages = new double[COMPARTMENTS];
    for (int c = 0; c < COMPARTMENTS; c++) {
      voltages[c] = -80 + 90 * random.nextDouble();
    }
    return voltages;
  }

  static synchronized Synapse synapse(String model) {
    return LOADED.computeIfAbsent(
        model, name -> InMemoryCompiler.load(JavaEmitter.emit(Optimizer.optimize(ModelSources.program(name)), "io.cleft.models", false)));
  }

  /** Pre- and postsynaptic compartments of each synapse. */
  record Wiring(int[] pre, int[] post) {
    static Wiring random(Random random, int synapses, int compartments) {
      int[] pre = new int[synapses];
      int[] post = new int[synapses];
      for (int i = 0; i < synapses; i++) {
        pre[i] = random.nextInt(compartments);
        post[i] = random.nextInt(compartments);
      }
      return new Wiring(pre, post);
    }

    /** The same synapses ordered by postsynaptic compartment. */
    Wiring sorted() {
      int[] order = ParallelAdvance.orderByCompartment(post);
      return new Wiring(ParallelAdvance.permuted(pre, order), ParallelAdvance.permuted(post, order));
    }

    SynapsePopulation population(Synapse synapse) {
      return synapse.newPopulation(pre, post);
    }
  }
}
