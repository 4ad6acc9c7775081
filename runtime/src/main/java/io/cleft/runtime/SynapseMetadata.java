package io.cleft.runtime;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a compiled synapse model declares, in declaration order: the layout of the parameter
 * and state arrays of its fast path.
 */
public record SynapseMetadata(String name, String doc, List<Quantity> parameters, List<Quantity> states) {
  public SynapseMetadata {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(doc, "doc");
    parameters = List.copyOf(parameters);
    states = List.copyOf(states);
  }

  /** Position of a parameter in the parameter array, or -1. */
  public int parameterIndex(String name) {
    return indexOf(parameters, name);
  }

  /** Position of a state in the state array, or -1. */
  public int stateIndex(String name) {
    return indexOf(states, name);
  }

  public Optional<Quantity> parameter(String name) {
    int i = parameterIndex(name);
    return i < 0 ? Optional.empty() : Optional.of(parameters.get(i));
  }

  public Optional<Quantity> state(String name) {
    int i = stateIndex(name);
    return i < 0 ? Optional.empty() : Optional.of(states.get(i));
  }

  private static int indexOf(List<Quantity> quantities, String name) {
    for (int i = 0; i < quantities.size(); i++) {
      if (quantities.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
