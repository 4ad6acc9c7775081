package io.cleft.compiler.watch;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntSupplier;

/**
 * Runs a command, then again after every save of a watched file, until {@link #stop}: the
 * command runs in this JVM, so from the second run on its classes are loaded and its code
 * compiled. After each run a separator line says when, how the command ended and how long it
 * took from the save (or, the first time, from the start) to its printed result. A failing
 * command (a model error) does not end the loop: the next save runs it again.
 */
public final class WatchLoop {
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final FileChanges changes;
  private final IntSupplier command;
  private final String description;
  private final PrintWriter out;
  /** Held by a run and its separator, so that {@link #stop} can wait for the run in progress. */
  private final ReentrantLock running = new ReentrantLock();
  private volatile boolean stopped;

  /**
   * @param command runs the command once and returns its exit code
   * @param description what the separator calls the command, such as {@code cleft check m.syn}
   * @param out where the separator lines go; the command prints where it likes
   */
  public WatchLoop(FileChanges changes, IntSupplier command, String description, PrintWriter out) {
    this.changes = changes;
    this.command = command;
    this.description = description;
    this.out = out;
  }

  /**
   * Runs the command once and returns its exit code, without watching: a caller can refuse to
   * watch a command that cannot succeed (a usage error) before {@link #watch}.
   */
  public int runOnce() {
    return runAndReport(System.nanoTime(), "from start");
  }

  /** Reruns the command after every save until {@link #stop}; returns then. */
  public void watch() {
    try {
      long saved;
      while (!stopped && (saved = changes.awaitChange()) >= 0) {
        if (!stopped) {
          runAndReport(saved, "from save");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Ends {@link #watch} after the run in progress, if any ({@link #runOnce}'s too), and waits up
   * to {@code waitMillis} for that run to print its result; callable from any thread, a shutdown
   * hook included.
   */
  public void stop(long waitMillis) {
    stopped = true;
    try {
      changes.close();
      if (running.tryLock(waitMillis, TimeUnit.MILLISECONDS)) {
        running.unlock();
      }
    } catch (IOException e) {
      // The watch service is closing anyway; nothing is left to release.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private int runAndReport(long since, String measuredFrom) {
    running.lock();
    try {
      int exitCode = command.getAsInt();
      long millis = (System.nanoTime() - since) / 1_000_000;
      out.println(
          "-- " + LocalTime.now().format(CLOCK) + " " + description + ": exit " + exitCode + ", "
              + millis + " ms " + measuredFrom + "; waiting for a save (Ctrl-C ends) --");
      out.flush();
      return exitCode;
    } finally {
      running.unlock();
    }
  }
}
