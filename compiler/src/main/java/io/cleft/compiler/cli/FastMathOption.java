package io.cleft.compiler.cli;

/** The {@code --fast-math} option that {@code compile}, {@code eval} and {@code run} share. */
final class FastMathOption {
  static final String DESCRIPTION =
      "let the optimizer trade a few ulps for fewer divisions (reciprocals, gathered constants);"
          + " without it, generated code gives the interpreter's results to the bit";

  private FastMathOption() {}
}
