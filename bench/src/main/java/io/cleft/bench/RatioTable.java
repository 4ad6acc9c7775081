package io.cleft.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The tables bench/run-benchmarks.sh prints (issue 10's "Done when" as ratios of rows measured in
 * the same run): updates per second for every JMH row and C variant at every N, the same as
 * microseconds per step, and the ratios with their targets. A row the run lacks (another part of
 * the issue not merged yet) shows "-" and a note; the C columns, and the ratios to them, appear
 * only when the run has them.
 *
 * <p>Run as {@code java -cp bench/target/benchmarks.jar io.cleft.bench.RatioTable JMH.json
 * [C-RESULTS]}; prints markdown.
 */
final class RatioTable {
  /** The JMH rows the ratios need, first and in this order; others follow in name order. */
  static final List<String> EXPECTED_ROWS =
      List.of("generatedPopulation", "generatedSimd", "generatedTwoThreads", "generatedSharedParameters");

  /** The C variants in run-benchmarks.sh's order, with their titles. */
  static final Map<String, String> C_VARIANTS = cVariants();

  private static Map<String, String> cVariants() {
    Map<String, String> variants = new LinkedHashMap<>();
    variants.put("c-one", "C one loop");
    variants.put("c-one-fast", "C one loop, fast-math");
    variants.put("c-strips", "C strips");
    variants.put("c-strips-fast", "C strips, fast-math");
    variants.put("c-strips-fast256", "C strips, fast-math, 256-bit");
    variants.put("c-memory", "C memory floor");
    variants.put("c-memory-shared", "C memory floor, shared");
    return variants;
  }

  /** A ratio of two columns, with the Done-when target where the issue sets one (0: none). */
  record Ratio(String title, String numerator, String denominator, double target, List<Integer> targetSizes) {}

  static final List<Ratio> RATIOS = List.of(
      new Ratio("SIMD / generated", "generatedSimd", "generatedPopulation", 2.0, List.of(1_000, 100_000)),
      new Ratio("SIMD / C strips fast-math 256-bit", "generatedSimd", "c-strips-fast256", 1.2, List.of()),
      new Ratio("two threads / one thread", "generatedTwoThreads", "generatedPopulation", 1.7, List.of(100_000, 1_000_000)),
      new Ratio("shared / per-synapse", "generatedSharedParameters", "generatedPopulation", 1.5, List.of(1_000_000)),
      new Ratio("generated / C one loop", "generatedPopulation", "c-one", 0, List.of()),
      new Ratio("generated / C strips fast-math 256-bit", "generatedPopulation", "c-strips-fast256", 0, List.of()),
      // The same targets for SIMD mode with fast math (both not bit-exact; the C baseline it is
      // held to uses fast math too) and for threads on wiring sorted by compartment.
      new Ratio("SIMD fast math / generated", "generatedSimdFastMath", "generatedPopulation", 2.0, List.of(1_000, 100_000)),
      new Ratio("SIMD fast math / C strips fast-math 256-bit", "generatedSimdFastMath", "c-strips-fast256", 1.2, List.of()),
      new Ratio("two threads / one thread, sorted wiring", "generatedSortedWiringTwoThreads", "generatedSortedWiring", 1.7,
          List.of(100_000, 1_000_000)),
      new Ratio("shared / per-synapse, sorted wiring", "generatedSharedSortedWiring", "generatedSortedWiring", 1.5,
          List.of(1_000_000)),
      // Upper bounds, not targets: the memory floors are the strips' loads, stores, gathers and
      // scatters with no arithmetic, so no implementation of the same work is faster than them.
      new Ratio("bound: C memory floor / C strips fast-math 256-bit", "c-memory", "c-strips-fast256", 0, List.of()),
      new Ratio("bound: C memory floor shared / per-synapse", "c-memory-shared", "c-memory", 0, List.of()));

  private final Map<String, Map<Integer, Measurement>> byColumn = new LinkedHashMap<>();
  private final TreeSet<Integer> sizes = new TreeSet<>();
  private final List<String> columns = new ArrayList<>();
  private final boolean hasC;
  /** The ratios this run can show: without C, none of a C column. */
  private final List<Ratio> ratios = new ArrayList<>();

  RatioTable(List<Measurement> measurements) {
    for (Measurement m : measurements) {
      byColumn.computeIfAbsent(m.column(), c -> new TreeMap<>()).put(m.n(), m);
      sizes.add(m.n());
    }
    hasC = measurements.stream().anyMatch(m -> isC(m.column()));
    columns.addAll(EXPECTED_ROWS);
    new TreeSet<>(byColumn.keySet()).stream()
        .filter(c -> !EXPECTED_ROWS.contains(c) && !isC(c))
        .forEach(columns::add);
    if (hasC) {
      columns.addAll(C_VARIANTS.keySet());
    }
    RATIOS.stream().filter(r -> hasC || !isC(r.numerator()) && !isC(r.denominator())).forEach(ratios::add);
  }

  private static boolean isC(String column) {
    return C_VARIANTS.containsKey(column);
  }

  String render() {
    StringBuilder out = new StringBuilder();
    out.append("Updates per second (JMH: mean ± 99.9% confidence half-width, none where JMH had too few iterations;"
        + " C: median of its repetitions):\n\n");
    table(out, m -> formatRate(m.updatesPerSecond()) + (Double.isNaN(m.relativeError()) ? "" : String.format(Locale.ROOT, " ± %.0f%%", 100 * m.relativeError())));
    out.append("\nMicroseconds per step of all N synapses:\n\n");
    table(out, m -> String.format(Locale.ROOT, "%,.1f", m.n() / m.updatesPerSecond() * 1e6));
    out.append("\nRatios of updates per second (above 1: the first is faster); ✓ or ✗ where the issue sets a target:\n\n");
    ratios(out);
    out.append('\n');
    notes(out);
    return out.toString();
  }

  private interface Cell {
    String text(Measurement m);
  }

  private void table(StringBuilder out, Cell cell) {
    out.append("| N |");
    columns.forEach(c -> out.append(' ').append(C_VARIANTS.getOrDefault(c, c)).append(" |"));
    out.append("\n|---:|");
    columns.forEach(c -> out.append("---:|"));
    out.append('\n');
    for (int n : sizes) {
      out.append("| ").append(formatSize(n)).append(" |");
      for (String c : columns) {
        out.append(' ').append(find(c, n).map(cell::text).orElse("-")).append(" |");
      }
      out.append('\n');
    }
  }

  private void ratios(StringBuilder out) {
    out.append("| N |");
    ratios.forEach(r -> out.append(' ').append(r.title()).append(targetText(r)).append(" |"));
    out.append("\n|---:|");
    ratios.forEach(r -> out.append("---:|"));
    out.append('\n');
    for (int n : sizes) {
      out.append("| ").append(formatSize(n)).append(" |");
      for (Ratio r : ratios) {
        out.append(' ').append(ratio(r, n).map(value -> formatRatio(r, n, value)).orElse("-")).append(" |");
      }
      out.append('\n');
    }
  }

  /** The ratio at n, if both columns have a measurement there. */
  Optional<Double> ratio(Ratio r, int n) {
    Optional<Measurement> top = findForRatio(r.numerator(), n);
    Optional<Measurement> bottom = findForRatio(r.denominator(), n);
    if (top.isEmpty() || bottom.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(top.get().updatesPerSecond() / bottom.get().updatesPerSecond());
  }

  private static String formatRatio(Ratio r, int n, double value) {
    String text = String.format(Locale.ROOT, "%.2fx", value);
    boolean targeted = r.target() > 0 && (r.targetSizes().isEmpty() || r.targetSizes().contains(n));
    return targeted ? text + (value >= r.target() ? " ✓" : " ✗") : text;
  }

  private static String targetText(Ratio r) {
    if (r.target() <= 0) {
      return "";
    }
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT, " (≥ %.1fx", r.target()));
    if (!r.targetSizes().isEmpty()) {
      text.append(" at ");
      for (int i = 0; i < r.targetSizes().size(); i++) {
        text.append(i == 0 ? "" : ", ").append(formatSize(r.targetSizes().get(i)));
      }
    }
    return text.append(')').toString();
  }

  private void notes(StringBuilder out) {
    for (String column : columns) {
      if (!byColumn.containsKey(column) && byColumn.keySet().stream().anyMatch(c -> c.startsWith(column + "["))) {
        out.append("- ").append(column).append(" ran only with other parameters: see its columns name[k=v]; a ratio uses such a column if it is the only one.\n");
      } else if (!byColumn.containsKey(column)) {
        out.append("- No row ").append(column).append(" in this run (not in this build's IonotropicBenchmark): its cells and the ratios that need it show -.\n");
      } else {
        for (int n : sizes) {
          if (find(column, n).isEmpty()) {
            out.append("- ").append(C_VARIANTS.getOrDefault(column, column)).append(" has no measurement at N = ").append(formatSize(n)).append(".\n");
          }
        }
      }
    }
    if (!hasC) {
      out.append("- No C measurements in this run (no gcc, or the C runs failed): the table has no C columns.\n");
    }
  }

  /**
   * The column itself or, if the benchmark gained a parameter besides n (so its only column is
   * {@code name[k=v]}), that one column; with several such columns the ratio would be ambiguous.
   */
  private Optional<Measurement> findForRatio(String column, int n) {
    if (byColumn.containsKey(column)) {
      return find(column, n);
    }
    List<String> variants = new ArrayList<>();
    byColumn.keySet().stream().filter(c -> c.startsWith(column + "[")).forEach(variants::add);
    return variants.size() == 1 ? find(variants.get(0), n) : Optional.empty();
  }

  private Optional<Measurement> find(String column, int n) {
    return Optional.ofNullable(byColumn.getOrDefault(column, Map.of()).get(n));
  }

  static String formatSize(int n) {
    int exponent = 0;
    int rest = n;
    while (rest >= 10 && rest % 10 == 0) {
      rest /= 10;
      exponent++;
    }
    return rest == 1 && exponent > 0 ? "10^" + exponent : String.format(Locale.ROOT, "%,d", n);
  }

  /** Three significant digits in the style: 2.89e7. */
  static String formatRate(double value) {
    String text = String.format(Locale.ROOT, "%.2e", value);
    int e = text.indexOf('e');
    return text.substring(0, e) + "e" + Integer.parseInt(text.substring(e + 1).replace("+", ""));
  }

  public static void main(String[] args) {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: RatioTable JMH.json [C-RESULTS]");
      System.exit(2);
    }
    try {
      List<Measurement> measurements = new ArrayList<>(Measurement.fromJmhJson(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8)));
      if (args.length == 2 && Files.exists(Path.of(args[1]))) {
        measurements.addAll(Measurement.fromCResults(Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8)));
      }
      System.out.print(new RatioTable(measurements).render());
    } catch (IOException | IllegalArgumentException e) {
      System.err.println("RatioTable: " + e.getMessage());
      System.exit(1);
    }
  }
}
