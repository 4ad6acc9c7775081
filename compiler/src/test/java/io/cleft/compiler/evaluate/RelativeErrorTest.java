package io.cleft.compiler.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RelativeErrorTest {
  private static final double INF = Double.POSITIVE_INFINITY;
  private static final double NAN = Double.NaN;

  @Test
  void equalValuesDifferByNothing() {
    assertEquals(0.0, RelativeError.of(0.53, 0.53));
    assertEquals(0.0, RelativeError.of(0.0, -0.0));
    assertEquals(0.0, RelativeError.of(NAN, NAN));
    assertEquals(0.0, RelativeError.of(INF, INF));
    assertEquals(0.0, RelativeError.of(-INF, -INF));
  }

  @Test
  void differencesAreRelativeToTheLargerMagnitude() {
    assertEquals(0.5, RelativeError.of(1.0, 2.0));
    assertEquals(0.5, RelativeError.of(2.0, 1.0));
    assertEquals(1.0, RelativeError.of(0.0, 1e-300));
    assertEquals(2.0, RelativeError.of(-3.0, 3.0));
    assertEquals(2.0, RelativeError.of(-Double.MAX_VALUE, Double.MAX_VALUE));
  }

  @Test
  void aNaNOrInfinityAgainstAnythingElseIsInfinitelyWrong() {
    assertEquals(INF, RelativeError.of(NAN, 1.0));
    assertEquals(INF, RelativeError.of(1.0, NAN));
    assertEquals(INF, RelativeError.of(INF, -INF));
    assertEquals(INF, RelativeError.of(INF, Double.MAX_VALUE));
    assertEquals(INF, RelativeError.of(NAN, INF));
  }
}
