package io.cleft.compiler.table;

import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.diagnostic.DiagnosticCollector;
import io.cleft.compiler.diagnostic.Spelling;
import io.cleft.compiler.source.SourceSpan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The header of a CSV file whose columns have fixed names, some required and some optional (an
 * event list, a voltage trace, a table of synapses): where each column is. Unknown, duplicate,
 * empty and missing names are reported together, with a spelling suggestion for the unknown.
 */
public final class NamedColumns {
  /** How many unknown columns the diagnostic names before it only counts the rest. */
  private static final int UNKNOWN_LISTED = 5;

  private final Map<String, Integer> positions;

  private NamedColumns(Map<String, Integer> positions) {
    this.positions = Map.copyOf(positions);
  }

  /**
   * The columns of {@code table}'s header, or empty after reporting every problem with it.
   *
   * @param what the kind of file, for messages: "an event list"
   */
  public static Optional<NamedColumns> of(
      CsvTable table, List<String> required, List<String> optional, String what, DiagnosticCollector diagnostics) {
    Set<String> known = new LinkedHashSet<>(required);
    known.addAll(optional);
    Map<String, Integer> positions = new HashMap<>();
    Map<String, SourceSpan> seen = new HashMap<>();
    List<CsvField> unknown = new ArrayList<>();
    boolean ok = true;
    List<CsvField> header = table.headerFields();
    for (int i = 0; i < header.size(); i++) {
      CsvField field = header.get(i);
      String name = field.text();
      SourceSpan first = seen.putIfAbsent(name, field.span());
      if (name.isEmpty()) {
        ok = false;
        diagnostics.error(DiagnosticCode.MALFORMED_CSV, field.span(), "header field " + (i + 1) + " is empty");
      } else if (first != null) {
        ok = false;
        diagnostics.error(
            DiagnosticCode.DUPLICATE_COLUMN,
            field.span(),
            "duplicate column '" + name + "' (first at " + first.line() + ":" + first.column() + ")");
      } else if (!known.contains(name)) {
        ok = false;
        unknown.add(field);
      } else {
        positions.put(name, i);
      }
    }
    if (!unknown.isEmpty()) {
      // One message for all, as ColumnLayout gives: many wrong names are one mistake.
      List<String> listed = new ArrayList<>();
      for (CsvField field : unknown.subList(0, Math.min(UNKNOWN_LISTED, unknown.size()))) {
        listed.add("'" + field.text() + "'" + Spelling.suggestion(field.text(), known));
      }
      int more = unknown.size() - listed.size();
      diagnostics.error(
          DiagnosticCode.UNKNOWN_COLUMN,
          unknown.get(0).span(),
          (unknown.size() == 1 ? "unknown column " : "unknown columns ") + String.join(", ", listed)
              + (more == 0 ? "" : String.format(Locale.ROOT, " and %,d more", more)) + "; the columns of " + what
              + " are " + String.join(", ", known));
    }
    for (String name : required) {
      if (!positions.containsKey(name) && !seen.containsKey(name)) {
        ok = false;
        diagnostics.error(
            DiagnosticCode.UNKNOWN_COLUMN,
            table.header().span(),
            "missing column '" + name + "': " + what + " needs " + String.join(", ", required));
      }
    }
    return ok ? Optional.of(new NamedColumns(positions)) : Optional.empty();
  }

  /** Whether the header has the column. */
  public boolean has(String name) {
    return positions.containsKey(name);
  }

  /** The column's position in each row; the column must be there. */
  public int index(String name) {
    Integer position = positions.get(name);
    if (position == null) {
      throw new IllegalArgumentException("no column " + name);
    }
    return position;
  }
}
