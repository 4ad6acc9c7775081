package io.cleft.compiler.watch;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Tells when any of a set of files was saved. It watches the files' directories, not the files:
 * an editor that saves by writing a new file and renaming it over the old one (vim, most IDEs)
 * replaces the file, and a watch on the old one would see nothing more. One save is often a
 * burst of events (truncate, write, rename; or delete and create), so a change is reported once
 * the watched files have been quiet for {@link #QUIET_MILLIS} (at most {@link #MAX_WAIT_MILLIS}
 * after the first event); other files' events are drained but do not delay the report.
 */
public final class FileChanges implements Closeable {
  /** How long no further event must come before a burst counts as one save. */
  static final long QUIET_MILLIS = 30;

  /**
   * The longest a burst is waited for, from its first event: a file saved again and again (or
   * written without pause) still runs the command this often.
   */
  public static final long MAX_WAIT_MILLIS = 500;

  private final WatchService service;
  /** Each watched directory's key, with the names of the watched files in it. */
  private final Map<WatchKey, Set<Path>> namesByKey = new HashMap<>();

  /**
   * Watches {@code files}, which must be paths of files in existing directories.
   *
   * @throws IOException if a directory cannot be watched (it cannot be read, or the system's
   *     limit of watches is reached), with a message {@code cannot watch DIR: REASON}
   */
  public FileChanges(List<Path> files) throws IOException {
    Map<Path, Set<Path>> namesByDirectory = new LinkedHashMap<>();
    for (Path file : files) {
      Path absolute = file.toAbsolutePath().normalize();
      namesByDirectory.computeIfAbsent(absolute.getParent(), d -> new HashSet<>()).add(absolute.getFileName());
    }
    Path directory = namesByDirectory.keySet().iterator().next();
    try {
      service = FileSystems.getDefault().newWatchService();
    } catch (IOException e) {
      throw cannotWatch(directory, e);
    }
    try {
      for (Map.Entry<Path, Set<Path>> entry : namesByDirectory.entrySet()) {
        directory = entry.getKey();
        WatchKey key =
            directory.register(
                service,
                StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        namesByKey.put(key, entry.getValue());
      }
    } catch (IOException e) {
      service.close();
      throw cannotWatch(directory, e);
    } catch (RuntimeException e) {
      service.close();
      throw e;
    }
  }

  /**
   * The failure to watch {@code directory}, saying why in words: a {@link FileSystemException}'s
   * message repeats the path, and an access denied has no reason of its own.
   */
  private static IOException cannotWatch(Path directory, IOException cause) {
    String reason;
    if (cause instanceof AccessDeniedException) {
      reason = "permission denied";
    } else if (cause instanceof FileSystemException && ((FileSystemException) cause).getReason() != null) {
      reason = ((FileSystemException) cause).getReason();
    } else {
      reason = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }
    return new IOException("cannot watch " + directory + ": " + reason, cause);
  }

  /**
   * Waits until a watched file has changed and the watched files have been quiet for a moment, and
   * returns the time of the first event of that burst ({@link System#nanoTime}). Returns
   * {@code -1} once {@link #close} has been called, from any thread.
   */
  public long awaitChange() throws InterruptedException {
    try {
      long first = -1;
      while (first < 0) {
        if (isRelevant(service.take())) {
          first = System.nanoTime();
        }
      }
      // Only events of watched files prolong the burst, and only up to MAX_WAIT_MILLIS: a log
      // written next to the model every few milliseconds must not hold a save back for ever.
      long quietUntil = first + TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS);
      long giveUpAt = first + TimeUnit.MILLISECONDS.toNanos(MAX_WAIT_MILLIS);
      long now;
      while ((now = System.nanoTime()) < Math.min(quietUntil, giveUpAt)) {
        WatchKey next = service.poll(Math.min(quietUntil, giveUpAt) - now, TimeUnit.NANOSECONDS);
        if (next != null && isRelevant(next)) {
          quietUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS);
        }
      }
      return first;
    } catch (ClosedWatchServiceException e) {
      return -1;
    }
  }

  /** Whether {@code key}'s events touch a watched file; resets the key for further events. */
  private boolean isRelevant(WatchKey key) {
    Set<Path> names = namesByKey.getOrDefault(key, Set.of());
    boolean relevant = false;
    for (WatchEvent<?> event : key.pollEvents()) {
      // OVERFLOW means events were lost, some of which may have been ours.
      relevant |=
          event.kind() == StandardWatchEventKinds.OVERFLOW
              || (event.context() instanceof Path && names.contains((Path) event.context()));
    }
    key.reset();
    return relevant;
  }

  /** Ends the watch; a thread waiting in {@link #awaitChange} returns {@code -1}. */
  @Override
  public void close() throws IOException {
    service.close();
  }
}
