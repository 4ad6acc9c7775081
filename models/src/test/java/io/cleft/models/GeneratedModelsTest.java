package io.cleft.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleft.runtime.Quantity;
import io.cleft.runtime.Synapse;
import io.cleft.runtime.SynapsePopulation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The classes the Maven plugin generated from src/main/syn at build time reproduce Jaxley's
 * reference vectors to a relative 1e-12, through the map interface and through a population.
 */
class GeneratedModelsTest {
  private static final double TOLERANCE = 1e-12;
  private static final Path REFERENCE = Path.of("src/test/resources/reference/jaxley");

  static Stream<Arguments> references() {
    return Stream.of(
        Arguments.of(new IonotropicSynapse(), "IonotropicSynapse.csv"),
        Arguments.of(new IonotropicSynapse(), "IonotropicSynapse-seed.csv"),
        Arguments.of(new IonotropicSynapseOde(), "IonotropicSynapse.csv"),
        Arguments.of(new IonotropicSynapseOde(), "IonotropicSynapse-seed.csv"),
        Arguments.of(new TanhRateSynapse(), "TanhRateSynapse.csv"),
        Arguments.of(new TanhConductanceSynapse(), "TanhConductanceSynapse.csv"),
        Arguments.of(new TestSynapse(), "TestSynapse.csv"));
  }

  @ParameterizedTest(name = "{0} reproduces {1}")
  @MethodSource("references")
  void mapInterfaceReproducesReference(Synapse synapse, String csv) throws IOException {
    double worst = 0;
    for (Map<String, Double> row : rows(csv)) {
      Map<String, Double> states = prefixed(synapse, synapse.metadata().states(), row);
      Map<String, Double> params = prefixed(synapse, synapse.metadata().parameters(), row);
      Map<String, Double> next = synapse.updateStates(states, row.get("dt"), row.get("v_pre"), row.get("v_post"), params);
      for (Quantity state : synapse.metadata().states()) {
        worst = Math.max(worst, check(row.get("out_" + state.name()), next.get(synapse.name() + "_" + state.name()), row));
      }
      worst = Math.max(worst, check(row.get("current"), synapse.computeCurrent(states, row.get("v_pre"), row.get("v_post"), params), row));
    }
    System.out.println(synapse.name() + " (generated) vs " + csv + ": worst relative error " + worst);
  }

  @ParameterizedTest(name = "{0} population reproduces {1}")
  @MethodSource("references")
  void populationReproducesReference(Synapse synapse, String csv) throws IOException {
    List<Map<String, Double>> rows = rows(csv);
    int n = rows.size();
    int[] pre = new int[n];
    int[] post = new int[n];
    double[] voltages = new double[2 * n];
    for (int i = 0; i < n; i++) {
      pre[i] = 2 * i;
      post[i] = 2 * i + 1;
      voltages[pre[i]] = rows.get(i).get("v_pre");
      voltages[post[i]] = rows.get(i).get("v_post");
    }
    SynapsePopulation population = synapse.newPopulation(pre, post);
    for (int i = 0; i < n; i++) {
      for (Quantity p : synapse.metadata().parameters()) {
        population.parameter(p.name()).set(i, rows.get(i).getOrDefault(p.name(), p.defaultValue()));
      }
      for (Quantity s : synapse.metadata().states()) {
        population.state(s.name())[i] = rows.get(i).get(s.name());
      }
    }
    double[] current = new double[2 * n];
    double[] conductance = new double[2 * n];
    population.addCurrents(voltages, current, conductance);
    // Each row has its own dt: step the population one synapse at a time by masking is not
    // possible, so step it once per distinct dt and keep the rows that used it.
    Map<Double, double[][]> stepped = new HashMap<>();
    for (Map<String, Double> row : rows) {
      stepped.computeIfAbsent(row.get("dt"), dt -> stepCopy(synapse, rows, pre, post, voltages, dt));
    }
    for (int i = 0; i < n; i++) {
      Map<String, Double> row = rows.get(i);
      check(row.get("current"), current[post[i]], row);
      List<Quantity> states = synapse.metadata().states();
      for (int s = 0; s < states.size(); s++) {
        check(row.get("out_" + states.get(s).name()), stepped.get(row.get("dt"))[s][i], row);
      }
    }
  }

  /**
   * The variant with every parameter but gS shared, on Jaxley's vectors: each row has its own
   * parameters, so each row is a population of one synapse, its shared parameters set with fill,
   * and the map interface (where a shared parameter is a parameter like any other) per row too.
   */
  @ParameterizedTest(name = "IonotropicSynapseShared reproduces {0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"IonotropicSynapse.csv", "IonotropicSynapse-seed.csv"})
  void sharedVariantReproducesReferenceRowByRow(String csv) throws IOException {
    Synapse synapse = new IonotropicSynapseShared();
    assertEquals(List.of("e_syn", "k_minus", "v_th", "delta"), synapse.metadata().sharedParameters());
    double worst = 0;
    for (Map<String, Double> row : rows(csv)) {
      SynapsePopulation one = synapse.newPopulation(new int[] {0}, new int[] {1});
      for (Quantity p : synapse.metadata().parameters()) {
        one.parameter(p.name()).fill(row.getOrDefault(p.name(), p.defaultValue()));
      }
      one.state("s")[0] = row.get("s");
      double[] voltages = {row.get("v_pre"), row.get("v_post")};
      double[] current = new double[2];
      one.addCurrents(voltages, current, new double[2]);
      one.step(row.get("dt"), voltages);
      worst = Math.max(worst, check(row.get("current"), current[1], row));
      worst = Math.max(worst, check(row.get("out_s"), one.state("s")[0], row));

      Map<String, Double> states = prefixed(synapse, synapse.metadata().states(), row);
      Map<String, Double> params = prefixed(synapse, synapse.metadata().parameters(), row);
      Map<String, Double> next = synapse.updateStates(states, row.get("dt"), row.get("v_pre"), row.get("v_post"), params);
      worst = Math.max(worst, check(row.get("out_s"), next.get(synapse.name() + "_s"), row));
    }
    System.out.println("IonotropicSynapseShared (generated) vs " + csv + ": worst relative error " + worst);
  }

  @Test
  void renamingPrefixesParameterAndStateNames() {
    Synapse renamed = new IonotropicSynapse().withName("ampa");
    assertEquals("ampa", renamed.name());
    assertEquals(List.of("ampa_gS", "ampa_e_syn", "ampa_k_minus", "ampa_v_th", "ampa_delta"), List.copyOf(renamed.defaultParameters().keySet()));
    assertEquals(Map.of("ampa_s", 0.2), renamed.defaultStates());
    assertEquals("IonotropicSynapse", new IonotropicSynapse().name());
  }

  private static double[][] stepCopy(
      Synapse synapse, List<Map<String, Double>> rows, int[] pre, int[] post, double[] voltages, double dt) {
    SynapsePopulation population = synapse.newPopulation(pre, post);
    for (int i = 0; i < rows.size(); i++) {
      for (Quantity p : synapse.metadata().parameters()) {
        population.parameter(p.name()).set(i, rows.get(i).getOrDefault(p.name(), p.defaultValue()));
      }
      for (Quantity s : synapse.metadata().states()) {
        population.state(s.name())[i] = rows.get(i).get(s.name());
      }
    }
    population.step(dt, voltages);
    List<Quantity> states = synapse.metadata().states();
    double[][] result = new double[states.size()][];
    for (int s = 0; s < states.size(); s++) {
      result[s] = population.state(states.get(s).name()).clone();
    }
    return result;
  }

  private static double check(double expected, double actual, Map<String, Double> row) {
    double error =
        expected == actual ? 0 : Math.abs(expected - actual) / Math.max(Math.abs(expected), Math.abs(actual));
    assertTrue(error <= TOLERANCE, "expected " + expected + ", got " + actual + " (relative " + error + ") in row " + row);
    return error;
  }

  private static Map<String, Double> prefixed(Synapse synapse, List<Quantity> quantities, Map<String, Double> row) {
    Map<String, Double> map = new HashMap<>();
    for (Quantity q : quantities) {
      map.put(synapse.name() + "_" + q.name(), row.getOrDefault(q.name(), q.defaultValue()));
    }
    return map;
  }

  /** The reference files are plain numeric CSV written with %.17g: no quoting to handle. */
  private static List<Map<String, Double>> rows(String csv) throws IOException {
    List<String> lines = Files.readAllLines(REFERENCE.resolve(csv));
    String[] header = lines.get(0).split(",");
    return lines.subList(1, lines.size()).stream()
        .filter(line -> !line.isBlank())
        .map(line -> {
          String[] fields = line.split(",");
          Map<String, Double> row = new HashMap<>();
          for (int i = 0; i < header.length; i++) {
            row.put(header[i], Double.parseDouble(fields[i]));
          }
          return row;
        })
        .toList();
  }
}
