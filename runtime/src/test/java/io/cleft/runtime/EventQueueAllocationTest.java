package io.cleft.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Scheduling and delivering allocate nothing once the queue's arrays are large enough: measured
 * with the JVM's count of the bytes this thread allocated, around 100,000 events.
 */
class EventQueueAllocationTest {
  private static final int EVENTS = 100_000;
  private static final int PER_STEP = 100;
  private static final double DT = 0.025;
  /** Room for what the measuring itself may allocate, far below one object per event. */
  private static final long TOLERATED_BYTES = 1024;

  private final double[] delays = new double[PER_STEP];
  private final int[] targets = new int[PER_STEP];
  private long delivered;
  private final Delivery countDeliveries = (kind, target, time, weight) -> delivered++;
  private final SpikeListener ignoreSpikes = (source, t) -> {};

  @Test
  void schedulingAndDeliveringAHundredThousandEventsAllocatesNothing() {
    com.sun.management.ThreadMXBean threads = threadBean();
    Random random = new Random(42);
    for (int i = 0; i < PER_STEP; i++) {
      delays[i] = random.nextDouble() * 5; // about 200 steps ahead at most: ~20,000 pending
      targets[i] = random.nextInt(1000);
    }
    EventQueue queue = new EventQueue();
    RecordingPopulation population = new RecordingPopulation(1000, 2 * EVENTS);
    for (int warmUp = 0; warmUp < 5; warmUp++) {
      run(queue, population);
    }
    long threadId = Thread.currentThread().getId();

    long before = threads.getThreadAllocatedBytes(threadId);
    run(queue, population);
    long allocated = threads.getThreadAllocatedBytes(threadId) - before;

    assertEquals(EVENTS, population.calls());
    assertTrue(allocated <= TOLERATED_BYTES, allocated + " bytes allocated for " + EVENTS + " events");
  }

  @Test
  void checkingThresholdsAllocatesNothing() {
    com.sun.management.ThreadMXBean threads = threadBean();
    ThresholdDetector detector = new ThresholdDetector(new int[] {0, 1, 2, 3}, -20);
    double[] voltages = new double[4];
    for (int warmUp = 0; warmUp < 20_000; warmUp++) {
      voltages[warmUp % 4] = (warmUp % 3) * 20 - 40;
      detector.check(warmUp, voltages, ignoreSpikes);
    }
    long threadId = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(threadId);
    for (int i = 0; i < 100_000; i++) {
      voltages[i % 4] = (i % 3) * 20 - 40;
      detector.check(i, voltages, ignoreSpikes);
    }
    long allocated = threads.getThreadAllocatedBytes(threadId) - before;
    assertTrue(allocated <= TOLERATED_BYTES, allocated + " bytes allocated for 100,000 checks");
  }

  /** Steps until EVENTS events have been scheduled and all of them delivered, then empties the queue. */
  private void run(EventQueue queue, RecordingPopulation population) {
    population.forget();
    delivered = 0;
    int scheduled = 0;
    double t = 0;
    while (scheduled < EVENTS || !queue.isEmpty()) {
      for (int i = 0; i < PER_STEP && scheduled < EVENTS; i++, scheduled++) {
        if (i % 10 == 0) {
          queue.schedulePost(t + delays[i], targets[i]);
        } else {
          queue.schedulePre(t + delays[i], targets[i], delays[i]);
        }
      }
      queue.deliverDue(population, t, DT, countDeliveries);
      t += DT;
    }
    assertEquals(EVENTS, delivered);
  }

  private static com.sun.management.ThreadMXBean threadBean() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "this JVM does not count allocated bytes");
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
    assumeTrue(threads.isThreadAllocatedMemorySupported(), "this JVM does not count allocated bytes");
    threads.setThreadAllocatedMemoryEnabled(true);
    return threads;
  }
}
