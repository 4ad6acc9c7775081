package io.cleft.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random event trains (fixed seeds), scheduled before and during a run, delivered step by step
 * for many random dt, against the simplest reference there is: in each step, every pending
 * event with time <= t + dt/2, sorted by (time, order of scheduling).
 */
class EventQueuePropertyTest {
  private static final int TRAINS = 300;

  private record Event(double time, long sequence, EventKind kind, int target, double weight) {}

  @Test
  void steppedDeliveryMatchesSortingByTimeThenSchedulingOrder() {
    for (int seed = 0; seed < TRAINS; seed++) {
      checkOneTrain(seed);
    }
  }

  private static void checkOneTrain(long seed) {
    Random random = new Random(seed);
    double dt = 0.001 + random.nextDouble() * 0.5;
    int steps = 20 + random.nextInt(200);
    int targets = 1 + random.nextInt(8);
    double end = steps * dt;
    EventQueue queue = new EventQueue(random.nextInt(4));
    RecordingPopulation population = new RecordingPopulation(targets);
    List<Event> pending = new ArrayList<>();
    long[] sequence = {0};

    int initial = random.nextInt(100);
    for (int i = 0; i < initial; i++) {
      schedule(queue, pending, sequence, random, randomTime(random, 0, end, dt), targets);
    }
    for (int step = 0; step < steps; step++) {
      double t = step * dt;
      // Spikes that arise during the run, at or after the step's start, some exactly on it.
      int arising = random.nextInt(3);
      for (int i = 0; i < arising; i++) {
        schedule(queue, pending, sequence, random, randomTime(random, t, end, dt), targets);
      }
      double limit = t + dt / 2;
      pending.sort(Comparator.comparingDouble(Event::time).thenComparingLong(Event::sequence));
      List<Event> due = new ArrayList<>();
      while (!pending.isEmpty() && pending.get(0).time() <= limit) {
        due.add(pending.remove(0));
      }

      population.forget();
      int delivered = queue.deliverDue(population, t, dt);

      String where = "seed " + seed + ", step " + step + ", dt " + dt;
      assertEquals(due.size(), delivered, where);
      assertEquals(due.size(), population.calls(), where);
      for (int call = 0; call < due.size(); call++) {
        Event expected = due.get(call);
        assertEquals(expected.kind(), population.kind(call), where);
        assertEquals(expected.target(), population.target(call), where);
        assertEquals(expected.time(), population.time(call), where);
        assertEquals(expected.weight(), population.weight(call), where);
      }
      assertEquals(pending.size(), queue.size(), where);
    }
  }

  /** Mostly on the grid of steps, its half steps and their neighbouring doubles, where ties and boundaries are. */
  private static double randomTime(Random random, double from, double end, double dt) {
    int halfSteps = (int) Math.ceil((end - from) / dt * 2) + 1;
    double onGrid = from + random.nextInt(halfSteps) * dt / 2;
    switch (random.nextInt(4)) {
      case 0:
        return onGrid;
      case 1:
        return Math.nextUp(onGrid);
      case 2:
        return Math.nextDown(onGrid) < from ? onGrid : Math.nextDown(onGrid);
      default:
        return from + random.nextDouble() * (end - from);
    }
  }

  private static void schedule(EventQueue queue, List<Event> pending, long[] sequence, Random random, double time, int targets) {
    int target = random.nextInt(targets);
    if (random.nextBoolean()) {
      double weight = random.nextGaussian();
      queue.schedulePre(time, target, weight);
      pending.add(new Event(time, sequence[0]++, EventKind.PRE, target, weight));
    } else {
      queue.schedulePost(time, target);
      pending.add(new Event(time, sequence[0]++, EventKind.POST, target, Double.NaN));
    }
  }
}
