package io.cleft.compiler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.cleft.compiler.watch.FileChanges;
import io.cleft.compiler.watch.WatchLoop;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchCommandTest {
  /** Generous: the machine may be busy; no assertion is about how fast the watch is. */
  private static final long TIMEOUT_MILLIS = 60_000;

  @TempDir Path dir;

  @Test
  void rerunsTheCommandOnEverySaveAndGoesOnAfterAModelError() throws Exception {
    String model = TestModels.write(dir, "Decay.syn", TestModels.DECAY);
    StringWriter printed = new StringWriter();
    PrintWriter out = new PrintWriter(printed, true);
    String[] check = {"check", model};
    try (FileChanges changes = new FileChanges(List.of(Path.of(model)))) {
      WatchLoop loop = new WatchLoop(changes, () -> CleftCommand.execute(out, out, check), "cleft check Decay.syn", out);
      Thread watching =
          new Thread(() -> {
            loop.runOnce();
            loop.watch();
          }, "watch under test");
      watching.start();
      try {
        awaitOutput(printed, text -> separators(text) == 1);
        assertTrue(printed.toString().contains("cleft check Decay.syn: exit 0,"), printed.toString());

        // Saved in place, broken: the diagnostic appears, and the watch goes on.
        Files.writeString(Path.of(model), TestModels.DECAY.replace("-dt / tau", "-dt / tua"));
        awaitOutput(printed, text -> text.contains("exit 1,"));
        String broken = printed.toString();
        assertTrue(broken.contains("error: unknown name 'tua' (did you mean 'tau'?)"), broken);
        assertTrue(watching.isAlive());

        // Saved as editors do: a new file renamed over the old one.
        Path written = dir.resolve(".Decay.syn.swp");
        Files.writeString(written, TestModels.DECAY);
        Files.move(written, Path.of(model), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        awaitOutput(printed, text -> text.substring(broken.length()).contains("exit 0,"));
        assertFalse(printed.toString().substring(broken.length()).contains("error:"), printed.toString());
      } finally {
        loop.stop(TIMEOUT_MILLIS);
        watching.join(TIMEOUT_MILLIS);
      }
      assertFalse(watching.isAlive(), "stop ends the watch");
    }
  }

  @Test
  void aSaveOfAnotherFileInTheDirectoryRunsNothing() throws Exception {
    String model = TestModels.write(dir, "Decay.syn", TestModels.DECAY);
    String other = TestModels.write(dir, "Other.syn", TestModels.DECAY);
    StringWriter printed = new StringWriter();
    PrintWriter out = new PrintWriter(printed, true);
    AtomicInteger runs = new AtomicInteger();
    try (FileChanges changes = new FileChanges(List.of(Path.of(model)))) {
      WatchLoop loop =
          new WatchLoop(changes, () -> {
            runs.incrementAndGet();
            return CleftCommand.execute(out, out, "check", model);
          }, "cleft check", out);
      Thread watching = new Thread(loop::watch, "watch under test");
      watching.start();
      try {
        Files.writeString(Path.of(other), TestModels.DECAY.replace("tau", "tua"));
        // Counted when the command starts, not when its separator is printed, so that a slow
        // run on a busy machine is caught too.
        Thread.sleep(FileChanges.MAX_WAIT_MILLIS + 500);
        assertEquals(0, runs.get(), "a save of another file ran the command:\n" + printed);

        Files.writeString(Path.of(model), TestModels.DECAY + "\n");
        awaitOutput(printed, text -> separators(text) == 1);
        Thread.sleep(FileChanges.MAX_WAIT_MILLIS);
        assertEquals(1, runs.get(), printed.toString());
        assertEquals(1, separators(printed.toString()), printed.toString());
        assertTrue(printed.toString().contains("exit 0,"), printed.toString());
        assertFalse(printed.toString().contains("error:"), printed.toString());
      } finally {
        loop.stop(TIMEOUT_MILLIS);
        watching.join(TIMEOUT_MILLIS);
      }
    }
  }

  @Test
  void aFileWrittenWithoutPauseNextToTheModelDoesNotHoldASaveBack() throws Exception {
    String model = TestModels.write(dir, "Decay.syn", TestModels.DECAY);
    Path log = dir.resolve("run.log");
    StringWriter printed = new StringWriter();
    PrintWriter out = new PrintWriter(printed, true);
    AtomicBoolean writing = new AtomicBoolean(true);
    // A log written every 5 ms, well inside the quiet period, from before the save to after it.
    Thread logger =
        new Thread(() -> {
          try {
            for (int line = 0; writing.get(); line++) {
              Files.writeString(log, "line " + line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
              Thread.sleep(5);
            }
          } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
          }
        }, "log writer");
    try (FileChanges changes = new FileChanges(List.of(Path.of(model)))) {
      WatchLoop loop = new WatchLoop(changes, () -> CleftCommand.execute(out, out, "check", model), "cleft check", out);
      Thread watching = new Thread(loop::watch, "watch under test");
      logger.start();
      watching.start();
      try {
        Thread.sleep(100);
        Files.writeString(Path.of(model), TestModels.DECAY + "\n");
        awaitOutput(printed, text -> separators(text) == 1);
        assertTrue(printed.toString().contains("exit 0,"), printed.toString());
        assertTrue(logger.isAlive(), "the log was still being written during the run");
      } finally {
        writing.set(false);
        logger.join(TIMEOUT_MILLIS);
        loop.stop(TIMEOUT_MILLIS);
        watching.join(TIMEOUT_MILLIS);
      }
    }
  }

  @Test
  void stopDuringTheFirstRunWaitsForItsResult() throws Exception {
    String model = TestModels.write(dir, "Decay.syn", TestModels.DECAY);
    StringWriter printed = new StringWriter();
    PrintWriter out = new PrintWriter(printed, true);
    CountDownLatch started = new CountDownLatch(1);
    try (FileChanges changes = new FileChanges(List.of(Path.of(model)))) {
      WatchLoop loop =
          new WatchLoop(changes, () -> {
            started.countDown();
            sleep(300); // a run that is still going when Ctrl-C comes
            return ExitCodes.OK;
          }, "cleft check", out);
      Thread first = new Thread(loop::runOnce, "first run under test");
      first.start();
      try {
        started.await();
        long before = System.nanoTime();
        loop.stop(STOP_WAIT_MILLIS); // as the Ctrl-C hook does
        long waitedMillis = (System.nanoTime() - before) / 1_000_000;
        assertEquals(1, separators(printed.toString()), "stop returned before the run's result");
        assertTrue(waitedMillis < STOP_WAIT_MILLIS, "stop waited " + waitedMillis + " ms, as if for nothing");
      } finally {
        first.join(TIMEOUT_MILLIS);
      }
    }
  }

  @Test
  void aDirectoryThatCannotBeWatchedIsReportedNotAnInternalError() throws Exception {
    Path locked = Files.createDirectory(dir.resolve("locked"));
    String model = TestModels.write(locked, "Decay.syn", TestModels.DECAY);
    // Write and search but no read: the file is there, its directory cannot be watched.
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("-wx------"));
    try {
      assumeFalse(Files.isReadable(locked), "root reads every directory; nothing to provoke");
      CliRun run = CliRun.of("watch", model, "--", "check", model);

      assertEquals(ExitCodes.FAILURE, run.exitCode());
      assertEquals("cleft watch: cannot watch " + locked.toAbsolutePath() + ": permission denied\n", run.err());
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void withoutDashDashIsAUsageError() {
    String model = TestModels.write(dir, "Decay.syn", TestModels.DECAY);
    CliRun run = CliRun.of("watch", model, "check", model);

    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertTrue(run.err().startsWith("Missing '--' between the files to watch and the command to run\n"), run.err());
    assertTrue(run.err().endsWith("Try 'cleft watch --help' for more information.\n"), run.err());
  }

  @Test
  void withoutFilesIsAUsageError() {
    CliRun run = CliRun.of("watch", "--", "check", "x.syn");

    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertTrue(run.err().startsWith("Missing the files to watch before '--'\n"), run.err());
  }

  @Test
  void withoutACommandIsAUsageError() {
    String model = TestModels.write(dir, "Decay.syn", TestModels.DECAY);
    CliRun run = CliRun.of("watch", model, "--");

    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertTrue(run.err().startsWith("Missing the command after '--'; watch runs one of check, compile, eval, run\n"), run.err());
  }

  @Test
  void anUnknownCommandIsAUsageError() {
    String model = TestModels.write(dir, "Decay.syn", TestModels.DECAY);
    for (String command : new String[] {"chek", "watch"}) {
      CliRun run = CliRun.of("watch", model, "--", command, model);

      assertEquals(ExitCodes.USAGE, run.exitCode());
      assertTrue(run.err().startsWith("Unknown command '" + command + "' after '--'; watch runs one of"), run.err());
    }
  }

  @Test
  void aMissingFileIsAUsageError() {
    String missing = dir.resolve("Missing.syn").toString();
    CliRun run = CliRun.of("watch", missing, "--", "check", missing);

    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertTrue(run.err().startsWith("Invalid value for FILE: '" + missing + "' is not a file\n"), run.err());
  }

  @Test
  void aCommandWithAUsageErrorEndsTheWatchAtOnce() {
    String model = TestModels.write(dir, "Decay.syn", TestModels.DECAY);
    CliRun run = CliRun.of("watch", model, "--", "eval", model);

    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertTrue(run.err().startsWith("Missing required option: '--input=CSV'\n"), run.err());
  }

  @Test
  void watchHasHelp() {
    CliRun run = CliRun.of("watch", "--help");

    assertEquals(ExitCodes.OK, run.exitCode());
    assertTrue(run.out().startsWith("Usage: cleft watch"), run.out());
  }

  /** Well above a 300 ms run on a busy machine, well below {@link #TIMEOUT_MILLIS}. */
  private static final long STOP_WAIT_MILLIS = 20_000;

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int separators(String text) {
    return (int) text.lines().filter(line -> line.startsWith("-- ") && line.endsWith("(Ctrl-C ends) --")).count();
  }

  private static void awaitOutput(StringWriter printed, Predicate<String> condition) throws InterruptedException {
    long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
    while (!condition.test(printed.toString())) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("timed out; the watch printed:\n" + printed);
      }
      Thread.sleep(20);
    }
  }
}
