package io.cleft.compiler.table;

import java.util.List;

/** Writes a numeric table as CSV with LF line ends; fields are quoted only when they must be. */
public final class CsvWriter {
  private CsvWriter() {}

  /** The CSV text of {@code header} and {@code rows}, each number spelled to round-trip. */
  public static String write(List<String> header, List<double[]> rows) {
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

  /**
   * The CSV text of {@code header} and rows of fields that are already text (numbers spelt with
   * {@link CsvNumbers#format}, words such as an event's kind), each quoted where it must be.
   */
  public static String writeFields(List<String> header, List<List<String>> rows) {
    StringBuilder out = new StringBuilder();
    appendRecord(out, header);
    for (List<String> row : rows) {
      appendRecord(out, row);
    }
    return out.toString();
  }

  private static void appendRecord(StringBuilder out, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      out.append(i == 0 ? "" : ",").append(quote(fields.get(i)));
    }
    out.append('\n');
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
