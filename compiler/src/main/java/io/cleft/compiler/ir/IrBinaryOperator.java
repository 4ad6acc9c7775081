package io.cleft.compiler.ir;

public enum IrBinaryOperator {
  ADD("+"),
  SUBTRACT("-"),
  MULTIPLY("*"),
  DIVIDE("/"),
  /** {@code Math.pow}; there is no Java operator for it. */
  POWER("^");

  public final String symbol;

  IrBinaryOperator(String symbol) {
    this.symbol = symbol;
  }
}
