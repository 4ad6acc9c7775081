package io.cleft.compiler;

import com.palantir.javapoet.JavaFile;
import io.cleft.compiler.diagnostic.Diagnostic;
import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.diagnostic.DiagnosticCollector;
import io.cleft.compiler.diagnostic.Severity;
import io.cleft.compiler.emit.JavaEmitter;
import io.cleft.compiler.optimize.MathMode;
import io.cleft.compiler.optimize.Optimizer;
import io.cleft.compiler.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One code-generation run: model files in, Java sources out. The command line and the Maven
 * plugin only fill this in and call {@link #execute}, so both behave the same.
 *
 * @param sources the .syn files, in the order to report them
 * @param sourceRoot when set, a file's directory relative to it becomes a sub-package of
 *     {@code packageName} ({@code src/main/syn/ampa/Ampa.syn} in package {@code p.ampa})
 * @param outputDirectory where Java sources go, in package directories
 * @param packageName the package of generated classes (empty for the default package)
 * @param mathMode whether the optimizer must keep every bit (the default) or may trade some
 * @param incremental skip a model whose generated source is newer than it and was written by
 *     this build of cleft with these options (see {@link BuildStamp}), and delete the sources a
 *     previous run wrote for models that are gone
 */
public record CompilerRun(
    List<Path> sources,
    Optional<Path> sourceRoot,
    Path outputDirectory,
    String packageName,
    MathMode mathMode,
    boolean incremental) {
  public CompilerRun {
    sources = List.copyOf(sources);
    Objects.requireNonNull(sourceRoot, "sourceRoot");
    Objects.requireNonNull(outputDirectory, "outputDirectory");
    Objects.requireNonNull(packageName, "packageName");
    Objects.requireNonNull(mathMode, "mathMode");
  }

  /**
   * What a run did: every diagnostic, the Java files written or found up to date, and those
   * deleted because their model is gone.
   */
  public record Result(List<Diagnostic> diagnostics, List<Path> written, List<Path> upToDate, List<Path> deleted) {
    public boolean hasErrors() {
      return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
  }

  public Result execute() {
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<Path> written = new ArrayList<>();
    List<Path> upToDate = new ArrayList<>();
    List<Path> deleted = new ArrayList<>();
    if (Files.exists(outputDirectory) && !Files.isDirectory(outputDirectory)) {
      diagnostics.add(
          Diagnostic.inFile(
              Severity.ERROR,
              DiagnosticCode.CANNOT_WRITE,
              outputDirectory.toString(),
              "cannot write generated sources: it is a file, not a directory"));
      return new Result(diagnostics, written, upToDate, deleted);
    }
    BuildStamp stamp = new BuildStamp(BuildStamp.currentGenerator(), options(), List.of());
    Optional<BuildStamp> previousStamp = incremental ? BuildStamp.read(outputDirectory) : Optional.empty();
    boolean sameBuild = previousStamp.isPresent() && previousStamp.get().sameBuild(stamp);
    List<Path> expected = new ArrayList<>();
    for (Path source : sources) {
      String packageOfSource = packageOf(source);
      Optional<Path> previous = expectedOutput(source, packageOfSource);
      previous.ifPresent(expected::add);
      if (sameBuild && previous.isPresent() && isNewer(previous.get(), source)) {
        upToDate.add(previous.get());
        continue;
      }
      DiagnosticCollector readErrors = new DiagnosticCollector();
      Optional<SourceFile> text = TextFiles.read(source.toString(), readErrors);
      diagnostics.addAll(readErrors.all());
      if (text.isEmpty()) {
        continue;
      }
      Compilation compilation = Pipeline.compile(text.get());
      diagnostics.addAll(compilation.diagnostics());
      if (compilation.program().isEmpty()) {
        continue;
      }
      JavaFile file;
      try {
        file = JavaEmitter.emit(Optimizer.optimize(compilation.program().get(), mathMode), packageOfSource);
      } catch (RuntimeException | AssertionError | StackOverflowError e) {
        // As in Pipeline: a bug in cleft is reported on the model that shows it, and the run goes on.
        diagnostics.add(
            Diagnostic.inFile(
                Severity.ERROR,
                DiagnosticCode.INTERNAL_ERROR,
                source.toString(),
                "internal compiler error while generating code (" + e + "); please report it with this model"));
        continue;
      }
      try {
        // JavaPoet creates the package directories, but not outputDirectory itself for the default package.
        Files.createDirectories(outputDirectory);
        written.add(file.writeToPath(outputDirectory, StandardCharsets.UTF_8));
      } catch (IOException e) {
        diagnostics.add(
            Diagnostic.inFile(
                Severity.ERROR,
                DiagnosticCode.CANNOT_WRITE,
                outputDirectory.toString(),
                "cannot write generated source: " + TextFiles.reason(e)));
      }
    }
    if (incremental) {
      List<Path> produced = new ArrayList<>(written);
      produced.addAll(upToDate);
      // A model that failed keeps its old source until it compiles again: the build fails anyway.
      List<Path> kept = new ArrayList<>(produced);
      kept.addAll(expected);
      List<String> listed = new ArrayList<>(produced.stream().map(this::relativeName).toList());
      previousStamp.ifPresent(
          old -> {
            // The stamp goes on listing a kept source, or it would never be deleted once its model is gone.
            for (Path output : expected) {
              String name = relativeName(output);
              if (!listed.contains(name) && old.outputs().contains(name) && Files.exists(output)) {
                listed.add(name);
              }
            }
            deleteStale(old, kept, deleted, diagnostics);
          });
      writeStamp(stamp, listed, diagnostics);
    }
    return new Result(diagnostics, written, upToDate, deleted);
  }

  /** The options that shape generated code; a change to any of them regenerates everything. */
  private String options() {
    return "package=" + packageName + ";math=" + mathMode;
  }

  /** Deletes what an earlier run wrote for a model that is no longer among the sources. */
  private void deleteStale(BuildStamp old, List<Path> kept, List<Path> deleted, List<Diagnostic> diagnostics) {
    List<String> keptNames = kept.stream().map(this::relativeName).toList();
    for (String output : old.outputs()) {
      if (keptNames.contains(output)) {
        continue;
      }
      Optional<Path> listed = generatedSource(output);
      if (listed.isEmpty()) {
        continue;
      }
      Path file = listed.get();
      try {
        if (Files.deleteIfExists(file)) {
          deleted.add(file);
        }
      } catch (IOException e) {
        diagnostics.add(
            Diagnostic.inFile(
                Severity.ERROR,
                DiagnosticCode.CANNOT_WRITE,
                file.toString(),
                "cannot delete the generated source of a model that is gone: " + TextFiles.reason(e)));
      }
    }
  }

  /**
   * The file an output line of a stamp names, if it is what cleft writes: a Java source inside the
   * output directory. A damaged or hand-edited stamp must not make a run fail, nor delete a
   * directory, a model or anything outside the output directory.
   */
  private Optional<Path> generatedSource(String output) {
    if (!output.endsWith(".java")) {
      return Optional.empty();
    }
    Path file;
    try {
      file = outputDirectory.resolve(output);
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
    Path root = outputDirectory.toAbsolutePath().normalize();
    Path normalized = file.toAbsolutePath().normalize();
    if (!normalized.startsWith(root) || normalized.equals(root) || Files.isDirectory(file)) {
      return Optional.empty();
    }
    return Optional.of(file);
  }

  private String relativeName(Path file) {
    return outputDirectory.relativize(file).toString().replace(java.io.File.separatorChar, '/');
  }

  private void writeStamp(BuildStamp stamp, List<String> outputs, List<Diagnostic> diagnostics) {
    try {
      new BuildStamp(stamp.generator(), stamp.options(), outputs).write(outputDirectory);
    } catch (IOException e) {
      diagnostics.add(
          Diagnostic.inFile(
              Severity.ERROR,
              DiagnosticCode.CANNOT_WRITE,
              outputDirectory.toString(),
              "cannot write " + BuildStamp.FILE_NAME + ": " + TextFiles.reason(e)));
    }
  }

  private String packageOf(Path source) {
    if (sourceRoot.isEmpty()) {
      return packageName;
    }
    Path relative = sourceRoot.get().toAbsolutePath().normalize().relativize(source.toAbsolutePath().normalize()).getParent();
    if (relative == null) {
      return packageName;
    }
    String sub = relative.toString().replace(java.io.File.separatorChar, '.');
    return packageName.isEmpty() ? sub : packageName + "." + sub;
  }

  /** Where the source's class lands if its synapse is named like its file, as is the convention. */
  private Optional<Path> expectedOutput(Path source, String packageOfSource) {
    String fileName = source.getFileName().toString();
    if (!fileName.endsWith(".syn")) {
      return Optional.empty();
    }
    Path directory = packageOfSource.isEmpty() ? outputDirectory : outputDirectory.resolve(packageOfSource.replace('.', '/'));
    return Optional.of(directory.resolve(fileName.substring(0, fileName.length() - 4) + ".java"));
  }

  private static boolean isNewer(Path output, Path source) {
    try {
      return Files.exists(output)
          && Files.getLastModifiedTime(output).compareTo(Files.getLastModifiedTime(source)) > 0;
    } catch (IOException e) {
      return false;
    }
  }
}
