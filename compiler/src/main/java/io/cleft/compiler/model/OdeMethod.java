package io.cleft.compiler.model;

import java.util.Arrays;
import java.util.Optional;

/** The integration methods an ODE can name after {@code using}. */
public enum OdeMethod {
  /**
   * Exact for {@code x' = a + b*x} with {@code a}, {@code b} constant over the step, as NMODL's
   * {@code cnexp} and Brian2's {@code exponential_euler}; the right-hand side must be linear in
   * {@code x}.
   */
  EXPONENTIAL_EULER("exponential_euler"),
  /** {@code x + dt * f(x)}: any right-hand side, first order. */
  EULER("euler");

  private final String symbol;

  OdeMethod(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }

  public static Optional<OdeMethod> named(String symbol) {
    return Arrays.stream(values()).filter(m -> m.symbol.equals(symbol)).findFirst();
  }
}
