package io.cleft.compiler.cli;

/** The exit codes of every cleft command; scripts and CI depend on them, so they never change. */
public final class ExitCodes {
  /** Everything worked (warnings allowed). */
  public static final int OK = 0;

  /** A model or data file has errors, a file could not be read or written, or --check failed. */
  public static final int FAILURE = 1;

  /** The command line itself was wrong: unknown option, missing or malformed argument. */
  public static final int USAGE = 2;

  private ExitCodes() {}
}
