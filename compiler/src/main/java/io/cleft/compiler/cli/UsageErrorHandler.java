package io.cleft.compiler.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports a malformed command line: picocli's message, its did-you-mean for a misspelt option
 * or subcommand, and where to find help. Printing the whole usage here would bury the one line
 * that says what is wrong.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {
  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine command = ex.getCommandLine();
    PrintWriter err = command.getErr();
    List<String> unmatched = command.getUnmatchedArguments();
    if (ex instanceof MissingParameterException && !unmatched.isEmpty()) {
      // picocli checks for missing options before unknown ones, but `--inptu x.csv` is far
      // better explained by "unknown option '--inptu', did you mean --input" than by
      // "missing --input" alone: say both, the cause first.
      UnmatchedArgumentException unknown = new UnmatchedArgumentException(command, unmatched);
      err.println(unknown.getMessage());
      UnmatchedArgumentException.printSuggestions(unknown, err);
    }
    err.println(ex.getMessage());
    UnmatchedArgumentException.printSuggestions(ex, err);
    err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return ExitCodes.USAGE;
  }
}
