package io.cleft.compiler.cli;

import io.cleft.compiler.CodeMode;
import io.cleft.compiler.evaluate.EvalRun;
import io.cleft.compiler.load.InMemoryCompiler;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cleft eval FILE --input CSV}: argument handling only; {@link EvalRun} does the work. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersionProvider.class,
    description = {
      "Runs one update step and the current of a model on every row of a CSV file.",
      "",
      "Input columns: dt, v_pre, v_post (required), and any parameter or state by name;"
          + " a parameter or state without a column takes its declared value."
          + " Columns out_<state> and current hold expected values.",
      "Output: the input columns in input order, with out_<state> (each state after one step)"
          + " and current (from the input states) replaced by cleft's values;"
          + " those the input lacks are appended.",
      "A parameter or state outside its declared range is an error."
    })
public final class EvalCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "the model file (.syn)")
  private String model;

  @Option(
      names = {"-i", "--input"},
      required = true,
      paramLabel = "CSV",
      description = "input rows, a CSV file with a header row")
  private String input;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "CSV",
      description =
          "where to write the results (default: standard output, or nowhere with --check);"
              + " must not be the input or the model")
  private String output;

  @Option(
      names = "--check",
      paramLabel = "TOL",
      converter = ToleranceConverter.class,
      description =
          "compare the input's out_<state> and current columns with cleft's values and fail if a"
              + " relative error |a-b|/max(|a|,|b|) exceeds TOL; prints only the result")
  private Double tolerance;

  @Option(
      names = "--interpret",
      description =
          "run the model on the reference interpreter instead of the generated Java class"
              + " (which is compiled in memory)")
  private boolean interpret;

  @Option(names = "--fast-math", description = FastMathOption.DESCRIPTION)
  private boolean fastMath;

  @Option(names = "--simd", description = SimdOption.DESCRIPTION)
  private boolean simd;

  private void rejectWithInterpreter(boolean given, String option) {
    if (interpret && given) {
      throw new ParameterException(spec.commandLine(), option + " applies to generated code; the interpreter is always exact");
    }
  }

  @Override
  public Integer call() {
    UsageChecks.requireNonEmpty(spec, model, "FILE");
    UsageChecks.requireNonEmpty(spec, input, "option '--input'");
    if (output != null) {
      UsageChecks.requireNonEmpty(spec, output, "option '--output'");
      UsageChecks.requireDistinct(spec, output, input, "the input");
      UsageChecks.requireDistinct(spec, output, model, "the model");
    }
    rejectWithInterpreter(fastMath, "--fast-math");
    rejectWithInterpreter(simd, "--simd");
    if (!interpret) {
      InMemoryCompiler.warmUpInBackground(); // while this thread parses and checks the model
    }
    OptionalDouble check = tolerance == null ? OptionalDouble.empty() : OptionalDouble.of(tolerance);
    CodeMode mode = CodeMode.of(fastMath, simd);
    EvalRun run = new EvalRun(model, input, Optional.ofNullable(output), check, interpret, mode);
    SimdOption.warnIfScalar(mode.simd(), spec.commandLine().getErr());
    boolean ok = run.run(spec.commandLine().getOut(), spec.commandLine().getErr());
    return ok ? ExitCodes.OK : ExitCodes.FAILURE;
  }
}
