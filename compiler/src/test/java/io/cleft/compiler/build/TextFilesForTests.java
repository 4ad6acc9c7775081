package io.cleft.compiler.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a test's fixture, failing the test (not declaring IOException) if it is missing. */
final class TextFilesForTests {
  private TextFilesForTests() {}

  static String read(String path) {
    try {
      return Files.readString(Path.of(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
