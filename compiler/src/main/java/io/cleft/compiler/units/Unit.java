package io.cleft.compiler.units;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A unit: a dimension and an exact decimal scale relative to the SI unit of that dimension
 * ({@code mV} is 0.001 V). Scales are exact so that conversion factors are exact and a value
 * is rounded to a double only once.
 */
public record Unit(BigDecimal scale, Dimension dimension) {
  public static final Unit ONE = new Unit(BigDecimal.ONE, Dimension.NONE);

  /**
   * Every computation in cleft happens in one coherent system of units, the one of NEURON's
   * point processes: ms, mV, nA and uS (and from them um, ug and attomol as base scales). These
   * are the SI scales of those base dimensions, in the order of {@link Dimension}'s components.
   */
  private static final BigDecimal[] CANONICAL_BASE_SCALES = {
    new BigDecimal("1e-6"), // length: um
    new BigDecimal("1e-9"), // mass: ug, which with um, ms and nA makes the volt come out as mV
    new BigDecimal("1e-3"), // time: ms
    new BigDecimal("1e-9"), // current: nA
    BigDecimal.ONE, // temperature: K
    new BigDecimal("1e-18"), // amount: amol, so that amol/um^3 is mM
  };

  public Unit times(Unit other) {
    return new Unit(scale.multiply(other.scale), dimension.times(other.dimension));
  }

  public Unit over(Unit other) {
    return new Unit(scale.divide(other.scale, MathContext.DECIMAL128), dimension.over(other.dimension));
  }

  public Unit power(int exponent) {
    return new Unit(scale.pow(exponent, MathContext.DECIMAL128), dimension.power(exponent));
  }

  public Unit withPrefix(BigDecimal prefix) {
    return new Unit(prefix.multiply(scale), dimension);
  }

  /**
   * The exact factor that turns a value in this unit into cleft's working unit of the same
   * dimension: 1 for mV, ms, nA and uS; 0.001 for 1/s (25 1/s is 0.025 1/ms).
   */
  public BigDecimal toCanonicalFactor() {
    return scale.divide(canonicalScale(dimension), MathContext.DECIMAL128).stripTrailingZeros();
  }

  static BigDecimal canonicalScale(Dimension dimension) {
    int[] exponents = {
      dimension.length(),
      dimension.mass(),
      dimension.time(),
      dimension.current(),
      dimension.temperature(),
      dimension.amount()
    };
    BigDecimal scale = BigDecimal.ONE;
    for (int i = 0; i < exponents.length; i++) {
      scale = scale.multiply(CANONICAL_BASE_SCALES[i].pow(exponents[i], MathContext.DECIMAL128));
    }
    return scale;
  }
}
