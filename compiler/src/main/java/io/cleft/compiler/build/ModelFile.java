package io.cleft.compiler.build;

import io.cleft.compiler.Compilation;
import io.cleft.compiler.Pipeline;
import io.cleft.compiler.diagnostic.DiagnosticCollector;
import io.cleft.compiler.diagnostic.DiagnosticReporter;
import io.cleft.compiler.ir.IrProgram;
import io.cleft.compiler.source.SourceFile;
import java.util.Optional;

/** A model file read and compiled for a command that runs it (eval, run). */
public final class ModelFile {
  private ModelFile() {}

  /**
   * The lowered program of the model at {@code path}, or empty if it cannot be read or has
   * errors; what reading and compiling said is reported either way.
   */
  public static Optional<IrProgram> compile(String path, DiagnosticReporter reporter) {
    DiagnosticCollector diagnostics = new DiagnosticCollector();
    Optional<SourceFile> source = TextFiles.read(path, diagnostics);
    reporter.report(diagnostics.all());
    if (source.isEmpty()) {
      return Optional.empty();
    }
    Compilation compilation = Pipeline.compile(source.get());
    reporter.report(compilation.diagnostics());
    return compilation.hasErrors() ? Optional.empty() : compilation.program();
  }
}
