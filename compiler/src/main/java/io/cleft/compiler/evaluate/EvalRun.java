package io.cleft.compiler.evaluate;

import io.cleft.compiler.CodeMode;
import io.cleft.compiler.build.ModelFile;
import io.cleft.compiler.build.TextFiles;
import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.diagnostic.DiagnosticCollector;
import io.cleft.compiler.diagnostic.DiagnosticReporter;
import io.cleft.compiler.ir.IrProgram;
import io.cleft.compiler.table.ColumnLayout;
import io.cleft.compiler.table.CsvNumbers;
import io.cleft.compiler.table.CsvReader;
import io.cleft.compiler.table.CsvTable;
import io.cleft.compiler.table.CsvWriter;
import io.cleft.compiler.table.NumericTable;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * {@code cleft eval}: runs one update step and the current of a model on every row of a CSV
 * file, writes the results, and optionally compares them with the expected values in the input.
 * The output file is written even when the check fails, as it is what one needs to see why.
 * With a check and no output file, only the check's result is printed: the table would bury it.
 *
 * <p>By default the model runs as generated Java, compiled in memory: what {@code cleft compile}
 * and the Maven plugin produce. With {@code interpret} it runs on the reference interpreter.
 *
 * @param output the output file; when empty, stdout without a check and nowhere with one
 * @param tolerance the largest relative error --check accepts; no check when empty
 * @param mode how the generated class computes; in SIMD mode each row runs through the
 *     generated population's strip loops ({@link PopulationRunner}), whose kernels run in
 *     vector lanes
 */
public record EvalRun(
    String model,
    String input,
    Optional<String> output,
    OptionalDouble tolerance,
    boolean interpret,
    CodeMode mode) {
  /** Runs the evaluation, writing the table to {@code out} or the output file; true on success. */
  public boolean run(PrintWriter out, PrintWriter err) {
    DiagnosticReporter reporter = new DiagnosticReporter(err);
    Optional<IrProgram> program = ModelFile.compile(model, reporter);
    if (program.isEmpty()) {
      return false;
    }
    DiagnosticCollector diagnostics = new DiagnosticCollector();
    Optional<ColumnLayout> layout = Optional.empty();
    Optional<NumericTable> table = Optional.empty();
    Optional<CsvTable> csv = TextFiles.read(input, CsvReader.MAX_BYTES, diagnostics).flatMap(s -> CsvReader.read(s, diagnostics));
    if (csv.isPresent()) {
      layout = ColumnLayout.of(csv.get(), program.get().model(), diagnostics);
      // Numbers are checked even when the header is wrong, so one run reports both.
      table = Optional.of(NumericTable.of(csv.get(), diagnostics));
    }
    if (!diagnostics.hasErrors() && layout.isPresent() && table.isPresent()) {
      // Only once every field is a number: a malformed field would read as 0 here.
      DeclaredRanges.check(layout.get(), table.get(), program.get().model(), diagnostics);
      SharedColumns.check(layout.get(), table.get(), program.get().model(), diagnostics);
    }
    if (diagnostics.hasErrors() || layout.isEmpty() || table.isEmpty()) {
      reporter.report(diagnostics.all());
      return false;
    }

    ModelRunner runner = interpret ? ModelRunner.interpreted(program.get()) : ModelRunner.generated(program.get(), mode);
    RowEvaluator evaluator = new RowEvaluator(program.get(), runner, layout.get());
    List<double[]> results = new ArrayList<>();
    for (double[] row : table.get().rows()) {
      results.add(evaluator.evaluate(row));
    }
    // The table is formatted only where it goes somewhere: --check alone prints its result only.
    if (output.isPresent()) {
      if (!TextFiles.write(output.get(), CsvWriter.write(layout.get().outputNames(), results), diagnostics)) {
        reporter.report(diagnostics.all());
        return false;
      }
    } else if (tolerance.isEmpty()) {
      out.print(CsvWriter.write(layout.get().outputNames(), results));
      out.flush();
    }
    if (tolerance.isEmpty()) {
      return true;
    }
    return check(layout.get(), table.get(), results, tolerance.getAsDouble(), reporter, err);
  }

  private static boolean check(
      ColumnLayout layout,
      NumericTable table,
      List<double[]> results,
      double tolerance,
      DiagnosticReporter reporter,
      PrintWriter err) {
    DiagnosticCollector diagnostics = new DiagnosticCollector();
    boolean hasExpected = layout.inputs().stream().anyMatch(c -> c.role().isExpected());
    if (!hasExpected) {
      // Passing would tell a script its vectors agree when nothing was compared at all.
      diagnostics.error(
          DiagnosticCode.CHECK_FAILED,
          table.table().header().span(),
          "nothing to check: the input has none of the columns " + String.join(", ", layout.expectedNames()));
      reporter.report(diagnostics.all());
      return false;
    }
    Optional<Mismatch> worst = ToleranceCheck.worst(layout, table, results);
    if (worst.isEmpty()) {
      err.println("checked 0 rows, tolerance " + CsvNumbers.compact(tolerance));
      err.flush();
      return true;
    }
    if (worst.get().exceeds(tolerance)) {
      worst.get().report(tolerance, diagnostics);
      reporter.report(diagnostics.all());
      return false;
    }
    err.println(worst.get().passed(tolerance));
    err.flush();
    return true;
  }
}
