package io.cleft.compiler.cli;

import io.cleft.compiler.watch.FileChanges;
import io.cleft.compiler.watch.WatchLoop;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cleft watch FILE... -- COMMAND ARGS...}: argument handling only; {@link WatchLoop}
 * reruns the command, in this JVM, after every save of a file ({@link FileChanges}).
 */
@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersionProvider.class,
    description = {
      "Runs a cleft command, then again after every save of any of the files, in the same JVM"
          + " (so that from the second run on it is warm), until Ctrl-C.",
      "After each run a line gives the time, the command's exit code and the milliseconds from"
          + " the save to the result. Model errors are printed and the watch goes on.",
      "Example: cleft watch m.syn -- eval m.syn --input in.csv --check 1e-12"
    })
public final class WatchCommand implements Callable<Integer> {
  /** The commands that can be watched: every command but watch itself. */
  private static final Set<String> COMMANDS = watchable();

  private static Set<String> watchable() {
    Set<String> commands = new TreeSet<>(CleftCommand.subcommandNames());
    commands.remove("watch");
    return Collections.unmodifiableSet(commands);
  }

  /** How long Ctrl-C waits for a run in progress to finish its output. */
  private static final long STOP_WAIT_MILLIS = 2000;

  @Spec private CommandSpec spec;

  // Split at the first "--" by call(): picocli ends its options there and gives everything,
  // before and after, as one list of positional arguments.
  @Parameters(paramLabel = "FILE... -- COMMAND ARGS", description = "files to watch, '--', then a cleft command and its arguments")
  private List<String> arguments = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    List<String> original = spec.commandLine().getParseResult().originalArgs();
    int separator = original.indexOf("--");
    if (separator < 0) {
      throw new ParameterException(spec.commandLine(), "Missing '--' between the files to watch and the command to run");
    }
    int commandStart = arguments.size() - (original.size() - separator - 1);
    List<String> files = arguments.subList(0, commandStart);
    List<String> command = arguments.subList(commandStart, arguments.size());
    if (files.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "Missing the files to watch before '--'");
    }
    if (command.isEmpty() || !COMMANDS.contains(command.get(0))) {
      throw new ParameterException(
          spec.commandLine(),
          (command.isEmpty() ? "Missing the command after '--'" : "Unknown command '" + command.get(0) + "' after '--'")
              + "; watch runs one of " + String.join(", ", COMMANDS));
    }
    List<Path> paths = new ArrayList<>();
    for (String file : files) {
      UsageChecks.requireNonEmpty(spec, file, "FILE");
      paths.add(existingFile(file));
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String[] commandArgs = command.toArray(new String[0]);
    FileChanges changes;
    try {
      changes = new FileChanges(paths);
    } catch (IOException e) {
      // Not the user's command line but the system (a directory that cannot be read, the limit
      // of inotify watches): reported like a file that cannot be read, not as an internal error.
      err.println("cleft watch: " + e.getMessage());
      return ExitCodes.FAILURE;
    }
    try (changes) {
      WatchLoop loop =
          new WatchLoop(changes, () -> CleftCommand.execute(out, err, commandArgs), "cleft " + String.join(" ", command), out);
      // Ctrl-C (or a SIGTERM, which the JVM cannot tell apart) ends the watch, which is how it
      // is meant to end: after the run in progress, the first one too, has printed its result,
      // with exit code 0 (halt, since a shutdown hook cannot set it).
      Thread interrupted =
          new Thread(() -> {
            loop.stop(STOP_WAIT_MILLIS);
            out.flush();
            err.flush();
            Runtime.getRuntime().halt(ExitCodes.OK);
          }, "cleft watch: Ctrl-C");
      Runtime.getRuntime().addShutdownHook(interrupted);
      try {
        if (loop.runOnce() == ExitCodes.USAGE) {
          return ExitCodes.USAGE; // the command line is wrong; no save can fix it
        }
        loop.watch();
      } finally {
        removeHook(interrupted);
      }
    }
    return ExitCodes.OK;
  }

  private Path existingFile(String file) {
    try {
      Path path = Path.of(file);
      if (Files.isRegularFile(path)) {
        return path;
      }
    } catch (InvalidPathException e) {
      // reported below, as for a missing file
    }
    throw new ParameterException(spec.commandLine(), "Invalid value for FILE: '" + file + "' is not a file");
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is shutting down: the hook is running and ends the process itself.
    }
  }
}
