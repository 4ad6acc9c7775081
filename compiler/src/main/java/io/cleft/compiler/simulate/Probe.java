package io.cleft.compiler.simulate;

import io.cleft.compiler.diagnostic.Spelling;
import io.cleft.runtime.Quantity;
import io.cleft.runtime.SynapseMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One recorded quantity: a state, a named value of the current block, the current {@code i},
 * or the compartment's voltage {@code v}.
 *
 * @param unit the unit the model declares (nA for {@code i}, mV for {@code v}), for the plot
 */
record Probe(String name, Kind kind, String unit) {
  static final String CURRENT = "i";
  static final String VOLTAGE = "v";

  enum Kind {
    STATE,
    CURRENT_VALUE,
    VOLTAGE
  }

  /**
   * The probes of {@code --record}: the names given, in their order, or by default every state,
   * every named value of the current, {@code i}, and {@code v} when there is a compartment.
   *
   * @throws SimulationUsageException for a name the model does not have, or {@code v} without
   *     a compartment
   */
  static List<Probe> resolve(SynapseMetadata metadata, Optional<List<String>> names, boolean hasCompartment) {
    Map<String, Probe> known = new LinkedHashMap<>();
    for (Quantity state : metadata.states()) {
      known.putIfAbsent(state.name(), new Probe(state.name(), Kind.STATE, state.unit()));
    }
    for (Quantity value : metadata.currentValues()) {
      known.putIfAbsent(value.name(), new Probe(value.name(), Kind.CURRENT_VALUE, value.unit()));
    }
    known.putIfAbsent(CURRENT, new Probe(CURRENT, Kind.CURRENT_VALUE, "nA"));
    if (hasCompartment) {
      known.putIfAbsent(VOLTAGE, new Probe(VOLTAGE, Kind.VOLTAGE, "mV"));
    }
    if (names.isEmpty()) {
      return List.copyOf(known.values());
    }
    List<Probe> probes = new ArrayList<>();
    for (String name : names.get()) {
      Probe probe = known.get(name);
      if (probe == null) {
        String why =
            name.equals(VOLTAGE)
                ? "'v' is the compartment's voltage, which only --compartment passive computes"
                : "unknown name '" + name + "'" + Spelling.suggestion(name, known.keySet()) + "; " + metadata.name()
                    + " records " + String.join(", ", known.keySet());
        throw new SimulationUsageException("Invalid value for option '--record': " + why);
      }
      if (probes.contains(probe)) {
        throw new SimulationUsageException("Invalid value for option '--record': '" + name + "' is named twice");
      }
      probes.add(probe);
    }
    return List.copyOf(probes);
  }
}
