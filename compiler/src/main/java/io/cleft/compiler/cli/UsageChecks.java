package io.cleft.compiler.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Checks of arguments that picocli cannot express, each failing as a usage error (exit 2). */
final class UsageChecks {
  private UsageChecks() {}

  /**
   * An empty path is the current directory to {@link java.nio.file.Path}: {@code -d ""} would
   * write there and {@code --input ""} would fail with "is a directory" at no location. Neither
   * is what the user meant, so both are usage errors.
   */
  static void requireNonEmpty(CommandSpec spec, String value, String argument) {
    if (value.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "Invalid value for " + argument + ": the path is empty");
    }
  }

  /**
   * Refuses an {@code --output} that is the same file as {@code input} under any spelling
   * ({@code ./x.csv}, a symbolic or hard link): writing it would replace the expected values
   * with cleft's own, and every later check would pass against them.
   */
  static void requireDistinct(CommandSpec spec, String output, String input, String what) {
    requireDistinct(spec, "--output", output, input, what);
  }

  /** {@link #requireDistinct(CommandSpec, String, String, String)} for another writing option. */
  static void requireDistinct(CommandSpec spec, String option, String output, String input, String what) {
    if (isSameFile(output, input)) {
      throw new ParameterException(
          spec.commandLine(),
          "Invalid value for option '" + option + "': '" + output + "' is " + what + " '" + input
              + "'; writing it would destroy it, so name another file");
    }
  }

  private static boolean isSameFile(String a, String b) {
    try {
      Path first = Path.of(a);
      Path second = Path.of(b);
      if (Files.exists(first) && Files.exists(second)) {
        return Files.isSameFile(first, second);
      }
      return first.toAbsolutePath().normalize().equals(second.toAbsolutePath().normalize());
    } catch (InvalidPathException | IOException e) {
      return false; // reading or writing the file reports what is wrong with it
    }
  }
}
