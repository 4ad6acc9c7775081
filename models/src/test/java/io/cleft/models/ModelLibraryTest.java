package io.cleft.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleft.compiler.cli.CleftCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The model library checks clean, and {@code cleft eval} reproduces every expected value of
 * Jaxley's reference vectors to a relative 1e-12, extreme rows included.
 */
class ModelLibraryTest {
  private static final Path MODELS = Path.of("src/main/syn");
  private static final Path REFERENCE = Path.of("src/test/resources/reference/jaxley");
  private static final String TOLERANCE = "1e-12";

  @Test
  void everyModelChecksWithoutErrorsOrWarnings() throws IOException {
    List<String> files;
    try (Stream<Path> paths = Files.list(MODELS)) {
      files = paths.filter(p -> p.toString().endsWith(".syn")).map(Path::toString).sorted().toList();
    }
    for (String model : List.of(
        "IonotropicSynapse", "IonotropicSynapseOde", "TanhConductanceSynapse", "TanhRateSynapse", "TestSynapse",
        "ExpSyn", "Exp2Syn", "TsodyksMarkram", "PairStdp", "NmdaSynapse", "SaturatingRateEuler",
        "SaturatingRateRk2", "SaturatingRateRk4", "CoupledRiseDecayEuler", "CoupledRiseDecayRk4",
        "SaturatingRateImplicit", "CoupledRiseDecayImplicit", "CoupledCycleExact", "TsodyksMarkramChainExact", "AmpaKinetic",
        "IonotropicSynapseShared")) {
      assertTrue(files.contains(MODELS.resolve(model + ".syn").toString()), model + " is in the library: " + files);
    }
    String[] args = Stream.concat(Stream.of("check"), files.stream()).toArray(String[]::new);
    Result result = cleft(args);
    assertEquals(0, result.exitCode, result.err);
    assertEquals("", result.err, "no diagnostics, not even warnings");
  }

  static Stream<Arguments> referenceFiles() {
    return Stream.of(
        Arguments.of("IonotropicSynapse", "IonotropicSynapse.csv"),
        Arguments.of("IonotropicSynapse", "IonotropicSynapse-seed.csv"),
        Arguments.of("IonotropicSynapseOde", "IonotropicSynapse.csv"),
        Arguments.of("IonotropicSynapseOde", "IonotropicSynapse-seed.csv"),
        Arguments.of("TanhRateSynapse", "TanhRateSynapse.csv"),
        Arguments.of("TanhConductanceSynapse", "TanhConductanceSynapse.csv"),
        Arguments.of("TestSynapse", "TestSynapse.csv"));
  }

  @ParameterizedTest(name = "{0} reproduces {1}")
  @MethodSource("referenceFiles")
  void evalReproducesJaxleyReferenceVectors(String model, String csv) {
    Result result =
        cleft(
            "eval",
            MODELS.resolve(model + ".syn").toString(),
            "--input",
            REFERENCE.resolve(csv).toString(),
            "--output",
            "target/" + model + "-" + csv,
            "--check",
            TOLERANCE);
    // The summary names the worst relative error; keep it in the build log for the record.
    System.out.println(model + " vs " + csv + ": " + result.err.strip());
    assertEquals(0, result.exitCode, result.err);
    assertTrue(result.err.contains("checked 250 rows"), result.err);
  }

  /**
   * Jaxley's vectors give every row its own parameters, which a population with shared ones
   * cannot hold: eval says so at the first row that differs, and reproduces each row on its own.
   */
  @Test
  void evalOfTheSharedVariantTakesJaxleyRowsOneAtATime() throws IOException {
    String model = MODELS.resolve("IonotropicSynapseShared.syn").toString();
    Path reference = REFERENCE.resolve("IonotropicSynapse.csv");
    Result whole = cleft("eval", model, "--input", reference.toString(), "--check", TOLERANCE);
    assertEquals(1, whole.exitCode, whole.err);
    assertTrue(whole.err.contains("shared parameter e_syn is ") && whole.err.contains(" on row 2 but ") && whole.err.contains("[SYN151]"), whole.err);

    List<String> lines = Files.readAllLines(reference);
    Path dir = Files.createDirectories(Path.of("target/shared-rows"));
    // Every 10th row, and the last: an eval compiles the model, so not all 250.
    List<Integer> rows = new java.util.ArrayList<>();
    for (int row = 1; row < lines.size(); row += 10) {
      rows.add(row);
    }
    rows.add(lines.size() - 1);
    for (int row : rows) {
      Path one = dir.resolve("row" + row + ".csv");
      Files.writeString(one, lines.get(0) + "\n" + lines.get(row) + "\n");
      Result result = cleft("eval", model, "--input", one.toString(), "--check", TOLERANCE);
      assertEquals(0, result.exitCode, "row " + row + ": " + result.err);
      assertTrue(result.err.contains("checked 1 row:"), result.err);
    }
  }

  private static Result cleft(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = CleftCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(exitCode, out.toString(), err.toString());
  }

  private record Result(int exitCode, String out, String err) {}
}
