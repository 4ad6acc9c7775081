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

  /** {@code cleft eval MODEL --input INPUT OPTIONS...}. */
  static CliRun eval(String model, String input, String... options) {
    String[] args = new String[options.length + 4];
    args[0] = "eval";
    args[1] = model;
    args[2] = "--input";
    args[3] = input;
    System.arraycopy(options, 0, args, 4, options.length);
    return of(args);
  }
}
