package io.cleft.compiler.optimize;

/** How freely the optimizer may change floating-point results. */
public enum MathMode {
  /**
   * The default: every rewrite keeps every bit, so generated code and the reference interpreter
   * agree exactly.
   */
  IEEE,
  /**
   * Opt-in: the optimizer may also reassociate constants and divide by multiplying with a
   * reciprocal computed once, which changes results by a few ulps.
   */
  FAST
}
