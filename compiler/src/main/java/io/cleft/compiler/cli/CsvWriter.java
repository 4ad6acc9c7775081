package io.cleft.compiler.cli;

import java.util.List;

/** Writes a numeric table as CSV with LF line ends; fields are quoted only when they must be. */
final class CsvWriter {
  private CsvWriter() {}

  static String write(List<String> header, List<double[]> rows) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < header.size(); i++) {
      out.append(i == 0 ? "" : ",").append(quote(header.get(i)));
    }
    out.append('\n');
    for (double[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        out.append(i == 0 ? "" : ",").append(CsvNumbers.format(row[i]));
      }
      out.append('\n');
    }
    return out.toString();
  }

  /** The field as RFC 4180 wants it; padding is quoted too, as the reader would drop it. */
  static String quote(String field) {
    boolean needsQuotes =
        field.isEmpty()
            || field.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')
            || Character.isWhitespace(field.charAt(0))
            || Character.isWhitespace(field.charAt(field.length() - 1));
    return needsQuotes ? '"' + field.replace("\"", "\"\"") + '"' : field;
  }
}
