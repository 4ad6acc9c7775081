package io.cleft.runtime;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a compiled synapse model declares, in declaration order: the layout of the parameter
 * and state arrays of its fast path, the named values of its current block, and the events it
 * handles.
 *
 * @param currentValues the current block's named values other than the current itself, which a
 *     simulator may record ({@link SynapsePopulation#currentValues}); their {@code defaultValue}
 *     is NaN
 * @param preWeight the weight argument of the {@code on pre} handler, if it has one (its
 *     {@code defaultValue} is NaN)
 * @param handlesPre whether the model has an {@code on pre} handler
 * @param handlesPost whether the model has an {@code on post} handler
 * @param readsTime whether the update or the current reads {@code t}, so that the calls without
 *     a time cannot be used
 * @param sharedParameters the names of the parameters declared {@code shared}, in declaration
 *     order: each has one value for the whole population, not one per synapse
 */
public record SynapseMetadata(
    String name,
    String doc,
    List<Quantity> parameters,
    List<Quantity> states,
    List<Quantity> currentValues,
    Optional<Quantity> preWeight,
    boolean handlesPre,
    boolean handlesPost,
    boolean readsTime,
    List<String> sharedParameters) {
  public SynapseMetadata {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(doc, "doc");
    parameters = List.copyOf(parameters);
    states = List.copyOf(states);
    currentValues = List.copyOf(currentValues);
    Objects.requireNonNull(preWeight, "preWeight");
    sharedParameters = List.copyOf(sharedParameters);
    for (String shared : sharedParameters) {
      if (indexOf(parameters, shared) < 0) {
        throw new IllegalArgumentException("shared parameter " + shared + " is not a parameter of " + name);
      }
    }
  }

  /** A model whose parameters all have a value per synapse. */
  public SynapseMetadata(
      String name,
      String doc,
      List<Quantity> parameters,
      List<Quantity> states,
      List<Quantity> currentValues,
      Optional<Quantity> preWeight,
      boolean handlesPre,
      boolean handlesPost,
      boolean readsTime) {
    this(name, doc, parameters, states, currentValues, preWeight, handlesPre, handlesPost, readsTime, List.of());
  }

  /** A model with no events, no named current values and no use of {@code t}. */
  public SynapseMetadata(String name, String doc, List<Quantity> parameters, List<Quantity> states) {
    this(name, doc, parameters, states, List.of(), Optional.empty(), false, false, false);
  }

  /** Position of a named value of the current block, or -1. */
  public int currentValueIndex(String name) {
    return indexOf(currentValues, name);
  }

  /** Position of a parameter in the parameter array, or -1. */
  public int parameterIndex(String name) {
    return indexOf(parameters, name);
  }

  /** Position of a state in the state array, or -1. */
  public int stateIndex(String name) {
    return indexOf(states, name);
  }

  /** Whether parameter {@code name} is declared shared: one value for the whole population. */
  public boolean isShared(String name) {
    return sharedParameters.contains(name);
  }

  /** Whether the parameter at {@code index} in the parameter array is shared. */
  public boolean isShared(int index) {
    return sharedParameters.contains(parameters.get(index).name());
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
