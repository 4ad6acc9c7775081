package io.cleft.compiler.cli;

import io.cleft.compiler.LargeStack;
import io.cleft.compiler.evaluate.CheckRun;
import io.cleft.compiler.evaluate.EvalRun;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The {@code cleft} command line. It only dispatches: each subcommand gathers its arguments and
 * hands them to a plain class ({@link CheckRun}, {@link EvalRun}) that does the work.
 */
@Command(
    name = "cleft",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersionProvider.class,
    description = "Checks, compiles, evaluates and simulates synapse models.",
    subcommands = {CheckCommand.class, CompileCommand.class, EvalCommand.class, RunCommand.class, WatchCommand.class})
public final class CleftCommand {
  public static void main(String[] args) {
    System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /**
   * Runs cleft as if from a shell and returns its exit code ({@link ExitCodes}); never calls
   * {@code System.exit} and never throws, so tests and tools can call it in-process.
   */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    // The whole command, the interpreter and in-memory javac included, on cleft's large stack.
    return LargeStack.call(() -> executeHere(out, err, args));
  }

  private static int executeHere(PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = new CommandLine(new CleftCommand());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setParameterExceptionHandler(new UsageErrorHandler());
    InternalErrorHandler internalErrors = new InternalErrorHandler();
    commandLine.setExecutionExceptionHandler(internalErrors);
    int exitCode;
    try {
      exitCode = commandLine.execute(args);
    } catch (AssertionError | StackOverflowError e) {
      // picocli hands only Exceptions to the handler; an Error is as much a bug in cleft.
      exitCode = internalErrors.report(e, commandLine);
    }
    out.flush();
    err.flush();
    return exitCode;
  }
}
