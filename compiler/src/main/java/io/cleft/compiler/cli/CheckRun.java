package io.cleft.compiler.cli;

import io.cleft.compiler.TextFiles;

import io.cleft.compiler.Compilation;
import io.cleft.compiler.Pipeline;
import io.cleft.compiler.diagnostic.DiagnosticCollector;
import io.cleft.compiler.source.SourceFile;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/** {@code cleft check}: compiles each model on its own and reports everything found. */
final class CheckRun {
  private CheckRun() {}

  static int run(List<String> files, PrintWriter err) {
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
    return reporter.hasErrors() ? ExitCodes.FAILURE : ExitCodes.OK;
  }
}
