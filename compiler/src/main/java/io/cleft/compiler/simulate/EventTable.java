package io.cleft.compiler.simulate;

import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.diagnostic.DiagnosticCollector;
import io.cleft.compiler.diagnostic.Spelling;
import io.cleft.compiler.table.CsvField;
import io.cleft.compiler.table.CsvNumbers;
import io.cleft.compiler.table.CsvRecord;
import io.cleft.compiler.table.CsvTable;
import io.cleft.compiler.table.NamedColumns;
import io.cleft.runtime.EventKind;
import io.cleft.runtime.SynapseMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads {@code --events}: columns {@code t} (ms) and {@code synapse} (a row of the synapse
 * table), optional {@code weight} and {@code kind} ({@code pre}, the default, or {@code post}).
 * Rows may come in any order; the queue sorts them, ties in file order.
 */
final class EventTable {
  static final String TIME = "t";
  static final String SYNAPSE = "synapse";
  static final String WEIGHT = "weight";
  static final String KIND = "kind";

  private static final List<String> KINDS = List.of("pre", "post");

  private EventTable() {}

  /**
   * The events in {@code table}, in file order, or empty after reporting every problem: a
   * field that is not what its column holds, an event the model has no handler for, a PRE
   * event without a weight for a handler that takes one.
   */
  static Optional<List<SpikeEvent>> read(
      CsvTable table, SynapseMetadata metadata, SynapseTable synapses, DiagnosticCollector diagnostics) {
    Optional<NamedColumns> found =
        NamedColumns.of(table, List.of(TIME, SYNAPSE), List.of(WEIGHT, KIND), "an event list", diagnostics);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    NamedColumns columns = found.get();
    boolean ok = true;
    List<SpikeEvent> events = new ArrayList<>();
    for (CsvRecord row : table.rows()) {
      List<CsvField> fields = row.fields();
      ParsedNumber time = number(fields.get(columns.index(TIME)), diagnostics);
      ParsedNumber synapse = number(fields.get(columns.index(SYNAPSE)), diagnostics);
      EventKind kind = EventKind.PRE;
      CsvField kindField = null;
      if (columns.has(KIND)) {
        kindField = fields.get(columns.index(KIND));
        Optional<EventKind> parsed = kind(kindField, diagnostics);
        if (parsed.isEmpty()) {
          ok = false;
          continue; // what else is wrong with the row depends on its kind
        }
        kind = parsed.get();
      }
      double weight = Double.NaN;
      CsvField weightField = null;
      if (columns.has(WEIGHT)) {
        weightField = fields.get(columns.index(WEIGHT));
        if (!weightField.text().isEmpty()) {
          ParsedNumber parsed = number(weightField, diagnostics);
          ok &= parsed.ok();
          weight = parsed.value();
          if (parsed.ok() && !Double.isFinite(weight)) {
            ok = false;
            diagnostics.error(DiagnosticCode.BAD_EVENT_VALUE, weightField.span(), "a weight must be a finite number");
          }
        }
      }
      ok &= time.ok() && synapse.ok();
      if (!time.ok() || !synapse.ok()) {
        continue;
      }
      if (!(time.value() >= 0) || Double.isInfinite(time.value())) {
        ok = false;
        diagnostics.error(
            DiagnosticCode.BAD_EVENT_VALUE,
            fields.get(columns.index(TIME)).span(),
            "an event time must be a finite number of ms >= 0");
      }
      CsvField synapseField = fields.get(columns.index(SYNAPSE));
      if (synapse.value() != Math.rint(synapse.value()) || synapse.value() < 0 || synapse.value() >= synapses.count()) {
        ok = false;
        diagnostics.error(
            DiagnosticCode.BAD_SYNAPSE_INDEX,
            synapseField.span(),
            "synapse " + synapseField.text() + " is not one of the run's "
                + (synapses.count() == 1 ? "synapse, 0" : String.format(Locale.ROOT, "%,d synapses, 0 to %,d", synapses.count(), synapses.count() - 1)));
        continue;
      }
      int index = (int) synapse.value();
      boolean handled = kind == EventKind.PRE ? metadata.handlesPre() : metadata.handlesPost();
      if (!handled) {
        ok = false;
        diagnostics.error(
            DiagnosticCode.NO_EVENT_HANDLER,
            kindField == null ? row.span() : kindField.span(),
            "a " + kindName(kind) + " event, but " + metadata.name() + " has no 'on " + kindName(kind) + "' handler");
        continue;
      }
      if (kind == EventKind.POST) {
        if (!Double.isNaN(weight) && weightField != null) {
          ok = false;
          diagnostics.error(
              DiagnosticCode.BAD_EVENT_VALUE, weightField.span(), "a post event has no weight; leave the field empty");
        }
        weight = 0;
      } else if (Double.isNaN(weight)) {
        if (synapses.weights().isPresent()) {
          weight = synapses.weights().get()[index];
        } else if (metadata.preWeight().isPresent()) {
          ok = false;
          diagnostics.error(
              DiagnosticCode.MISSING_EVENT_WEIGHT,
              row.span(),
              "this pre event has no weight, and the 'on pre' handler of " + metadata.name() + " takes one ("
                  + metadata.preWeight().get().name() + "); give it a weight column here or in --synapses");
          continue;
        } else {
          weight = 0;
        }
      }
      events.add(new SpikeEvent(time.value(), index, kind, weight, row.span()));
    }
    return ok ? Optional.of(events) : Optional.empty();
  }

  static String kindName(EventKind kind) {
    return kind == EventKind.PRE ? "pre" : "post";
  }

  private static Optional<EventKind> kind(CsvField field, DiagnosticCollector diagnostics) {
    switch (field.text()) {
      case "":
      case "pre":
        return Optional.of(EventKind.PRE);
      case "post":
        return Optional.of(EventKind.POST);
      default:
        diagnostics.error(
            DiagnosticCode.UNKNOWN_EVENT_KIND,
            field.span(),
            "unknown event kind '" + field.text() + "'" + Spelling.suggestion(field.text(), KINDS)
                + "; an event is 'pre' (the default) or 'post'");
        return Optional.empty();
    }
  }

  /** A field read as a number, or not (after a diagnostic on it). */
  private record ParsedNumber(boolean ok, double value) {}

  private static ParsedNumber number(CsvField field, DiagnosticCollector diagnostics) {
    try {
      return new ParsedNumber(true, CsvNumbers.parse(field.text()));
    } catch (NumberFormatException e) {
      diagnostics.error(DiagnosticCode.MALFORMED_NUMBER, field.span(), e.getMessage());
      return new ParsedNumber(false, Double.NaN);
    }
  }
}
