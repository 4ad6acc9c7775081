package io.cleft.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One cell of run-benchmarks.sh's table: a column (a JMH benchmark method, with any parameter but
 * n in brackets, or a C variant), a population size and synapse updates per second. The relative
 * error is JMH's 99.9% confidence half-width over its mean, NaN where there is none (the C rows,
 * or JMH with too few iterations).
 */
record Measurement(String column, int n, double updatesPerSecond, double relativeError) {
  /**
   * The rows of a JMH JSON result file ({@code -rf json}) that have a parameter {@code n}: each
   * score, a time per operation (or operations per time), becomes n synapse updates per operation.
   */
  static List<Measurement> fromJmhJson(String json) {
    Object parsed = MiniJson.parse(json);
    if (!(parsed instanceof List)) {
      throw new IllegalArgumentException("a JMH result file is a JSON array");
    }
    List<Measurement> measurements = new ArrayList<>();
    for (Object element : (List<?>) parsed) {
      Map<?, ?> row = asMap(element, "a JMH result");
      Map<?, ?> params = row.get("params") == null ? Map.of() : asMap(row.get("params"), "params");
      Object n = params.get("n");
      if (n == null) {
        continue;
      }
      Map<?, ?> metric = asMap(row.get("primaryMetric"), "primaryMetric");
      double score = number(metric.get("score"));
      double error = number(metric.get("scoreError"));
      double operationsPerSecond = operationsPerSecond(score, String.valueOf(metric.get("scoreUnit")));
      int synapses = Integer.parseInt(String.valueOf(n));
      measurements.add(new Measurement(column(String.valueOf(row.get("benchmark")), params), synapses,
          synapses * operationsPerSecond, Math.abs(error / score)));
    }
    return measurements;
  }

  /**
   * The lines bench/run-benchmarks.sh writes for the C variants: the variant's name, then the
   * program's own result line of key=value pairs; the median is taken. Other lines are ignored.
   */
  static List<Measurement> fromCResults(List<String> lines) {
    List<Measurement> measurements = new ArrayList<>();
    for (String line : lines) {
      String[] words = line.trim().split("\\s+");
      if (words.length < 2 || !words[1].equals("result")) {
        continue;
      }
      Map<String, String> values = new TreeMap<>();
      for (int i = 2; i < words.length; i++) {
        int equals = words[i].indexOf('=');
        if (equals > 0) {
          values.put(words[i].substring(0, equals), words[i].substring(equals + 1));
        }
      }
      if (values.containsKey("n") && values.containsKey("median_updates_per_s")) {
        measurements.add(new Measurement(words[0], Integer.parseInt(values.get("n")),
            Double.parseDouble(values.get("median_updates_per_s")), Double.NaN));
      }
    }
    return measurements;
  }

  /** The method's name, with the other parameters as {@code name[k=v,...]} so that no two rows share a column. */
  private static String column(String benchmark, Map<?, ?> params) {
    String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
    StringBuilder others = new StringBuilder();
    for (Map.Entry<?, ?> entry : new TreeMap<>(params).entrySet()) {
      if (!entry.getKey().equals("n")) {
        others.append(others.length() == 0 ? "" : ",").append(entry.getKey()).append('=').append(entry.getValue());
      }
    }
    return others.length() == 0 ? method : method + "[" + others + "]";
  }

  private static double operationsPerSecond(double score, String unit) {
    String[] parts = unit.split("/");
    if (parts.length != 2) {
      throw new IllegalArgumentException("unknown JMH score unit " + unit);
    }
    if (parts[1].equals("op")) {
      return 1 / (score * seconds(parts[0], unit));
    }
    if (parts[0].equals("ops")) {
      return score / seconds(parts[1], unit);
    }
    throw new IllegalArgumentException("unknown JMH score unit " + unit);
  }

  private static double seconds(String unit, String whole) {
    switch (unit) {
      case "ns": return 1e-9;
      case "us": return 1e-6;
      case "ms": return 1e-3;
      case "s": return 1;
      case "min": return 60;
      default: throw new IllegalArgumentException("unknown JMH score unit " + whole);
    }
  }

  private static Map<?, ?> asMap(Object value, String what) {
    if (!(value instanceof Map)) {
      throw new IllegalArgumentException(what + " is not a JSON object");
    }
    return (Map<?, ?>) value;
  }

  /** JMH writes "NaN" as a string where it has no error estimate. */
  private static double number(Object value) {
    if (value instanceof Double) {
      return (Double) value;
    }
    if ("NaN".equals(value)) {
      return Double.NaN;
    }
    throw new IllegalArgumentException("not a number: " + value);
  }
}
