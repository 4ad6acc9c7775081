package io.cleft.compiler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cleft.compiler.build.TextFiles;
import io.cleft.compiler.diagnostic.DiagnosticPrinter;
import io.cleft.compiler.diagnostic.DiagnosticReporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The command lines of issue 7's robustness campaign (shared/robustness/README.md, "Cases that
 * are command lines"), each of which once wrote outside {@code -d}, destroyed a reference file,
 * crashed or took minutes. Each runs the CLI in process and checks the exit code, the message
 * and what was written.
 */
class CommandLineCasesTest {
  @TempDir Path dir;

  private String decay() {
    return TestModels.write(dir, "Decay.syn", TestModels.DECAY);
  }

  /** Every regular file under the temporary directory, relative to it. */
  private List<String> files() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).map(f -> dir.relativize(f).toString()).sorted().toList();
    }
  }

  @Test
  void aPackageWithAPathInItWritesNothingAnywhere() throws IOException {
    String model = decay();
    Path escaped = dir.resolve("escaped");

    CliRun run = CliRun.of("compile", model, "-d", dir.resolve("out").toString(), "--package", "a." + escaped);

    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertTrue(
        run.err().startsWith("Invalid value for option '--package': 'a." + escaped + "' is not a Java package name: segment '"),
        run.err());
    assertTrue(run.err().contains("contains '/', which cannot be part of a Java identifier\n"), run.err());
    assertEquals(List.of("Decay.syn"), files());
  }

  @ParameterizedTest(name = "--package ''{0}''")
  @CsvSource(
      delimiter = '|',
      value = {
        "1a.b | segment '1a' starts with a digit",
        "a..b | empty segment (two dots in a row, or a leading or trailing dot)",
        "class | segment 'class' is a Java keyword or literal",
        "a-b | segment 'a-b' contains '-', which cannot be part of a Java identifier",
        "x/y | segment 'x/y' contains '/', which cannot be part of a Java identifier",
        "_ | '_' is a keyword since Java 9 and cannot be a segment",
        ".. | empty segment (two dots in a row, or a leading or trailing dot)",
      })
  void aPackageJavacWouldRejectIsAUsageErrorNamingTheRule(String packageName, String rule) throws IOException {
    String model = decay();

    CliRun run = CliRun.of("compile", model, "-d", dir.resolve("out").toString(), "--package", packageName);

    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertEquals(
        "Invalid value for option '--package': '" + packageName + "' is not a Java package name: " + rule + "\n"
            + "Try 'cleft compile --help' for more information.\n",
        run.err());
    assertEquals(List.of("Decay.syn"), files());
  }

  @Test
  void twoModelsWithOneSynapseNameAreAnErrorNamingBothFiles() throws IOException {
    String first = TestModels.write(dir, "A.syn", TestModels.DECAY.replace("synapse Decay", "synapse Same"));
    String second = TestModels.write(dir, "B.syn", TestModels.DECAY.replace("synapse Decay", "synapse Same"));

    CliRun run = CliRun.of("compile", first, second, "-d", dir.resolve("out").toString());

    assertEquals(ExitCodes.FAILURE, run.exitCode());
    assertTrue(
        run.err().startsWith(
            second + ":2:1: error: the class 'Same' is also generated from " + first
                + "; two models of one run must not define the same class [SYN108]\n"),
        run.err());
    assertEquals(List.of("A.syn", "B.syn", "out/Same.java"), files());
    assertTrue(Files.readString(dir.resolve("out/Same.java")).contains("from A.syn"));
  }

  @ParameterizedTest(name = "--output {0}")
  @ValueSource(strings = {"the input", "the input as ./", "the input through a symbolic link", "the model"})
  void anOutputThatIsAnInputIsRefusedAndTheFileKept(String spelling) throws IOException {
    String model = decay();
    String reference = "dt,v_pre,v_post,x,out_x\n1,0,-70,0.5,0.3\n";
    String input = TestModels.write(dir, "ref.csv", reference);
    String output =
        switch (spelling) {
          case "the input" -> input;
          case "the input as ./" -> dir.resolve(".").resolve("ref.csv").toString();
          case "the input through a symbolic link" -> Files.createSymbolicLink(dir.resolve("link.csv"), dir.resolve("ref.csv")).toString();
          default -> model;
        };
    String model0 = Files.readString(Path.of(model));

    CliRun run = CliRun.of("eval", model, "--input", input, "--output", output, "--check", "1e-12");

    assertEquals(ExitCodes.USAGE, run.exitCode());
    String what = spelling.equals("the model") ? "the model '" + model : "the input '" + input;
    assertEquals(
        "Invalid value for option '--output': '" + output + "' is " + what
            + "'; writing it would destroy it, so name another file\n"
            + "Try 'cleft eval --help' for more information.\n",
        run.err());
    assertEquals(reference, Files.readString(dir.resolve("ref.csv")));
    assertEquals(model0, Files.readString(Path.of(model)));
  }

  @Test
  void anEndlessModelFileIsTooLargeNotAnOutOfMemoryError() {
    assumeTrue(Files.isReadable(Path.of("/dev/zero")), "needs /dev/zero");

    CliRun run = CliRun.of("check", "/dev/zero");

    assertEquals(ExitCodes.FAILURE, run.exitCode());
    assertEquals(
        "/dev/zero: error: cannot read file: it is larger than the limit of 1 MiB (1,048,576 bytes) [SYN100]\n"
            + "1 error in 1 file\n",
        run.err());
  }

  @Test
  void aModelJustOverTheLimitIsTooLargeAndOneAtTheLimitIsRead() throws IOException {
    String model = TestModels.DECAY + "//";
    int padding = TextFiles.MAX_MODEL_BYTES - model.length();
    Path atLimit = Files.writeString(dir.resolve("AtLimit.syn"), model + "x".repeat(padding));
    Path overLimit = Files.writeString(dir.resolve("OverLimit.syn"), model + "x".repeat(padding + 1));

    CliRun run = CliRun.of("check", atLimit.toString(), overLimit.toString());

    assertEquals(ExitCodes.FAILURE, run.exitCode());
    assertEquals(
        overLimit + ": error: cannot read file: it is larger than the limit of 1 MiB (1,048,576 bytes) [SYN100]\n"
            + "1 error in 2 files\n",
        run.err());
  }

  @Test
  void anEndlessCsvIsTooLarge() {
    assumeTrue(Files.isReadable(Path.of("/dev/zero")), "needs /dev/zero");

    CliRun run = CliRun.of("eval", decay(), "--input", "/dev/zero");

    assertEquals(ExitCodes.FAILURE, run.exitCode());
    assertEquals(
        "/dev/zero: error: cannot read file: it is larger than the limit of 64 MiB (67,108,864 bytes) [SYN100]\n",
        run.err());
  }

  /** A CSV of {@code rows} rows whose v_pre is never a number. */
  private String everyRowMalformed(int rows) {
    StringBuilder csv = new StringBuilder("dt,v_pre,v_post\n");
    for (int i = 0; i < rows; i++) {
      csv.append("1,abc,-70\n");
    }
    return TestModels.write(dir, "bad" + rows + ".csv", csv.toString());
  }

  @Test
  void aMalformedNumberOnEveryRowIsReportedTenTimesThenCounted() {
    String model = decay();
    String small = everyRowMalformed(2_000);
    String large = everyRowMalformed(64_000);

    // Before, each diagnostic re-split the file: 64,000 rows took minutes. The guard is only
    // against that; the real check is that the output does not grow with the rows.
    CliRun smallRun = assertTimeout(Duration.ofSeconds(60), () -> CliRun.of("eval", model, "--input", small));
    CliRun largeRun = assertTimeout(Duration.ofSeconds(60), () -> CliRun.of("eval", model, "--input", large));

    assertEquals(ExitCodes.FAILURE, largeRun.exitCode());
    String[] lines = largeRun.err().split("\n");
    assertEquals(3 * DiagnosticReporter.SHOWN_PER_CODE + 1, lines.length, largeRun.err());
    assertEquals(large + ":2:3: error: 'abc' is not a number [SYN105]", lines[0]);
    assertEquals(
        large + ": ... and 63,990 more errors [SYN105] (only the first 10 of a kind are shown)", lines[lines.length - 1]);
    assertEquals(
        smallRun.err().replace(small, large).replace("1,990 more", "63,990 more").length(),
        largeRun.err().length(),
        "what is printed does not depend on the number of rows");
  }

  @Test
  void tenThousandUnknownColumnsAreOneDiagnosticListingAFew() {
    StringBuilder header = new StringBuilder("dt,v_pre,v_post");
    StringBuilder row = new StringBuilder("1,0,-70");
    for (int i = 0; i < 10_000; i++) {
      header.append(",col").append(i);
      row.append(",0");
    }
    String input = TestModels.write(dir, "wide.csv", header + "\n" + row + "\n");

    CliRun run = assertTimeout(Duration.ofSeconds(60), () -> CliRun.of("eval", decay(), "--input", input));

    assertEquals(ExitCodes.FAILURE, run.exitCode());
    assertTrue(
        run.err().startsWith(
            input + ":1:17: error: unknown columns 'col0', 'col1', 'col2', 'col3', 'col4' and 9,995 more;"
                + " the columns of Decay are dt, v_pre, v_post, g, tau, x, out_x, current [SYN103]\n"
                + "    1 | " + header.substring(0, DiagnosticPrinter.MAX_EXCERPT) + "...\n"),
        run.err().substring(0, 400));
    assertEquals(3, run.err().split("\n").length, "one diagnostic: headline, line and caret");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "eval MODEL --input '' | Invalid value for option '--input': the path is empty",
        "eval '' --input in.csv | Invalid value for FILE: the path is empty",
        "eval MODEL --input in.csv --output '' | Invalid value for option '--output': the path is empty",
        "check '' | Invalid value for FILE: the path is empty",
        "compile '' -d out | Invalid value for FILE: the path is empty",
        "compile MODEL -d '' | Invalid value for option '--output-directory': the path is empty",
      })
  void anEmptyPathIsAUsageError(String commandLine, String message) throws IOException {
    String model = decay();
    String[] args =
        Stream.of(commandLine.split(" ")).map(a -> a.equals("''") ? "" : a.equals("MODEL") ? model : a).toArray(String[]::new);

    CliRun run = CliRun.of(args);

    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertEquals(message + "\nTry 'cleft " + args[0] + " --help' for more information.\n", run.err());
    assertFalse(Files.exists(Path.of("Decay.java")), "-d '' must not write into the working directory");
    assertEquals(List.of("Decay.syn"), files());
  }
}
