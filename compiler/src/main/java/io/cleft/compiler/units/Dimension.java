package io.cleft.compiler.units;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A physical dimension as integer exponents of the SI base dimensions that synapse models use:
 * length, mass, time, electric current, temperature and amount of substance.
 */
public record Dimension(int length, int mass, int time, int current, int temperature, int amount) {
  public static final Dimension NONE = new Dimension(0, 0, 0, 0, 0, 0);
  public static final Dimension LENGTH = new Dimension(1, 0, 0, 0, 0, 0);
  public static final Dimension MASS = new Dimension(0, 1, 0, 0, 0, 0);
  public static final Dimension TIME = new Dimension(0, 0, 1, 0, 0, 0);
  public static final Dimension CURRENT = new Dimension(0, 0, 0, 1, 0, 0);
  public static final Dimension TEMPERATURE = new Dimension(0, 0, 0, 0, 1, 0);
  public static final Dimension AMOUNT = new Dimension(0, 0, 0, 0, 0, 1);
  public static final Dimension VOLTAGE = new Dimension(2, 1, -3, -1, 0, 0);
  public static final Dimension CONDUCTANCE = VOLTAGE.reciprocal().times(CURRENT);

  /** Dimensions with a name a modeller knows, and the unit cleft computes them in. */
  private static final Map<Dimension, String> NAMED =
      Map.ofEntries(
          Map.entry(NONE, "dimensionless"),
          Map.entry(TIME, "time (ms)"),
          Map.entry(TIME.reciprocal(), "rate (1/ms)"),
          Map.entry(VOLTAGE, "voltage (mV)"),
          Map.entry(VOLTAGE.reciprocal(), "1/mV"),
          Map.entry(VOLTAGE.over(TIME), "mV/ms"),
          Map.entry(CURRENT, "current (nA)"),
          Map.entry(CONDUCTANCE, "conductance (uS)"),
          Map.entry(CONDUCTANCE.over(TIME), "uS/ms"),
          Map.entry(CURRENT.times(TIME), "charge (pC)"),
          Map.entry(CURRENT.times(TIME).over(VOLTAGE), "capacitance (nF)"),
          Map.entry(LENGTH, "length (um)"),
          Map.entry(LENGTH.power(2), "area (um^2)"),
          Map.entry(AMOUNT.over(LENGTH.power(3)), "concentration (mM)"),
          Map.entry(TEMPERATURE, "temperature (K)"));

  /**
   * The working unit of this dimension as a modeller writes it, "mV" or "1/ms", if it has a
   * name a modeller knows and is not dimensionless.
   */
  public Optional<String> workingUnit() {
    String named = NAMED.get(this);
    if (named == null || isDimensionless()) {
      return Optional.empty();
    }
    int open = named.indexOf('(');
    return Optional.of(open >= 0 ? named.substring(open + 1, named.length() - 1) : named);
  }

  /** The product's dimension; exact, throwing {@link ArithmeticException} rather than wrapping. */
  public Dimension times(Dimension other) {
    return new Dimension(
        Math.addExact(length, other.length),
        Math.addExact(mass, other.mass),
        Math.addExact(time, other.time),
        Math.addExact(current, other.current),
        Math.addExact(temperature, other.temperature),
        Math.addExact(amount, other.amount));
  }

  public Dimension over(Dimension other) {
    return times(other.reciprocal());
  }

  public Dimension reciprocal() {
    return power(-1);
  }

  /** The power's dimension; exact, throwing {@link ArithmeticException} rather than wrapping. */
  public Dimension power(int exponent) {
    return new Dimension(
        Math.multiplyExact(length, exponent),
        Math.multiplyExact(mass, exponent),
        Math.multiplyExact(time, exponent),
        Math.multiplyExact(current, exponent),
        Math.multiplyExact(temperature, exponent),
        Math.multiplyExact(amount, exponent));
  }

  /** The largest magnitude among the exponents: 2 for um^2, 3 for mV (m^2*kg/(s^3*A)). */
  public long largestExponent() {
    long largest = 0;
    for (int e : new int[] {length, mass, time, current, temperature, amount}) {
      largest = Math.max(largest, Math.abs((long) e));
    }
    return largest;
  }

  /** Whether every exponent is even, so that the square root has a dimension. */
  public boolean hasSquareRoot() {
    return length % 2 == 0
        && mass % 2 == 0
        && time % 2 == 0
        && current % 2 == 0
        && temperature % 2 == 0
        && amount % 2 == 0;
  }

  public Dimension squareRoot() {
    return new Dimension(length / 2, mass / 2, time / 2, current / 2, temperature / 2, amount / 2);
  }

  public boolean isDimensionless() {
    return equals(NONE);
  }

  /** How messages name this dimension: "voltage (mV)", or a formula in SI base units. */
  public String describe() {
    String named = NAMED.get(this);
    if (named != null) {
      return named;
    }
    List<String> numerator = new ArrayList<>();
    List<String> denominator = new ArrayList<>();
    String[] symbols = {"m", "kg", "s", "A", "K", "mol"};
    int[] exponents = {length, mass, time, current, temperature, amount};
    for (int i = 0; i < symbols.length; i++) {
      int e = exponents[i];
      if (e > 0) {
        numerator.add(e == 1 ? symbols[i] : symbols[i] + "^" + e);
      } else if (e < 0) {
        denominator.add(e == -1 ? symbols[i] : symbols[i] + "^" + -e);
      }
    }
    String top = numerator.isEmpty() ? "1" : String.join("*", numerator);
    if (denominator.isEmpty()) {
      return top;
    }
    String bottom = String.join("*", denominator);
    return top + "/" + (denominator.size() > 1 ? "(" + bottom + ")" : bottom);
  }

  @Override
  public String toString() {
    return describe();
  }
}
