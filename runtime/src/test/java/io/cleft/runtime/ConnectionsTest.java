package io.cleft.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Per-synapse delays and weights, and the events a spike schedules with them. */
class ConnectionsTest {
  @Test
  void delaysAndWeightsStartAtZeroAndAreSetPerSynapse() {
    Connections connections = new Connections(3);
    assertEquals(3, connections.size());
    for (int synapse = 0; synapse < 3; synapse++) {
      assertEquals(0.0, connections.delay(synapse));
      assertEquals(0.0, connections.weight(synapse));
    }
    connections.setDelay(1, 1.5);
    connections.setWeight(1, -0.25);
    assertEquals(1.5, connections.delay(1));
    assertEquals(-0.25, connections.weight(1));
    assertEquals(0.0, connections.delay(0));
    assertEquals(0.0, connections.weight(2));
  }

  @Test
  void aSpikeSchedulesAPreEventAtItsTimePlusTheDelayWithTheWeight() {
    Connections connections = new Connections(2);
    connections.setDelay(0, 1.0);
    connections.setWeight(0, 0.002);
    connections.setWeight(1, 0.5);
    EventQueue queue = new EventQueue();
    connections.spike(queue, 0, 4.1);
    connections.spike(queue, 1, 4.1);
    assertEquals(2, queue.size());

    RecordingPopulation population = new RecordingPopulation(2);
    queue.deliverUntil(population, Double.POSITIVE_INFINITY);
    EventQueueTest.assertCall(population, 0, EventKind.PRE, 1, 4.1, 0.5);
    EventQueueTest.assertCall(population, 1, EventKind.PRE, 0, 4.1 + 1.0, 0.002);
  }

  @Test
  void theWeightIsTheOneAtTheSpikeNotAtDelivery() {
    Connections connections = new Connections(1);
    connections.setWeight(0, 1);
    connections.setDelay(0, 2);
    EventQueue queue = new EventQueue();
    connections.spike(queue, 0, 0);
    connections.setWeight(0, 7);
    RecordingPopulation population = new RecordingPopulation(1);
    queue.deliverUntil(population, 2);
    assertEquals(1.0, population.weight(0));
  }

  @Test
  void badDelaysWeightsAndSynapsesAreRejectedNamingTheSynapse() {
    Connections connections = new Connections(2);
    assertIllegal("delay of synapse 1: -0.5 ms is not a finite number >= 0", () -> connections.setDelay(1, -0.5));
    assertIllegal("delay of synapse 0: NaN ms is not a finite number >= 0", () -> connections.setDelay(0, Double.NaN));
    assertIllegal(
        "delay of synapse 0: Infinity ms is not a finite number >= 0", () -> connections.setDelay(0, Double.POSITIVE_INFINITY));
    assertIllegal("weight of synapse 1: NaN is not a finite number", () -> connections.setWeight(1, Double.NaN));
    assertEquals(0.0, connections.delay(1));
    assertEquals(0.0, connections.weight(1));
    IndexOutOfBoundsException outside = assertThrows(IndexOutOfBoundsException.class, () -> connections.setDelay(2, 1));
    assertEquals("synapse 2 is outside the connections of 2 synapses", outside.getMessage());
    assertThrows(IndexOutOfBoundsException.class, () -> connections.weight(-1));
    assertThrows(IndexOutOfBoundsException.class, () -> connections.spike(new EventQueue(), 5, 0));
    assertIllegal("event time NaN is not a finite number", () -> connections.spike(new EventQueue(), 0, Double.NaN));
    assertIllegal("a population cannot have -1 synapses", () -> new Connections(-1));
  }

  private static void assertIllegal(String message, Runnable call) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, call::run).getMessage());
  }
}
