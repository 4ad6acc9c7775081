package io.cleft.compiler.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleft.compiler.table.CsvNumbers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Compares a trace cleft wrote with a reference trace, column by column, field by field. */
final class TraceComparison {
  private TraceComparison() {}

  /** A file of the test resources, as a path that cleft run can be given. */
  static Path resource(String name) {
    try {
      return Path.of(TraceComparison.class.getResource("/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("no test resource " + name, e);
    }
  }

  static List<String[]> rows(String csv) {
    return csv.lines().map(line -> line.split(",", -1)).toList();
  }

  static String read(Path file) {
    try {
      return java.nio.file.Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The worst relative error |a - b| / max(|a|, |b|) over {@code numeric} columns of every row,
   * after asserting that both have the same rows, that every other named column is equal as
   * text, and that no error exceeds {@code tolerance} where |a - b| > {@code floor}.
   */
  static double worstRelativeError(
      String expected, String actual, List<String> numeric, List<String> exact, double tolerance, double floor) {
    List<String[]> want = rows(expected);
    List<String[]> got = rows(actual);
    assertEquals(want.size(), got.size(), "rows, header included");
    List<String> wantHeader = Arrays.asList(want.get(0));
    List<String> gotHeader = Arrays.asList(got.get(0));
    double worst = 0;
    for (int row = 1; row < want.size(); row++) {
      for (String column : exact) {
        assertEquals(
            want.get(row)[wantHeader.indexOf(column)], got.get(row)[gotHeader.indexOf(column)], column + " in row " + row);
      }
      for (String column : numeric) {
        assertTrue(gotHeader.contains(column), "cleft wrote no column " + column + ": " + gotHeader);
        double a = CsvNumbers.parse(want.get(row)[wantHeader.indexOf(column)]);
        double b = CsvNumbers.parse(got.get(row)[gotHeader.indexOf(column)]);
        double difference = Math.abs(a - b);
        if (difference <= floor) {
          continue;
        }
        double relative = difference / Math.max(Math.abs(a), Math.abs(b));
        assertTrue(
            relative <= tolerance,
            String.format(Locale.ROOT, "%s in row %d: expected %s, cleft %s, relative error %.3g", column, row, a, b, relative));
        worst = Math.max(worst, relative);
      }
    }
    return worst;
  }
}
