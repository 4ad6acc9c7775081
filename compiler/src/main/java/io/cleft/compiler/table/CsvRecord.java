package io.cleft.compiler.table;

import io.cleft.compiler.source.SourceSpan;
import java.util.List;

/**
 * One CSV record: a line, or several when a quoted field holds a line break.
 *
 * @param span from the record's first character to its end, line terminator excluded
 */
public record CsvRecord(List<CsvField> fields, SourceSpan span) {
  public CsvRecord {
    fields = List.copyOf(fields);
  }

  /** The line the record starts on, which is how users find it in an editor. */
  int line() {
    return span.line();
  }

  /** A line with nothing (or only spaces) on it, which reads as one empty unquoted field. */
  boolean isBlank() {
    return fields.size() == 1 && !fields.get(0).quoted() && fields.get(0).text().isEmpty();
  }
}
