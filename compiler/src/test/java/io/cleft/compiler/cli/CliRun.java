package io.cleft.compiler.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the cleft command line, with everything it printed. */
record CliRun(int exitCode, String out, String err) {
  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = CleftCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new CliRun(exitCode, out.toString(), err.toString());
  }
}
