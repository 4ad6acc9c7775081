package io.cleft.compiler.cli;

import io.cleft.compiler.LargeStack;
import io.cleft.compiler.evaluate.CheckRun;
import io.cleft.compiler.evaluate.EvalRun;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
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
    description = "Checks, compiles, evaluates and simulates synapse models.")
public final class CleftCommand {
  /**
   * The subcommands, by name, in the order help lists them. They are added to the command line
   * in {@link #commandLine}, not listed in {@code @Command}: picocli reflects over every
   * subcommand it is given, a good part of a short command's start-up, and a command line that
   * names its subcommand needs no other.
   */
  private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

  private static Map<String, Supplier<Object>> subcommands() {
    Map<String, Supplier<Object>> subcommands = new LinkedHashMap<>();
    subcommands.put("check", CheckCommand::new);
    subcommands.put("compile", CompileCommand::new);
    subcommands.put("eval", EvalCommand::new);
    subcommands.put("run", RunCommand::new);
    subcommands.put("watch", WatchCommand::new);
    return Collections.unmodifiableMap(subcommands);
  }

  /** The subcommands' names, in the order help lists them. */
  static Set<String> subcommandNames() {
    return SUBCOMMANDS.keySet();
  }

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
    CommandLine commandLine = commandLine(args);
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

  /**
   * The command line for {@code args}: with only the subcommand {@code args} begin with, or with
   * all of them when they begin with none (for help, and suggestions for a misspelt one).
   */
  private static CommandLine commandLine(String... args) {
    CommandLine commandLine = new CommandLine(new CleftCommand());
    Supplier<Object> named = args.length == 0 ? null : SUBCOMMANDS.get(args[0]);
    if (named != null) {
      commandLine.addSubcommand(args[0], named.get());
    } else {
      SUBCOMMANDS.forEach((name, subcommand) -> commandLine.addSubcommand(name, subcommand.get()));
    }
    return commandLine;
  }
}
