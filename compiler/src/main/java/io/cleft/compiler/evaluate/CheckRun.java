package io.cleft.compiler.evaluate;

import io.cleft.compiler.Compilation;
import io.cleft.compiler.Pipeline;
import io.cleft.compiler.build.TextFiles;
import io.cleft.compiler.diagnostic.DiagnosticCollector;
import io.cleft.compiler.diagnostic.DiagnosticReporter;
import io.cleft.compiler.source.SourceFile;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/** {@code cleft check}: compiles each model on its own and reports everything found. */
public final class CheckRun {
  private CheckRun() {}

  /** Checks each of {@code files}, reporting to {@code err}; true unless some file has an error. */
  public static boolean run(List<String> files, PrintWriter err) {
    DiagnosticReporter reporter = new DiagnosticReporter(err);
    for (String file : files) {
      // One collector per file: an unreadable or broken model must not stop the others.
      DiagnosticCollector diagnostics = new DiagnosticCollector();
      Optional<SourceFile> source = TextFiles.read(file, diagnostics);
      reporter.report(diagnostics.all());
      source.map(Pipeline::compile).map(Compilation::diagnostics).ifPresent(reporter::report);
    }
    String summary = reporter.summary(files.size());
    if (!summary.isEmpty()) {
      err.println(summary);
      err.flush();
    }
    return !reporter.hasErrors();
  }
}
