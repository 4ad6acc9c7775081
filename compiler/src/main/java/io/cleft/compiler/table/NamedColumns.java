package io.cleft.compiler.table;

import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.diagnostic.DiagnosticCollector;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The header of a CSV file whose columns have fixed names, some required and some optional (an
 * event list, a voltage trace, a table of synapses): where each column is. Unknown, duplicate,
 * empty and missing names are reported together, with a spelling suggestion for the unknown.
 */
public final class NamedColumns {
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
    HeaderCheck header = HeaderCheck.of(table, known, what, diagnostics);
    Map<String, Integer> positions = header.positions();
    boolean ok = header.ok();
    for (String name : required) {
      if (!positions.containsKey(name)) {
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
