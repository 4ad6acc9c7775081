package io.cleft.compiler.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * eval's output must read back as exactly the doubles cleft computed, or --check on its own
 * output and downstream comparisons would see differences that are not there.
 */
class CsvNumbersRoundTripTest {
  @Property(tries = 10_000)
  void everyDoubleIsWrittenSoThatItReadsBackBitForBit(@ForAll double value) {
    assertRoundTrip(value);
  }

  // Arbitrary bit patterns reach subnormals, NaN payloads and the extremes that @ForAll double
  // may rarely pick.
  @Property(tries = 10_000)
  void everyBitPatternIsWrittenSoThatItReadsBackBitForBit(@ForAll long bits) {
    assertRoundTrip(Double.longBitsToDouble(bits));
  }

  // jqwik's @Example rather than JUnit's @Test: one engine per class keeps surefire's report whole.
  @Example
  void theEdgesOfTheRangeRoundTrip() {
    for (double value :
        new double[] {
          0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE,
          Math.nextDown(Double.MIN_NORMAL), 2e23, 1e23, 8.41e21, 5e-324,
          Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN
        }) {
      assertRoundTrip(value);
    }
  }

  private static void assertRoundTrip(double value) {
    String text = CsvNumbers.format(value);
    double back = CsvNumbers.parse(text);
    if (Double.isNaN(value)) {
      assertEquals("NaN", text);
    } else {
      assertEquals(Double.doubleToRawLongBits(value), Double.doubleToRawLongBits(back), text);
    }
  }
}
