package io.cleft.compiler.table;

import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.diagnostic.DiagnosticCollector;
import io.cleft.compiler.diagnostic.DiagnosticReporter;
import io.cleft.compiler.source.SourceFile;
import io.cleft.compiler.source.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads CSV as RFC 4180 has it: fields separated by commas, records by CRLF or LF; a field in
 * double quotes may hold commas, line breaks and doubled quotes. Beyond the RFC, spaces and
 * tabs around a field are padding, and blank lines at the end are ignored. A lone CR also ends
 * a line, so that line numbers agree with {@link SourceFile#line}, which diagnostics print.
 *
 * <p>Problems are reported with a span into the file; the reader goes on after each one it can
 * recover from, so that one run shows them all.
 */
public final class CsvReader {
  /**
   * The largest CSV file {@code cleft eval} reads, 64 MiB (docs/LANGUAGE.md, "Limits of files and
   * data"): about a million rows of a reference vector, and what a default JVM heap holds with
   * every field's position kept for diagnostics.
   */
  public static final int MAX_BYTES = 64 << 20;

  private final SourceFile source;
  private final String text;
  private final DiagnosticCollector diagnostics;
  private int position;
  private int line = 1;
  private int column = 1;

  private CsvReader(SourceFile source, DiagnosticCollector diagnostics) {
    this.source = source;
    this.text = source.text();
    this.diagnostics = diagnostics;
  }

  /**
   * The table in {@code source}, or empty if the file is empty or a quote is never closed (the
   * rest of the file would be one field, so nothing after it can be trusted).
   */
  public static Optional<CsvTable> read(SourceFile source, DiagnosticCollector diagnostics) {
    return new CsvReader(source, diagnostics).table();
  }

  private Optional<CsvTable> table() {
    List<CsvRecord> records = new ArrayList<>();
    while (position < text.length()) {
      Optional<CsvRecord> record = record();
      if (record.isEmpty()) {
        return Optional.empty();
      }
      records.add(record.get());
    }
    while (!records.isEmpty() && records.get(records.size() - 1).isBlank()) {
      records.remove(records.size() - 1);
    }
    if (records.isEmpty()) {
      error(new SourceSpan(source, 1, 1, 1, 1), "empty file; expected a header row");
      return Optional.empty();
    }
    CsvRecord header = records.get(0);
    if (header.isBlank()) {
      error(header.span(), "line 1 is blank; expected a header row");
      return Optional.empty();
    }
    int columns = header.fields().size();
    List<CsvRecord> rows = new ArrayList<>();
    for (CsvRecord row : records.subList(1, records.size())) {
      if (row.isBlank()) {
        error(row.span(), "line " + row.line() + " is blank; only the last lines of a file may be");
      } else if (row.fields().size() != columns) {
        error(
            fieldCountSpan(row, columns),
            "line " + row.line() + " has " + DiagnosticReporter.plural(row.fields().size(), "field")
                + " but the header has " + columns);
      } else {
        rows.add(row);
      }
    }
    return Optional.of(new CsvTable(source, header, rows));
  }

  // The caret goes on the first surplus field, or after the last field when some are missing.
  private SourceSpan fieldCountSpan(CsvRecord row, int columns) {
    SourceSpan record = row.span();
    if (row.fields().size() > columns) {
      SourceSpan first = row.fields().get(columns).span();
      return new SourceSpan(source, first.line(), first.column(), record.endLine(), record.endColumn());
    }
    return new SourceSpan(source, record.endLine(), record.endColumn(), record.endLine(), record.endColumn());
  }

  private Optional<CsvRecord> record() {
    int startLine = line;
    int startColumn = column;
    List<CsvField> fields = new ArrayList<>();
    while (true) {
      Optional<CsvField> field = field();
      if (field.isEmpty()) {
        return Optional.empty();
      }
      fields.add(field.get());
      if (peek() == ',') {
        advance();
        continue;
      }
      SourceSpan span = new SourceSpan(source, startLine, startColumn, line, column);
      skipLineTerminator();
      return Optional.of(new CsvRecord(fields, span));
    }
  }

  private Optional<CsvField> field() {
    skipPadding();
    if (peek() == '"') {
      return quotedField();
    }
    int startColumn = column;
    int endColumn = column;
    StringBuilder value = new StringBuilder();
    while (!atFieldEnd()) {
      char c = peek();
      if (c == '"') {
        error(here(), "unexpected '\"' in an unquoted field; quote the whole field and double the '\"'");
      }
      value.append(c);
      advance();
      if (!isPadding(c)) {
        endColumn = column;
      }
    }
    String trimmed = value.substring(0, endColumn - startColumn);
    return Optional.of(new CsvField(trimmed, false, new SourceSpan(source, line, startColumn, line, endColumn)));
  }

  private Optional<CsvField> quotedField() {
    int startLine = line;
    int startColumn = column;
    advance();
    StringBuilder value = new StringBuilder();
    while (true) {
      if (position >= text.length()) {
        error(
            new SourceSpan(source, startLine, startColumn, startLine, startColumn + 1),
            "quoted field is never closed");
        return Optional.empty();
      }
      char c = peek();
      advance();
      if (c == '"') {
        if (peek() != '"') {
          break;
        }
        advance();
      }
      value.append(c);
    }
    SourceSpan span = new SourceSpan(source, startLine, startColumn, line, column);
    skipPadding();
    if (!atFieldEnd()) {
      error(here(), "unexpected '" + peek() + "' after the closing quote of a field");
      while (!atFieldEnd()) {
        advance();
      }
    }
    return Optional.of(new CsvField(value.toString(), true, span));
  }

  private boolean atFieldEnd() {
    char c = peek();
    return position >= text.length() || c == ',' || c == '\n' || c == '\r';
  }

  private void skipPadding() {
    while (position < text.length() && isPadding(peek())) {
      advance();
    }
  }

  private void skipLineTerminator() {
    if (peek() == '\r') {
      advance();
    }
    if (peek() == '\n') {
      advance();
    }
  }

  private static boolean isPadding(char c) {
    return c == ' ' || c == '\t';
  }

  /** The next character, or NUL at the end of the text (which no check above looks for). */
  private char peek() {
    return position < text.length() ? text.charAt(position) : '\0';
  }

  // Keeps line and column in step with LineMap: CRLF, LF and a lone CR each end a line, and a
  // column counts code points (the high half of a surrogate pair does not move it).
  private void advance() {
    char c = text.charAt(position++);
    boolean crBeforeLf = c == '\r' && peek() == '\n';
    if (c == '\n' || (c == '\r' && !crBeforeLf)) {
      line++;
      column = 1;
    } else if (!(Character.isHighSurrogate(c) && Character.isLowSurrogate(peek()))) {
      column++;
    }
  }

  private SourceSpan here() {
    return new SourceSpan(source, line, column, line, column + 1);
  }

  private void error(SourceSpan span, String message) {
    diagnostics.error(DiagnosticCode.MALFORMED_CSV, span, message);
  }
}
