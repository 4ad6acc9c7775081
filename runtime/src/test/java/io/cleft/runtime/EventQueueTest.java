package io.cleft.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The order and timing of delivery, growth, scheduling during delivery, and bad arguments. */
class EventQueueTest {
  @Test
  void eventsLeaveInIncreasingTimeWithTiesInSchedulingOrderWhateverTheirKind() {
    EventQueue queue = new EventQueue();
    queue.schedulePre(5, 1, 0.5);
    queue.schedulePost(3, 2);
    queue.schedulePre(3, 0, 0.25);
    queue.schedulePre(5, 2, 0.75);
    queue.schedulePost(5, 0);
    queue.schedulePre(4, 2, -1);
    RecordingPopulation population = new RecordingPopulation(3);

    assertEquals(6, queue.deliverUntil(population, Double.POSITIVE_INFINITY));

    assertEquals(6, population.calls());
    assertCall(population, 0, EventKind.POST, 2, 3, Double.NaN);
    assertCall(population, 1, EventKind.PRE, 0, 3, 0.25);
    assertCall(population, 2, EventKind.PRE, 2, 4, -1);
    assertCall(population, 3, EventKind.PRE, 1, 5, 0.5);
    assertCall(population, 4, EventKind.PRE, 2, 5, 0.75);
    assertCall(population, 5, EventKind.POST, 0, 5, Double.NaN);
    assertTrue(queue.isEmpty());
  }

  @Test
  void anEventExactlyHalfAStepAheadIsDeliveredAndOneUlpLaterIsNot() {
    // NEURON's own accumulated t after 400 steps of 0.025, and the half step it compares with.
    double t = 9.9999999999999662;
    double dt = 0.025;
    double limit = t + dt / 2;
    EventQueue queue = new EventQueue();
    queue.schedulePre(Math.nextUp(limit), 0, 1);
    queue.schedulePre(limit, 1, 2);
    queue.schedulePre(t, 2, 3);
    RecordingPopulation population = new RecordingPopulation(3);

    assertEquals(2, queue.deliverDue(population, t, dt));

    assertCall(population, 0, EventKind.PRE, 2, t, 3);
    assertCall(population, 1, EventKind.PRE, 1, limit, 2);
    assertEquals(1, queue.size());
    assertEquals(Math.nextUp(limit), queue.nextTime());
    // The next step delivers it, with its own time rather than the step's.
    assertEquals(1, queue.deliverDue(population, t + dt, dt));
    assertCall(population, 2, EventKind.PRE, 0, Math.nextUp(limit), 1);
  }

  @Test
  void anEventForTenMillisecondsIsDeliveredInTheStepNeuronStartsAtItsAccumulatedTen() {
    double dt = 0.025;
    EventQueue queue = new EventQueue();
    queue.schedulePre(10, 0, 0.002);
    RecordingPopulation population = new RecordingPopulation(1);
    double t = 0;
    int step = 0;
    while (queue.deliverDue(population, t, dt) == 0) {
      // NEURON advances t by half a step twice in each step (before and after the solve).
      t += 0.5 * dt;
      t += 0.5 * dt;
      step++;
    }
    assertEquals(400, step);
    assertEquals(9.9999999999999662, t);
    assertEquals(10.0, population.time(0));
  }

  @Test
  void anEventScheduledDuringDeliveryForATimeAlreadyDueIsDeliveredInTheSameCall() {
    EventQueue queue = new EventQueue();
    RecordingPopulation population = new RecordingPopulation(4);
    queue.schedulePre(1.0, 0, 1);
    queue.schedulePre(1.01, 3, 1);
    List<String> told = new ArrayList<>();
    Delivery delivery =
        (kind, target, time, weight) -> {
          told.add(kind + " " + target + " " + time);
          if (kind == EventKind.PRE && target == 0) {
            queue.schedulePost(time, 7); // due: same time, after the event that made it
            queue.schedulePre(1.005, 1, 2); // due, before the pending 1.01
            queue.schedulePre(1.1, 2, 3); // not due in this step
          }
        };

    assertEquals(4, queue.deliverDue(population, 1.0, 0.025, delivery));

    assertEquals(List.of("PRE 0 1.0", "POST 7 1.0", "PRE 1 1.005", "PRE 3 1.01"), told);
    assertCall(population, 1, EventKind.POST, 7, 1.0, Double.NaN);
    assertCall(population, 2, EventKind.PRE, 1, 1.005, 2);
    assertEquals(1, queue.size());
    assertEquals(1.1, queue.nextTime());
  }

  @Test
  void theListenerIsToldOfEachEventAfterThePopulationHasRunIt() {
    EventQueue queue = new EventQueue();
    RecordingPopulation population = new RecordingPopulation(2);
    queue.schedulePre(2, 1, 0.5);
    queue.schedulePost(2, 9);
    List<String> told = new ArrayList<>();
    queue.deliverUntil(
        population,
        2,
        (kind, target, time, weight) -> told.add(kind + " " + target + " " + time + " " + weight + " after " + population.calls()));
    assertEquals(List.of("PRE 1 2.0 0.5 after 1", "POST 9 2.0 NaN after 2"), told);
  }

  @Test
  void theQueueGrowsPastItsInitialCapacityAndKeepsItsOrder() {
    for (int capacity : new int[] {0, 1, 3}) {
      EventQueue queue = new EventQueue(capacity);
      Random random = new Random(capacity);
      int events = 1000;
      double[] times = new double[events];
      for (int i = 0; i < events; i++) {
        times[i] = random.nextInt(200) * 0.5; // many ties
        queue.schedulePre(times[i], i, i);
      }
      assertEquals(events, queue.size());
      RecordingPopulation population = new RecordingPopulation(events);
      assertEquals(events, queue.deliverUntil(population, Double.POSITIVE_INFINITY));
      for (int call = 1; call < events; call++) {
        double before = population.time(call - 1);
        double now = population.time(call);
        assertTrue(before < now || (before == now && population.target(call - 1) < population.target(call)));
        assertEquals(times[population.target(call)], now);
        assertEquals(population.target(call), population.weight(call));
      }
    }
  }

  @Test
  void sizeNextTimeAndClearDescribeWhatIsPending() {
    EventQueue queue = new EventQueue();
    assertTrue(queue.isEmpty());
    assertEquals(Double.POSITIVE_INFINITY, queue.nextTime());
    queue.schedulePost(7, 0);
    queue.schedulePre(-2, 0, 1);
    assertEquals(2, queue.size());
    assertFalse(queue.isEmpty());
    assertEquals(-2, queue.nextTime());
    queue.clear();
    assertTrue(queue.isEmpty());
    assertEquals(0, queue.deliverUntil(new RecordingPopulation(1), Double.POSITIVE_INFINITY));
    queue.schedulePre(1, 0, 1);
    assertEquals(1, queue.nextTime());
  }

  @Test
  void aStepOfZeroDeliversExactlyTheEventsAtItsStart() {
    EventQueue queue = new EventQueue();
    queue.schedulePre(3, 0, 1);
    queue.schedulePre(Math.nextUp(3.0), 0, 1);
    RecordingPopulation population = new RecordingPopulation(1);
    assertEquals(1, queue.deliverDue(population, 3, 0));
    assertEquals(1, queue.size());
  }

  @Test
  void anEventWhoseHandlerThrowsHasLeftTheQueueAndTheLaterOnesHaveNot() {
    EventQueue queue = new EventQueue();
    queue.schedulePre(1, 0, 1);
    queue.schedulePre(2, 5, 1); // beyond the population of 1
    queue.schedulePre(3, 0, 1);
    RecordingPopulation population = new RecordingPopulation(1);
    assertThrows(IndexOutOfBoundsException.class, () -> queue.deliverUntil(population, 10));
    assertEquals(1, population.calls());
    assertEquals(1, queue.size());
    assertEquals(3, queue.nextTime());
  }

  @Test
  void badTimesTargetsWeightsAndStepsAreRejectedWithWhatWasWrong() {
    EventQueue queue = new EventQueue();
    RecordingPopulation population = new RecordingPopulation(1);
    assertMessage("event time NaN is not a finite number", () -> queue.schedulePre(Double.NaN, 0, 1));
    assertMessage("event time Infinity is not a finite number", () -> queue.schedulePre(Double.POSITIVE_INFINITY, 0, 1));
    assertMessage("event time -Infinity is not a finite number", () -> queue.schedulePost(Double.NEGATIVE_INFINITY, 0));
    assertMessage("event synapse -1 is negative", () -> queue.schedulePre(1, -1, 1));
    assertMessage("event compartment -3 is negative", () -> queue.schedulePost(1, -3));
    assertMessage("event weight NaN is not a finite number", () -> queue.schedulePre(1, 0, Double.NaN));
    assertMessage("step start t = NaN is not a finite number", () -> queue.deliverDue(population, Double.NaN, 0.1));
    assertMessage("step dt = -0.1 is not a finite number >= 0", () -> queue.deliverDue(population, 0, -0.1));
    assertMessage("step dt = NaN is not a finite number >= 0", () -> queue.deliverDue(population, 0, Double.NaN));
    assertMessage("step dt = Infinity is not a finite number >= 0", () -> queue.deliverDue(population, 0, Double.POSITIVE_INFINITY));
    assertMessage("delivery time NaN is not a number", () -> queue.deliverUntil(population, Double.NaN));
    assertMessage("initial capacity -1 is outside [0, 2147483639]", () -> new EventQueue(-1));
    assertTrue(queue.isEmpty());
    assertThrows(NullPointerException.class, () -> queue.deliverDue(null, 0, 0.1));
  }

  private static void assertMessage(String message, Runnable call) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, call::run);
    assertEquals(message, error.getMessage());
  }

  static void assertCall(RecordingPopulation population, int call, EventKind kind, int target, double time, double weight) {
    assertEquals(kind, population.kind(call), "kind of call " + call);
    assertEquals(target, population.target(call), "target of call " + call);
    assertEquals(time, population.time(call), "time of call " + call);
    assertEquals(weight, population.weight(call), "weight of call " + call);
  }
}
