package io.cleft.compiler.model;

import java.util.Arrays;
import java.util.Optional;

/** The events a synapse can handle: {@code on pre} and {@code on post}. */
public enum EventKind {
  /** A presynaptic spike arriving after its delay, with a weight: NMODL's NET_RECEIVE, Brian2's on_pre. */
  PRE("pre", 1),
  /** A spike of the postsynaptic compartment: Brian2's on_post; it brings no argument. */
  POST("post", 0);

  private final String symbol;
  private final int maxArguments;

  EventKind(String symbol, int maxArguments) {
    this.symbol = symbol;
    this.maxArguments = maxArguments;
  }

  /** The name written after {@code on}. */
  public String symbol() {
    return symbol;
  }

  /** How many arguments the handler may take: the weight for {@code pre}, none for {@code post}. */
  public int maxArguments() {
    return maxArguments;
  }

  public static Optional<EventKind> named(String symbol) {
    return Arrays.stream(values()).filter(k -> k.symbol.equals(symbol)).findFirst();
  }
}
