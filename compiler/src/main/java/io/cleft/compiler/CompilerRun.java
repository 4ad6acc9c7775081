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
 *     this build of cleft with these options, and delete the sources a previous run wrote for
 *     models that are gone (see {@link OutputDirectory})
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

  /** Runs on a thread with a large stack ({@link LargeStack}), as the command line does. */
  public Result execute() {
    return LargeStack.call(this::executeHere);
  }

  private Result executeHere() {
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<Path> written = new ArrayList<>();
    List<Path> upToDate = new ArrayList<>();
    if (Files.exists(outputDirectory) && !Files.isDirectory(outputDirectory)) {
      diagnostics.add(
          OutputDirectory.cannotWrite(outputDirectory, "cannot write generated sources: it is a file, not a directory"));
      return new Result(diagnostics, written, upToDate, List.of());
    }
    OutputDirectory output = OutputDirectory.open(outputDirectory, options(), incremental);
    for (Path source : sources) {
      Optional<Path> current = output.upToDate(source);
      if (current.isPresent()) {
        upToDate.add(current.get());
        continue;
      }
      Optional<Path> file = generate(source, diagnostics);
      if (file.isPresent()) {
        written.add(file.get());
        output.written(source, file.get());
      } else {
        output.keepPrevious(source);
      }
    }
    List<Path> deleted = output.finish(diagnostics);
    return new Result(diagnostics, written, upToDate, deleted);
  }

  /** Compiles one model and writes its class; empty if it has errors or cannot be written. */
  private Optional<Path> generate(Path source, List<Diagnostic> diagnostics) {
    DiagnosticCollector readErrors = new DiagnosticCollector();
    Optional<SourceFile> text = TextFiles.read(source.toString(), readErrors);
    diagnostics.addAll(readErrors.all());
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Compilation compilation = Pipeline.compile(text.get());
    diagnostics.addAll(compilation.diagnostics());
    if (compilation.program().isEmpty()) {
      return Optional.empty();
    }
    JavaFile file;
    try {
      file = JavaEmitter.emit(Optimizer.optimize(compilation.program().get(), mathMode), packageOf(source));
    } catch (RuntimeException | AssertionError | StackOverflowError e) {
      // As in Pipeline: a bug in cleft is reported on the model that shows it, and the run goes on.
      diagnostics.add(
          Diagnostic.inFile(
              Severity.ERROR,
              DiagnosticCode.INTERNAL_ERROR,
              source.toString(),
              "internal compiler error while generating code (" + e + "); please report it with this model"));
      return Optional.empty();
    }
    try {
      // JavaPoet creates the package directories, but not outputDirectory itself for the default package.
      Files.createDirectories(outputDirectory);
      return Optional.of(file.writeToPath(outputDirectory, StandardCharsets.UTF_8));
    } catch (IOException e) {
      diagnostics.add(OutputDirectory.cannotWrite(outputDirectory, "cannot write generated source: " + TextFiles.reason(e)));
      return Optional.empty();
    }
  }

  /** The options that shape generated code; a change to any of them regenerates everything. */
  private String options() {
    return "package=" + packageName + ";math=" + mathMode;
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
}
