package io.cleft.compiler.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The workload the {@code ./cleft} script runs once per jar under
 * {@code -XX:ArchiveClassesAtExit}, so that the JVM's class archive holds the classes every
 * short command loads (picocli's too, built for Java 17 by cli-picocli so that CDS can archive them).
 * Each command runs once in-process, its output discarded: {@code check}, {@code eval} both
 * ways, {@code compile} into a temporary directory and a short {@code run}.
 *
 * <p>Arguments: a model file and a CSV of eval input rows for it. Exits with 0 when every command
 * succeeded and 1 otherwise, so that the script keeps no archive of a broken run.
 */
public final class ClassArchiveTraining {
  private ClassArchiveTraining() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: ClassArchiveTraining MODEL.syn INPUT.csv");
      System.exit(ExitCodes.USAGE);
    }
    System.exit(train(args[0], args[1]) ? ExitCodes.OK : ExitCodes.FAILURE);
  }

  static boolean train(String model, String input) throws IOException {
    Path generated = Files.createTempDirectory("cleft-archive-training");
    try {
      return succeeds("check", model)
          && succeeds("eval", model, "--input", input)
          && succeeds("eval", model, "--input", input, "--interpret")
          && succeeds("compile", model, "-d", generated.toString())
          && succeeds("run", model, "--tstop", "1", "--compartment", "passive");
    } finally {
      deleteTree(generated);
    }
  }

  private static boolean succeeds(String... command) {
    PrintWriter discarded = new PrintWriter(new StringWriter());
    return CleftCommand.execute(discarded, discarded, command) == ExitCodes.OK;
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.delete(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
