package io.cleft.compiler.cli;

import io.cleft.compiler.diagnostic.DiagnosticCode;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The last line of defence: the commands turn every expected failure into a diagnostic, so an
 * exception reaching here is a bug in cleft. Users get one line to report instead of a stack
 * trace.
 */
final class InternalErrorHandler implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) {
    return report(ex, command);
  }

  int report(Throwable ex, CommandLine command) {
    PrintWriter err = command.getErr();
    err.println(
        "cleft: internal error (" + ex + "); please report it with the command line ["
            + DiagnosticCode.INTERNAL_ERROR.id() + "]");
    err.flush();
    return ExitCodes.FAILURE;
  }
}
