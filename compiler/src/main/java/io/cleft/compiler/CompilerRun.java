package io.cleft.compiler;

import com.palantir.javapoet.JavaFile;
import io.cleft.compiler.diagnostic.Diagnostic;
import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.diagnostic.DiagnosticCollector;
import io.cleft.compiler.diagnostic.Severity;
import io.cleft.compiler.emit.JavaEmitter;
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
 * @param incremental skip a model whose generated source is newer than it
 */
public record CompilerRun(
    List<Path> sources, Optional<Path> sourceRoot, Path outputDirectory, String packageName, boolean incremental) {
  public CompilerRun {
    sources = List.copyOf(sources);
    Objects.requireNonNull(sourceRoot, "sourceRoot");
    Objects.requireNonNull(outputDirectory, "outputDirectory");
    Objects.requireNonNull(packageName, "packageName");
  }

  /** What a run did: every diagnostic, and the Java files written or found up to date. */
  public record Result(List<Diagnostic> diagnostics, List<Path> written, List<Path> upToDate) {
    public boolean hasErrors() {
      return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
  }

  public Result execute() {
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<Path> written = new ArrayList<>();
    List<Path> upToDate = new ArrayList<>();
    if (Files.exists(outputDirectory) && !Files.isDirectory(outputDirectory)) {
      diagnostics.add(
          Diagnostic.inFile(
              Severity.ERROR,
              DiagnosticCode.CANNOT_WRITE,
              outputDirectory.toString(),
              "cannot write generated sources: it is a file, not a directory"));
      return new Result(diagnostics, written, upToDate);
    }
    for (Path source : sources) {
      String packageOfSource = packageOf(source);
      Optional<Path> previous = expectedOutput(source, packageOfSource);
      if (incremental && previous.isPresent() && isNewer(previous.get(), source)) {
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
      JavaFile file = JavaEmitter.emit(Optimizer.optimize(compilation.program().get()), packageOfSource);
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
    return new Result(diagnostics, written, upToDate);
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
