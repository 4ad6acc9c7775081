package io.cleft.compiler.cli;

import io.cleft.compiler.CodeMode;
import io.cleft.compiler.build.CompilerRun;
import io.cleft.compiler.build.JavaPackageName;
import io.cleft.compiler.diagnostic.DiagnosticReporter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cleft compile FILE... -d OUTDIR [--package P] [--fast-math]}: one Java source per model. */
@Command(
    name = "compile",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersionProvider.class,
    description = {
      "Compiles models to Java sources that need only the cleft runtime.",
      "Each model becomes one class named after its synapse, with a nested Population."
    })
public final class CompileCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "model files (.syn)")
  private List<Path> files;

  @Option(
      names = {"-d", "--output-directory"},
      required = true,
      paramLabel = "OUTDIR",
      description = "where to write the sources, in package directories")
  private Path outputDirectory;

  @Option(
      names = {"-p", "--package"},
      paramLabel = "P",
      defaultValue = "",
      description = "the package of the generated classes (default: the unnamed package)")
  private String packageName;

  @Option(names = "--fast-math", description = FastMathOption.DESCRIPTION)
  private boolean fastMath;

  @Option(names = "--simd", description = SimdOption.DESCRIPTION)
  private boolean simd;

  @Override
  public Integer call() {
    for (Path file : files) {
      UsageChecks.requireNonEmpty(spec, file.toString(), "FILE");
    }
    UsageChecks.requireNonEmpty(spec, outputDirectory.toString(), "option '--output-directory'");
    Optional<String> packageProblem = JavaPackageName.problem(packageName);
    if (packageProblem.isPresent()) {
      throw new ParameterException(spec.commandLine(), "Invalid value for option '--package': " + packageProblem.get());
    }
    CodeMode mode = CodeMode.of(fastMath, simd);
    CompilerRun.Result result = new CompilerRun(files, Optional.empty(), outputDirectory, packageName, mode, false).execute();
    DiagnosticReporter reporter = new DiagnosticReporter(spec.commandLine().getErr());
    reporter.report(result.diagnostics());
    return result.hasErrors() ? ExitCodes.FAILURE : ExitCodes.OK;
  }
}
