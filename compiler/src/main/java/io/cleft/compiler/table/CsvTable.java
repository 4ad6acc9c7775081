package io.cleft.compiler.table;

import io.cleft.compiler.source.SourceFile;
import java.util.List;

/**
 * A CSV file as read: the header and the data rows. Every row has as many fields as the header
 * ({@link CsvReader} reports and drops those that do not), so callers can index fields by
 * column.
 */
public record CsvTable(SourceFile source, CsvRecord header, List<CsvRecord> rows) {
  public CsvTable {
    rows = List.copyOf(rows);
  }

  List<CsvField> headerFields() {
    return header.fields();
  }
}
