package io.cleft.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What run-benchmarks.sh prints: JMH's and the C program's results as updates per second and ratios. */
class RatioTableTest {
  private static String jmhRow(String method, String params, double score, String error, String unit, String mode) {
    return "{\"benchmark\": \"io.cleft.bench.IonotropicBenchmark." + method + "\", \"mode\": \"" + mode + "\", \"params\": {" + params
        + "}, \"primaryMetric\": {\"score\": " + score + ", \"scoreError\": " + error + ", \"scoreUnit\": \"" + unit + "\"}}";
  }

  @Test
  void aJmhScoreBecomesNUpdatesPerOperation() {
    String json = "[" + String.join(",",
        jmhRow("generatedPopulation", "\"n\": \"1000\"", 25.0, "2.5", "us/op", "avgt"),
        jmhRow("generatedPopulation", "\"n\": \"100000\"", 4.0, "\"NaN\"", "ms/op", "avgt"),
        jmhRow("generatedSorted", "\"n\": \"1000\", \"wiring\": \"sorted\"", 2.0, "0.1", "ops/ms", "thrpt"),
        jmhRow("setOneIonotropic", "", 7.0, "0.1", "ns/op", "avgt")) + "]";
    List<Measurement> measurements = Measurement.fromJmhJson(json);
    assertEquals(3, measurements.size(), "the row without n is left out");
    assertEquals(new Measurement("generatedPopulation", 1000, 1000 / 25e-6, 0.1), measurements.get(0));
    assertEquals("generatedPopulation", measurements.get(1).column());
    assertEquals(100_000 / 4e-3, measurements.get(1).updatesPerSecond(), 1e-6);
    assertTrue(Double.isNaN(measurements.get(1).relativeError()), "JMH's \"NaN\" error");
    assertEquals("generatedSorted[wiring=sorted]", measurements.get(2).column(), "other parameters name their own column");
    assertEquals(1000 * 2 / 1e-3, measurements.get(2).updatesPerSecond(), 1e-6);
  }

  @Test
  void theCProgramsResultLinesGiveTheirMedians() {
    List<Measurement> measurements = Measurement.fromCResults(List.of(
        "c-strips result loop=strips n=1000 repetitions=3 steps=4959 best_updates_per_s=2.9e+07 median_updates_per_s=2.8e+07 best_us_per_step=34.6",
        "checksum n=1000 steps=10 s=40794a706ea25e72",
        ""));
    assertEquals(1, measurements.size());
    assertEquals("c-strips", measurements.get(0).column());
    assertEquals(1000, measurements.get(0).n());
    assertEquals(2.8e7, measurements.get(0).updatesPerSecond());
  }

  @Test
  void ratiosAreOfRowsAtTheSameSizeAndMarkedAgainstTheirTargets() {
    List<Measurement> measurements = new ArrayList<>();
    for (int n : new int[] {1000, 100_000, 1_000_000}) {
      measurements.add(new Measurement("generatedPopulation", n, 1e7, 0.02));
      measurements.add(new Measurement("generatedSimd", n, n == 1000 ? 3e7 : 1.5e7, 0.02));
      measurements.add(new Measurement("c-strips-fast256", n, 2e7, Double.NaN));
    }
    RatioTable table = new RatioTable(measurements);
    RatioTable.Ratio simdOverGenerated = RatioTable.RATIOS.get(0);
    assertEquals(3.0, table.ratio(simdOverGenerated, 1000).orElseThrow(), 1e-12);
    assertEquals(1.5, table.ratio(simdOverGenerated, 100_000).orElseThrow(), 1e-12);
    String text = table.render();
    assertTrue(text.contains("| 10^3 | 3.00x ✓ | 1.50x ✓ |"), text);
    assertTrue(text.contains("| 10^5 | 1.50x ✗ | 0.75x ✗ |"), text);
    assertTrue(text.contains("| 10^6 | 1.50x | 0.75x ✗ |"), "no SIMD / generated target at 10^6:\n" + text);
    assertTrue(text.contains("| 10^3 | 1.00e7 ± 2% | 3.00e7 ± 2% | - | - | - | - | - | - | 2.00e7 |"), text);
    assertTrue(text.contains("No row generatedTwoThreads in this run"), text);
    assertTrue(text.contains("No row generatedSharedParameters in this run"), text);
    assertFalse(text.contains("No C measurements"), text);
  }

  @Test
  void theMemoryFloorsBoundTheRatiosWithoutATarget() {
    RatioTable table = new RatioTable(List.of(
        new Measurement("c-strips-fast256", 1_000_000, 2e7, Double.NaN),
        new Measurement("c-memory", 1_000_000, 2.3e7, Double.NaN),
        new Measurement("c-memory-shared", 1_000_000, 2.76e7, Double.NaN)));
    RatioTable.Ratio overC = ratioTitled("bound: C memory floor / C strips fast-math 256-bit");
    RatioTable.Ratio bySharing = ratioTitled("bound: C memory floor shared / per-synapse");
    assertEquals(1.15, table.ratio(overC, 1_000_000).orElseThrow(), 1e-12);
    assertEquals(1.2, table.ratio(bySharing, 1_000_000).orElseThrow(), 1e-12);
    String text = table.render();
    assertTrue(text.contains("| C memory floor | C memory floor, shared |"), text);
    assertFalse(text.contains("1.15x ✗") || text.contains("1.15x ✓"), "a bound has no target:\n" + text);
  }

  private static RatioTable.Ratio ratioTitled(String title) {
    return RatioTable.RATIOS.stream().filter(r -> r.title().equals(title)).findFirst().orElseThrow();
  }

  @Test
  void aRowWithOneExtraParameterStillTakesPartInItsRatios() {
    RatioTable.Ratio shared = RatioTable.RATIOS.get(3);
    RatioTable one = new RatioTable(List.of(
        new Measurement("generatedPopulation[wiring=random]", 1000, 1e7, 0.01),
        new Measurement("generatedSharedParameters[wiring=random]", 1000, 2e7, 0.01)));
    assertEquals(2.0, one.ratio(shared, 1000).orElseThrow(), 1e-12);
    assertTrue(one.render().contains("- generatedPopulation ran only with other parameters"), one.render());
    RatioTable two = new RatioTable(List.of(
        new Measurement("generatedPopulation[wiring=random]", 1000, 1e7, 0.01),
        new Measurement("generatedPopulation[wiring=sorted]", 1000, 1.2e7, 0.01),
        new Measurement("generatedSharedParameters", 1000, 2e7, 0.01)));
    assertTrue(two.ratio(shared, 1000).isEmpty(), "two candidates for generatedPopulation: no ratio");
  }

  @Test
  void withoutCTheTableHasNoCColumns() {
    String text = new RatioTable(List.of(new Measurement("generatedPopulation", 1000, 1e7, 0.02))).render();
    assertFalse(text.contains("C one loop"), "no C column and no ratio to one:\n" + text);
    assertTrue(text.contains("| N | SIMD / generated (≥ 2.0x at 10^3, 10^5) | two threads / one thread"), text);
    assertTrue(text.contains("| N | generatedPopulation | generatedSimd | generatedTwoThreads | generatedSharedParameters |\n"), text);
    assertTrue(text.contains("No C measurements in this run"), text);
  }

  @Test
  void sizesAndRatesAreWrittenAsInTheIssue() {
    assertEquals("10^3", RatioTable.formatSize(1000));
    assertEquals("10^6", RatioTable.formatSize(1_000_000));
    assertEquals("4,097", RatioTable.formatSize(4097));
    assertEquals("2,000", RatioTable.formatSize(2000));
    assertEquals("2.89e7", RatioTable.formatRate(2.891e7));
    assertEquals("9.32e6", RatioTable.formatRate(9.3249e6));
  }

  /** A real JMH result file from the script's smoke run: every row with n is read, and each N gets a line. */
  @Test
  void aRealJmhFileGivesATableWithALinePerSize() throws IOException {
    String json;
    try (InputStream in = RatioTableTest.class.getResourceAsStream("/jmh/smoke-run.json")) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<Measurement> measurements = Measurement.fromJmhJson(json);
    List<?> rows = (List<?>) MiniJson.parse(json);
    assertEquals(rows.size(), measurements.size());
    for (int i = 0; i < rows.size(); i++) {
      Map<?, ?> metric = (Map<?, ?>) ((Map<?, ?>) rows.get(i)).get("primaryMetric");
      assertEquals("us/op", metric.get("scoreUnit"));
      Measurement m = measurements.get(i);
      assertEquals(m.n() / ((Double) metric.get("score") * 1e-6), m.updatesPerSecond(), 1e-9 * m.updatesPerSecond());
    }
    String text = new RatioTable(measurements).render();
    for (String size : List.of("10^3", "10^5", "10^6")) {
      assertEquals(3, text.lines().filter(line -> line.startsWith("| " + size + " |")).count(), size + " in each table:\n" + text);
    }
  }
}
