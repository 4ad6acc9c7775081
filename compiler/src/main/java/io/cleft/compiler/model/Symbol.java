package io.cleft.compiler.model;

import io.cleft.compiler.source.SourceSpan;
import io.cleft.compiler.units.Dimension;
import io.cleft.compiler.units.Unit;
import java.util.Optional;

/** Something a name in an expression can stand for. */
public sealed interface Symbol {
  String name();

  /** {@code visitor}'s method for this kind of symbol. */
  <R> R accept(Visitor<R> visitor);

  /** One method per kind of symbol, so that a new kind fails to compile until every pass handles it. */
  interface Visitor<R> {
    R visitParameter(Parameter parameter);

    R visitConstant(Constant constant);

    R visitState(State state);

    R visitLocal(Local local);

    R visitEventArgument(EventArgument argument);

    R visitInput(Input input);
  }

  /**
   * A per-synapse value set from outside, stored in its declared unit.
   *
   * @param shared declared {@code shared}: one value for the whole population, not one per synapse
   */
  record Parameter(
      String name,
      int index,
      Unit unit,
      String unitText,
      double defaultValue,
      Optional<ValueRange> range,
      Optional<String> doc,
      SourceSpan span,
      boolean shared)
      implements Symbol {
    /** A parameter with a value per synapse. */
    public Parameter(
        String name,
        int index,
        Unit unit,
        String unitText,
        double defaultValue,
        Optional<ValueRange> range,
        Optional<String> doc,
        SourceSpan span) {
      this(name, index, unit, unitText, defaultValue, range, doc, span, false);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitParameter(this);
    }

    /** The dimension of the symbol's value inside expressions. */
    public Dimension dimension() {
      return unit.dimension();
    }
  }

  /** A value fixed at compile time; uses are folded into literals. */
  record Constant(
      String name, Unit unit, String unitText, double value, double canonicalValue, Optional<String> doc, SourceSpan span)
      implements Symbol {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitConstant(this);
    }

    /** The dimension of the symbol's value inside expressions. */
    public Dimension dimension() {
      return unit.dimension();
    }
  }

  /** A per-synapse value that the update advances, stored in its declared unit. */
  record State(
      String name,
      int index,
      Unit unit,
      String unitText,
      double initialValue,
      Optional<ValueRange> range,
      Optional<String> doc,
      SourceSpan span)
      implements Symbol {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitState(this);
    }

    /** The dimension of the symbol's value inside expressions. */
    public Dimension dimension() {
      return unit.dimension();
    }
  }

  /**
   * A named intermediate of the update block, computed from the old states. Its type is its
   * definition's, as the unit checker finds it.
   *
   * <p>A local is the one declaration it stands for, so it is equal only to itself. Comparing or
   * hashing it by value would walk its definition, and through the locals that definition reads,
   * their definitions: exponential time for locals that each read the one before twice (and a
   * deep recursion for a long chain of them).
   */
  record Local(String name, int index, Expr definition, SourceSpan span) implements Symbol {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitLocal(this);
    }

    @Override
    public boolean equals(Object other) {
      return this == other;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }

    /** The name and index only: the definition can be arbitrarily large. */
    @Override
    public String toString() {
      return "Local[" + name + ", index=" + index + "]";
    }
  }

  /** The argument of an event handler, {@code weight} in {@code on pre(weight uS)}. */
  record EventArgument(String name, Unit unit, String unitText, SourceSpan span) implements Symbol {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitEventArgument(this);
    }

    /** The dimension of the symbol's value inside expressions. */
    public Dimension dimension() {
      return unit.dimension();
    }
  }

  /** The values the simulator passes in at every step. */
  enum Input implements Symbol {
    DT("dt", Dimension.TIME, "the time step (ms)"),
    T("t", Dimension.TIME, "the time (ms)"),
    V_PRE("v_pre", Dimension.VOLTAGE, "the presynaptic voltage (mV)"),
    V_POST("v_post", Dimension.VOLTAGE, "the postsynaptic voltage (mV)");

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitInput(this);
    }

    private final String name;
    private final Dimension dimension;
    private final String description;

    Input(String name, Dimension dimension, String description) {
      this.name = name;
      this.dimension = dimension;
      this.description = description;
    }

    public Dimension dimension() {
      return dimension;
    }

    public String description() {
      return description;
    }

    /** The name written in models (Java's {@code name()} is the enum constant's). */
    public String symbol() {
      return name;
    }

    public static Optional<Input> named(String name) {
      for (Input input : values()) {
        if (input.name.equals(name)) {
          return Optional.of(input);
        }
      }
      return Optional.empty();
    }
  }
}
