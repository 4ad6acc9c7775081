package io.cleft.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The map-based {@link Synapse} interface on top of two array methods that generated classes
 * implement. Maps are translated to arrays in declaration order here, once, for every model.
 */
public abstract class ArraySynapse implements Synapse {
  private final String name;

  protected ArraySynapse(String name) {
    this.name = Objects.requireNonNull(name, "name");
  }

  /**
   * One update step on arrays, for the step that starts at time {@code t} (ms): writes the states
   * after the step into {@code next}. The single-synapse fast path.
   *
   * @param parameters in declaration order and declared units
   * @param states in declaration order and declared units; not modified
   */
  public abstract void update(
      double[] parameters, double[] states, double t, double dt, double vPre, double vPost, double[] next);

  /** The current (nA) at time {@code t} for the given parameters and states. */
  public abstract double current(double[] parameters, double[] states, double t, double vPre, double vPost);

  /**
   * {@link #update(double[], double[], double, double, double, double, double[])} for a model
   * that does not read {@code t} (IllegalStateException for one that does); what the map
   * interface calls.
   */
  public void update(double[] parameters, double[] states, double dt, double vPre, double vPost, double[] next) {
    PopulationSupport.requireTimeless(metadata(), "update(parameters, states, t, dt, vPre, vPost, next)");
    update(parameters, states, 0, dt, vPre, vPost, next);
  }

  /** {@link #current(double[], double[], double, double, double)} for a model that does not read {@code t}. */
  public double current(double[] parameters, double[] states, double vPre, double vPost) {
    PopulationSupport.requireTimeless(metadata(), "current(parameters, states, t, vPre, vPost)");
    return current(parameters, states, 0, vPre, vPost);
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Map<String, Double> defaultParameters() {
    return prefixed(metadata().parameters());
  }

  @Override
  public final Map<String, Double> defaultStates() {
    return prefixed(metadata().states());
  }

  @Override
  public final Map<String, Double> updateStates(
      Map<String, Double> states, double dt, double vPre, double vPost, Map<String, Double> params) {
    List<Quantity> declared = metadata().states();
    double[] next = new double[declared.size()];
    update(values(params, metadata().parameters()), values(states, declared), dt, vPre, vPost, next);
    Map<String, Double> result = new LinkedHashMap<>();
    for (int i = 0; i < next.length; i++) {
      result.put(prefixedName(declared.get(i)), next[i]);
    }
    return Collections.unmodifiableMap(result);
  }

  @Override
  public final double computeCurrent(
      Map<String, Double> states, double vPre, double vPost, Map<String, Double> params) {
    return current(values(params, metadata().parameters()), values(states, metadata().states()), vPre, vPost);
  }

  private Map<String, Double> prefixed(List<Quantity> quantities) {
    Map<String, Double> values = new LinkedHashMap<>();
    for (Quantity quantity : quantities) {
      values.put(prefixedName(quantity), quantity.defaultValue());
    }
    return Collections.unmodifiableMap(values);
  }

  private double[] values(Map<String, Double> map, List<Quantity> quantities) {
    double[] values = new double[quantities.size()];
    for (int i = 0; i < values.length; i++) {
      String key = prefixedName(quantities.get(i));
      Double value = map.get(key);
      if (value == null) {
        throw new IllegalArgumentException("missing '" + key + "'; expected keys " + keys(quantities));
      }
      values[i] = value;
    }
    return values;
  }

  private List<String> keys(List<Quantity> quantities) {
    return quantities.stream().map(this::prefixedName).toList();
  }

  private String prefixedName(Quantity quantity) {
    return name + "_" + quantity.name();
  }

  @Override
  public String toString() {
    return name + " (" + metadata().name() + ")";
  }
}
