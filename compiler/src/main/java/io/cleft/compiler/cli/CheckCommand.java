package io.cleft.compiler.cli;

import io.cleft.compiler.evaluate.CheckRun;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cleft check FILE...}: argument handling only; {@link CheckRun} does the work. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersionProvider.class,
    description = {
      "Compiles each model file and reports every error and warning.",
      "Exits with 1 if any file has an error."
    })
public final class CheckCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  // Strings, not Paths: diagnostics name each file exactly as the user typed it.
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "model files (.syn) to check")
  private List<String> files;

  @Override
  public Integer call() {
    files.forEach(file -> UsageChecks.requireNonEmpty(spec, file, "FILE"));
    return CheckRun.run(files, spec.commandLine().getErr()) ? ExitCodes.OK : ExitCodes.FAILURE;
  }
}
