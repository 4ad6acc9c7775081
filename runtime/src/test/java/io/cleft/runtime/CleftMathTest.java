package io.cleft.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CleftMathTest {
  @Test
  void safeExpClipsItsArgumentAtTwentyLikeJaxleysSaveExp() {
    assertEquals(Math.exp(20), CleftMath.safeExp(20));
    assertEquals(Math.exp(20), CleftMath.safeExp(21));
    assertEquals(Math.exp(20), CleftMath.safeExp(Double.POSITIVE_INFINITY));
    assertEquals(Math.exp(19.5), CleftMath.safeExp(19.5));
    assertEquals(0.0, CleftMath.safeExp(Double.NEGATIVE_INFINITY));
    assertTrue(Double.isNaN(CleftMath.safeExp(Double.NaN)));
  }

  @Test
  void minAndMaxPropagateNaNLikeNumpy() {
    assertTrue(Double.isNaN(CleftMath.min(Double.NaN, 1)));
    assertTrue(Double.isNaN(CleftMath.max(1, Double.NaN)));
    assertEquals(-0.0, CleftMath.min(0.0, -0.0));
  }

  @Test
  void sigmoidIsTheLogistic() {
    assertEquals(0.5, CleftMath.sigmoid(0));
    assertEquals(1.0 / (1.0 + Math.exp(-3)), CleftMath.sigmoid(3));
  }
}
