package io.cleft.compiler.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What wrote an output directory of an incremental run: which build of cleft, with which
 * options, and which file from which model. See {@link OutputDirectory} for how a run uses it.
 *
 * <p>The file is text: {@code generator=}, {@code options=}, then a line
 * {@code output=FILE<tab>MODEL} per file written.
 *
 * @param generator a digest of the compiler's own code
 * @param options the options that shape generated code, as text
 * @param outputs each file written, relative to the output directory with '/' separators, and
 *     the model it was generated from, as an absolute path
 */
record BuildStamp(String generator, String options, List<Output> outputs) {
  static final String FILE_NAME = ".cleft-stamp";
  private static final String GENERATOR = "generator=";
  private static final String OPTIONS = "options=";
  private static final String OUTPUT = "output=";

  record Output(String file, String model) {}

  BuildStamp {
    outputs = List.copyOf(outputs);
  }

  /** What this stamp says was generated from {@code model}. */
  Optional<String> outputOf(String model) {
    return outputs.stream().filter(o -> o.model().equals(model)).map(Output::file).findFirst();
  }

  boolean sameBuild(BuildStamp other) {
    return generator.equals(other.generator) && options.equals(other.options);
  }

  /** The stamp in {@code directory}, or empty if there is none or it cannot be read. */
  static Optional<BuildStamp> read(Path directory) {
    Path file = directory.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      String generator = "";
      String options = "";
      List<Output> outputs = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.startsWith(GENERATOR)) {
          generator = line.substring(GENERATOR.length());
        } else if (line.startsWith(OPTIONS)) {
          options = line.substring(OPTIONS.length());
        } else if (line.startsWith(OUTPUT)) {
          String[] parts = line.substring(OUTPUT.length()).split("\t", 2);
          outputs.add(new Output(parts[0], parts.length == 2 ? parts[1] : ""));
        }
      }
      return Optional.of(new BuildStamp(generator, options, outputs));
    } catch (IOException | UncheckedIOException e) {
      return Optional.empty(); // an unreadable stamp only costs a full regeneration
    }
  }

  void write(Path directory) throws IOException {
    StringBuilder text =
        new StringBuilder("# Written by cleft: what generated this directory. Do not edit.\n")
            .append(GENERATOR).append(generator).append('\n')
            .append(OPTIONS).append(options).append('\n');
    outputs.forEach(o -> text.append(OUTPUT).append(o.file()).append('\t').append(o.model()).append('\n'));
    Files.createDirectories(directory);
    Files.writeString(directory.resolve(FILE_NAME), text, StandardCharsets.UTF_8);
  }

  /** A SHA-256 digest of the jar or class directory this class was loaded from. */
  static String currentGenerator() {
    try {
      Path code = Path.of(BuildStamp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      if (Files.isDirectory(code)) {
        try (Stream<Path> files = Files.walk(code)) {
          for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
            digest.update(code.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
            digest.update(Files.readAllBytes(file));
          }
        }
      } else {
        try (InputStream in = Files.newInputStream(code)) {
          digest.update(in.readAllBytes());
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException | URISyntaxException | NoSuchAlgorithmException | RuntimeException e) {
      // Without a digest no stamp ever matches, and every run regenerates: slow, never stale.
      return "unknown:" + System.nanoTime();
    }
  }
}
