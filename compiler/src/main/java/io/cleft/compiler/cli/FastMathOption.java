package io.cleft.compiler.cli;

import io.cleft.compiler.optimize.MathMode;

/** The {@code --fast-math} option that {@code compile} and {@code eval} share. */
final class FastMathOption {
  static final String DESCRIPTION =
      "let the optimizer trade a few ulps for fewer divisions (reciprocals, gathered constants);"
          + " without it, generated code gives the interpreter's results to the bit";

  private FastMathOption() {}

  static MathMode mode(boolean fastMath) {
    return fastMath ? MathMode.FAST : MathMode.IEEE;
  }
}
