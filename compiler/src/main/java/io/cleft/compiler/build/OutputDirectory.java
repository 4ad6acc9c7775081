package io.cleft.compiler.build;

import io.cleft.compiler.diagnostic.Diagnostic;
import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.diagnostic.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a run writes, and what an incremental run knows about it from the {@link BuildStamp}
 * the previous run left there:
 *
 * <ul>
 *   <li>a model is up to date when the stamp says this build of cleft, with these options,
 *       generated a file from it, and that file is newer than the model: upgrading cleft or
 *       changing an option regenerates everything;
 *   <li>a model that fails keeps the file generated from it before, until it compiles again
 *       (the build fails anyway);
 *   <li>a file the stamp lists for a model that is gone, or that now generates another file, is
 *       deleted: never anything else, and never anything outside the directory.
 * </ul>
 *
 * A run that is not incremental removes the stamp, which would otherwise vouch for files it did
 * not write.
 */
final class OutputDirectory {
  private final Path root;
  private final boolean incremental;
  private final String generator;
  private final String options;
  private final Optional<BuildStamp> previous;
  /** This run's files, by model. */
  private final Map<String, String> outputs = new LinkedHashMap<>();

  private OutputDirectory(Path root, boolean incremental, String generator, String options, Optional<BuildStamp> previous) {
    this.root = root;
    this.incremental = incremental;
    this.generator = generator;
    this.options = options;
    this.previous = previous;
  }

  static OutputDirectory open(Path root, String options, boolean incremental) {
    if (!incremental) {
      return new OutputDirectory(root, false, "", options, Optional.empty());
    }
    return new OutputDirectory(root, true, BuildStamp.currentGenerator(), options, BuildStamp.read(root));
  }

  /** The file generated from {@code model} by an identical run, if it is still newer than the model. */
  Optional<Path> upToDate(Path model) {
    if (previous.isEmpty() || !previous.get().generator().equals(generator) || !previous.get().options().equals(options)) {
      return Optional.empty();
    }
    Optional<Path> file = previous.get().outputOf(key(model)).flatMap(this::generatedSource);
    if (file.isPresent() && isNewer(file.get(), model)) {
      outputs.put(key(model), relativeName(file.get()));
      return file;
    }
    return Optional.empty();
  }

  void written(Path model, Path file) {
    outputs.put(key(model), relativeName(file));
  }

  /** {@code model} failed: what was generated from it before stays, and stays listed. */
  void keepPrevious(Path model) {
    previous
        .flatMap(stamp -> stamp.outputOf(key(model)))
        .filter(file -> generatedSource(file).map(Files::exists).orElse(false))
        .ifPresent(file -> outputs.put(key(model), file));
  }

  /**
   * Deletes the files the previous stamp lists and this run did not produce or keep, and writes
   * the new stamp; or, for a run that is not incremental, removes any stamp.
   *
   * @return the files deleted
   */
  List<Path> finish(List<Diagnostic> diagnostics) {
    List<Path> deleted = new ArrayList<>();
    if (!incremental) {
      try {
        Files.deleteIfExists(root.resolve(BuildStamp.FILE_NAME));
      } catch (IOException e) {
        diagnostics.add(cannotWrite(root, "cannot remove " + BuildStamp.FILE_NAME + ": " + TextFiles.reason(e)));
      }
      return deleted;
    }
    for (BuildStamp.Output old : previous.map(BuildStamp::outputs).orElse(List.of())) {
      if (outputs.containsValue(old.file())) {
        continue;
      }
      Optional<Path> file = generatedSource(old.file());
      if (file.isEmpty()) {
        continue;
      }
      try {
        if (Files.deleteIfExists(file.get())) {
          deleted.add(file.get());
        }
      } catch (IOException e) {
        diagnostics.add(
            cannotWrite(file.get(), "cannot delete the generated source of a model that is gone: " + TextFiles.reason(e)));
      }
    }
    List<BuildStamp.Output> listed = new ArrayList<>();
    outputs.forEach((model, file) -> listed.add(new BuildStamp.Output(file, model)));
    try {
      new BuildStamp(generator, options, listed).write(root);
    } catch (IOException e) {
      diagnostics.add(cannotWrite(root, "cannot write " + BuildStamp.FILE_NAME + ": " + TextFiles.reason(e)));
    }
    return deleted;
  }

  static Diagnostic cannotWrite(Path path, String message) {
    return Diagnostic.inFile(Severity.ERROR, DiagnosticCode.CANNOT_WRITE, path.toString(), message);
  }

  /**
   * The file a stamp names, if it is what cleft writes: a Java source inside the directory. A
   * damaged or hand-edited stamp must not make a run fail, nor delete a directory, a model or
   * anything outside.
   */
  private Optional<Path> generatedSource(String name) {
    if (!name.endsWith(".java")) {
      return Optional.empty();
    }
    Path file;
    try {
      file = root.resolve(name);
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
    Path top = root.toAbsolutePath().normalize();
    Path normalized = file.toAbsolutePath().normalize();
    if (!normalized.startsWith(top) || normalized.equals(top) || Files.isDirectory(file)) {
      return Optional.empty();
    }
    return Optional.of(file);
  }

  private String relativeName(Path file) {
    return root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
  }

  private static String key(Path model) {
    return model.toAbsolutePath().normalize().toString();
  }

  private static boolean isNewer(Path output, Path source) {
    try {
      return Files.exists(output) && Files.getLastModifiedTime(output).compareTo(Files.getLastModifiedTime(source)) > 0;
    } catch (IOException e) {
      return false;
    }
  }
}
