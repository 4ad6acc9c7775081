package io.cleft.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** NEURON's threshold flag: one spike per upward crossing, and the wiring to the queue. */
class ThresholdDetectorTest {
  private final List<String> spikes = new ArrayList<>();
  private final SpikeListener record = (source, t) -> spikes.add(source + "@" + t);

  @Test
  void aSourceSpikesOnceOnCrossingUpwardAndAgainOnlyAfterGoingBackBelow() {
    ThresholdDetector detector = new ThresholdDetector(new int[] {0}, -20.0);
    double[] trace = {-65, -30, -10, 0, 30, -19.9, -25, -20, -5, -20, -20.0001, 10};
    int[] expected = {0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 1};
    double[] voltages = new double[1];
    for (int step = 0; step < trace.length; step++) {
      voltages[0] = trace[step];
      assertEquals(expected[step], detector.check(step * 0.5, voltages, record), "check " + step);
    }
    // Exactly at the threshold is not above it, and brings the flag down, as NEURON's v > threshold.
    assertEquals(List.of("0@1.0", "0@4.0", "0@5.5"), spikes);
  }

  @Test
  void eachSourceHasItsOwnThresholdAndFlagAndIsToldInSourceOrder() {
    ThresholdDetector detector = new ThresholdDetector(new int[] {2, 0, 2}, new double[] {0, 10, -50});
    assertEquals(3, detector.size());
    assertEquals(2, detector.compartment(0));
    assertEquals(10.0, detector.threshold(1));
    assertEquals(2, detector.check(0, new double[] {5, 99, 1}, record)); // sources 0 and 2
    assertEquals(1, detector.check(1, new double[] {11, 99, 1}, record)); // source 1
    assertEquals(0, detector.check(2, new double[] {11, 99, -60}, record)); // source 2 goes below
    assertEquals(1, detector.check(3, new double[] {11, 99, -40}, record)); // and up again
    assertEquals(List.of("0@0.0", "2@0.0", "1@1.0", "2@3.0"), spikes);
  }

  @Test
  void aSourceAboveAtTheFirstCheckSpikesAndResetCountsEverySourceBelowAgain() {
    ThresholdDetector detector = new ThresholdDetector(new int[] {0}, 0);
    double[] above = {1};
    assertEquals(1, detector.check(0, above, record));
    assertEquals(0, detector.check(1, above, record));
    detector.reset();
    assertEquals(1, detector.check(2, above, record));
    assertEquals(List.of("0@0.0", "0@2.0"), spikes);
  }

  @Test
  void aSpikeThroughConnectionsIsDeliveredAfterItsDelayInNeuronsStep() {
    // Source 0 drives synapses 0 and 2 (delays 0 and 1 ms); source 1 drives synapse 1.
    int[][] synapsesOfSource = {{0, 2}, {1}};
    Connections connections = new Connections(3);
    connections.setWeight(0, 0.1);
    connections.setWeight(2, 0.2);
    connections.setDelay(2, 1.0);
    EventQueue queue = new EventQueue();
    SpikeListener send =
        (source, time) -> {
          for (int synapse : synapsesOfSource[source]) {
            connections.spike(queue, synapse, time);
          }
        };
    ThresholdDetector detector = new ThresholdDetector(new int[] {0, 1}, -20);
    RecordingPopulation population = new RecordingPopulation(3);
    double dt = 0.25;
    double[] voltages = {-65, -65};
    for (int step = 0; step < 12; step++) {
      double t = step * dt;
      voltages[0] = step == 2 ? 0 : -65; // above at the start of step 2 only
      queue.deliverDue(population, t, dt);
      detector.check(t, voltages, send);
      queue.deliverDue(population, t, dt);
    }
    assertEquals(2, population.calls());
    EventQueueTest.assertCall(population, 0, EventKind.PRE, 0, 0.5, 0.1); // delay 0: the same step
    EventQueueTest.assertCall(population, 1, EventKind.PRE, 2, 1.5, 0.2); // in the step from 1.5
  }

  @Test
  void inNeuronsOrderAnEventAlreadyDueComesBeforeAZeroDelaySpikeOfTheSameStep() {
    Connections connections = new Connections(2);
    EventQueue queue = new EventQueue();
    queue.schedulePre(1.05, 1, 0); // pending, due in the step from 1.0 (1.05 <= 1.0 + 0.1/2)
    ThresholdDetector detector = new ThresholdDetector(new int[] {0}, 0);
    SpikeListener send = (source, time) -> connections.spike(queue, 0, time);
    RecordingPopulation population = new RecordingPopulation(2);

    assertEquals(1, queue.deliverDue(population, 1.0, 0.1));
    detector.check(1.0, new double[] {10}, send);
    assertEquals(1, queue.deliverDue(population, 1.0, 0.1));

    EventQueueTest.assertCall(population, 0, EventKind.PRE, 1, 1.05, 0);
    EventQueueTest.assertCall(population, 1, EventKind.PRE, 0, 1.0, 0);
  }

  @Test
  void badSourcesAndVoltagesAreRejectedBeforeAnythingChanges() {
    assertIllegal("2 compartments but 1 thresholds", () -> new ThresholdDetector(new int[] {0, 1}, new double[] {0}));
    assertIllegal("source 1 has compartment -1, which is negative", () -> new ThresholdDetector(new int[] {0, -1}, 0));
    assertIllegal(
        "source 0 has threshold NaN, which is not a finite number", () -> new ThresholdDetector(new int[] {0}, Double.NaN));
    ThresholdDetector detector = new ThresholdDetector(new int[] {0, 3}, 0);
    assertIllegal(
        "a source watches compartment 3, but voltages has only 3 entries", () -> detector.check(0, new double[] {5, 5, 5}, record));
    assertEquals(List.of(), spikes);
    assertEquals(1, detector.check(0, new double[] {5, 0, 0, -1}, record)); // source 0 was not flagged
  }

  @Test
  void theDetectorKeepsItsOwnCopies() {
    int[] compartments = {0};
    double[] thresholds = {0};
    ThresholdDetector detector = new ThresholdDetector(compartments, thresholds);
    compartments[0] = 5;
    thresholds[0] = 100;
    assertEquals(1, detector.check(0, new double[] {1}, record));
  }

  private static void assertIllegal(String message, Runnable call) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, call::run).getMessage());
  }
}
