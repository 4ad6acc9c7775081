package io.cleft.compiler.build;

import com.palantir.javapoet.JavaFile;
import io.cleft.compiler.CodeMode;
import io.cleft.compiler.Compilation;
import io.cleft.compiler.GenerationOptions;
import io.cleft.compiler.InternalErrorDiagnostic;
import io.cleft.compiler.LargeStack;
import io.cleft.compiler.Pipeline;
import io.cleft.compiler.diagnostic.Diagnostic;
import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.diagnostic.DiagnosticCollector;
import io.cleft.compiler.diagnostic.Severity;
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
 * @param mode how the generated classes compute ({@link CodeMode}): whether the optimizer must
 *     keep every bit (the default) or may trade some, and SIMD mode
 * @param incremental skip a model whose generated source is newer than it and was written by
 *     this build of cleft with these options, and delete the sources a previous run wrote for
 *     models that are gone (see {@link OutputDirectory})
 */
public record CompilerRun(
    List<Path> sources,
    Optional<Path> sourceRoot,
    Path outputDirectory,
    String packageName,
    CodeMode mode,
    boolean incremental) {

  public CompilerRun {
    sources = List.copyOf(sources);
    Objects.requireNonNull(sourceRoot, "sourceRoot");
    Objects.requireNonNull(outputDirectory, "outputDirectory");
    Objects.requireNonNull(packageName, "packageName");
    Objects.requireNonNull(mode, "mode");
    // Callers report a bad package as a usage or configuration error before they get here.
    JavaPackageName.problem(packageName).ifPresent(problem -> {
      throw new IllegalArgumentException(problem);
    });
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
    GeneratedClasses classes = new GeneratedClasses(outputDirectory);
    for (Path source : sources) {
      Optional<Path> current = output.upToDate(source);
      if (current.isPresent() && classes.claim(current.get(), source)) {
        upToDate.add(current.get());
        continue;
      }
      Optional<Path> file = generate(source, classes, diagnostics);
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
  private Optional<Path> generate(Path source, GeneratedClasses classes, List<Diagnostic> diagnostics) {
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
    Optional<String> packageName = packageOf(source, diagnostics);
    if (packageName.isEmpty()) {
      return Optional.empty();
    }
    JavaFile file;
    try {
      file = Pipeline.generate(compilation.program().get(), new GenerationOptions(mode, packageName.get()));
    } catch (RuntimeException | AssertionError | StackOverflowError e) {
      // As in Pipeline: a bug in cleft is reported on the model that shows it, and the run goes on.
      diagnostics.add(InternalErrorDiagnostic.of(text.get(), e));
      return Optional.empty();
    }
    Optional<Path> target = classes.target(file, source, compilation.program().get().model().span(), diagnostics);
    if (target.isEmpty()) {
      return Optional.empty();
    }
    try {
      // Written here rather than by JavaPoet's writeToPath, so that the path checked is the one written.
      Files.createDirectories(target.get().getParent());
      Files.writeString(target.get(), file.toString(), StandardCharsets.UTF_8);
      return target;
    } catch (IOException e) {
      diagnostics.add(OutputDirectory.cannotWrite(outputDirectory, "cannot write generated source: " + TextFiles.reason(e)));
      return Optional.empty();
    }
  }

  /** The options that shape generated code; a change to any of them regenerates everything. */
  private String options() {
    // SIMD mode only when on, so that the stamps of default-mode sources stay as they were.
    return "package=" + packageName + ";math=" + mode.math() + (mode.simd() ? ";simd=true" : "");
  }

  /**
   * The package of {@code source}'s class: {@code packageName}, followed by the directories
   * between {@link #sourceRoot} and the model; empty, after a diagnostic, if a directory cannot
   * be a package segment ({@code class}, {@code 1x}, {@code a.b}).
   */
  private Optional<String> packageOf(Path source, List<Diagnostic> diagnostics) {
    if (sourceRoot.isEmpty()) {
      return Optional.of(packageName);
    }
    Path relative = sourceRoot.get().toAbsolutePath().normalize().relativize(source.toAbsolutePath().normalize()).getParent();
    if (relative == null) {
      return Optional.of(packageName);
    }
    List<String> segments = new ArrayList<>();
    for (Path directory : relative) {
      String segment = directory.toString();
      Optional<String> problem = JavaPackageName.segmentProblem(segment);
      if (problem.isPresent()) {
        diagnostics.add(
            Diagnostic.inFile(
                Severity.ERROR,
                DiagnosticCode.INVALID_PACKAGE_DIRECTORY,
                source.toString(),
                "the directory '" + relative + "' cannot be a sub-package of the generated class: " + problem.get()
                    + "; rename the directory"));
        return Optional.empty();
      }
      segments.add(segment);
    }
    String sub = String.join(".", segments);
    return Optional.of(packageName.isEmpty() ? sub : packageName + "." + sub);
  }
}
