package io.cleft.compiler.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CsvNumbersTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0|0.0", "-0|-0.0", "+1.5|1.5", "' 2.5\t'|2.5", ".5|0.5", "5.|5.0", "1e3|1000.0", "1E+3|1000.0",
        "-2.5e-3|-0.0025", "Infinity|Infinity", "+Infinity|Infinity", "-Infinity|-Infinity", "NaN|NaN",
        "1e-400|0.0"
      })
  void readsDecimalsAndJavasNonFiniteSpellings(String text, String expected) {
    assertEquals(Double.parseDouble(expected), CsvNumbers.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1f", "1d", "1F", "0x1p3", "1.2.3", "1e", "e5", ".", "+", "--1", "inf", "nan", "1 2", "Infinityx"})
  void rejectsWhatADecimalWriterWouldNotWrite(String text) {
    NumberFormatException e = assertThrows(NumberFormatException.class, () -> CsvNumbers.parse(text));
    assertEquals("'" + text + "' is not a number", e.getMessage());
  }

  @Test
  void rejectsEmptyAndOverflowingFields() {
    assertEquals("empty field; expected a number", assertThrows(NumberFormatException.class, () -> CsvNumbers.parse("  ")).getMessage());
    assertEquals(
        "'1e999' is too large for a double",
        assertThrows(NumberFormatException.class, () -> CsvNumbers.parse("1e999")).getMessage());
  }

  @ParameterizedTest
  @CsvSource({"1e-12,1e-12", "2.5e-10,2.5e-10", "0.001,0.001", "1,1", "0,0", "1e10,1e10", "Infinity,Infinity"})
  void compactSpellsTolerancesAsPeopleWriteThem(double value, String expected) {
    assertEquals(expected, CsvNumbers.compact(value));
  }
}
