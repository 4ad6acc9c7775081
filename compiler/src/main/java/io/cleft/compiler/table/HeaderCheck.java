package io.cleft.compiler.table;

import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.diagnostic.DiagnosticCollector;
import io.cleft.compiler.diagnostic.Spelling;
import io.cleft.compiler.source.SourceSpan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A CSV header checked field by field, the same way for every table cleft reads: an empty or a
 * repeated name is reported where it is; the known names are kept with their positions; all
 * unknown names together are one diagnostic (a header of 10,000 wrong names is one mistake, the
 * wrong file say, not 10,000 messages that each repeat the header line).
 *
 * @param positions each known name's position, in header order
 * @param ok whether no field was reported
 */
record HeaderCheck(Map<String, Integer> positions, boolean ok) {
  /** How many unknown columns the diagnostic names before it only counts the rest. */
  private static final int UNKNOWN_LISTED = 5;

  /**
   * @param knownNames the names the table may have, in the order the message lists them
   * @param owner what the columns belong to, for the message: "Decay", "an event list"
   */
  static HeaderCheck of(
      CsvTable table, Set<String> knownNames, String owner, DiagnosticCollector diagnostics) {
    Map<String, Integer> positions = new LinkedHashMap<>();
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
      } else if (!knownNames.contains(name)) {
        ok = false;
        unknown.add(field);
      } else {
        positions.put(name, i);
      }
    }
    if (!unknown.isEmpty()) {
      List<String> listed = new ArrayList<>();
      for (CsvField field : unknown.subList(0, Math.min(UNKNOWN_LISTED, unknown.size()))) {
        listed.add("'" + field.text() + "'" + Spelling.suggestion(field.text(), knownNames));
      }
      int more = unknown.size() - listed.size();
      String names = String.join(", ", listed) + (more == 0 ? "" : String.format(Locale.ROOT, " and %,d more", more));
      diagnostics.error(
          DiagnosticCode.UNKNOWN_COLUMN,
          unknown.get(0).span(),
          (unknown.size() == 1 ? "unknown column " : "unknown columns ") + names + "; the columns of " + owner + " are "
              + String.join(", ", knownNames));
    }
    return new HeaderCheck(positions, ok);
  }
}
