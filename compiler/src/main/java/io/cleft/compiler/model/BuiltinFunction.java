package io.cleft.compiler.model;

import java.util.Arrays;
import java.util.Optional;

/** The functions the language provides; each is implemented once, in the runtime's CleftMath. */
public enum BuiltinFunction {
  EXP("exp", 1, "exp"),
  SAFE_EXP("safe_exp", 1, "safeExp"),
  LOG("log", 1, "log"),
  SQRT("sqrt", 1, "sqrt"),
  POW("pow", 2, "pow"),
  TANH("tanh", 1, "tanh"),
  SIGMOID("sigmoid", 1, "sigmoid"),
  MIN("min", 2, "min"),
  MAX("max", 2, "max"),
  ABS("abs", 1, "abs");

  private final String symbol;
  private final int arity;
  private final String runtimeMethod;

  BuiltinFunction(String symbol, int arity, String runtimeMethod) {
    this.symbol = symbol;
    this.arity = arity;
    this.runtimeMethod = runtimeMethod;
  }

  /** The name written in models. */
  public String symbol() {
    return symbol;
  }

  public int arity() {
    return arity;
  }

  /**
   * Whether a call costs tens of cycles and the JIT does not vectorise it, so that generated
   * populations give its calls loops of their own; {@code sqrt}, {@code min}, {@code max} and
   * {@code abs} are single instructions and stay with the arithmetic.
   */
  public boolean isExpensive() {
    return switch (this) {
      case EXP, SAFE_EXP, LOG, POW, TANH, SIGMOID -> true;
      case SQRT, MIN, MAX, ABS -> false;
    };
  }

  /** The static method of {@code io.cleft.runtime.CleftMath} that implements it. */
  public String runtimeMethod() {
    return runtimeMethod;
  }

  public static Optional<BuiltinFunction> named(String symbol) {
    return Arrays.stream(values()).filter(f -> f.symbol.equals(symbol)).findFirst();
  }
}
