package io.cleft.compiler.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleft.compiler.CodeMode;
import io.cleft.compiler.diagnostic.Diagnostic;
import io.cleft.compiler.diagnostic.DiagnosticCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where a {@link CompilerRun} writes, as the Maven plugin runs it (a source root whose
 * directories become sub-packages): only valid packages, only inside the output directory, and
 * never two models' classes to one file.
 */
class CompilerRunOutputTest {
  private static final String TANH_RATE = TextFilesForTests.read("../models/src/main/syn/TanhRateSynapse.syn");

  @TempDir Path dir;
  private Path syn;
  private Path out;

  @BeforeEach
  void directories() throws IOException {
    syn = Files.createDirectories(dir.resolve("syn"));
    out = dir.resolve("out");
  }

  private Path model(String relative, String synapse) throws IOException {
    Path file = syn.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, TANH_RATE.replace("synapse TanhRateSynapse ", "synapse " + synapse + " "));
  }

  private CompilerRun.Result run(boolean incremental, Path... sources) {
    return new CompilerRun(List.of(sources), Optional.of(syn), out, "p", CodeMode.DEFAULT, incremental).execute();
  }

  /** Every regular file under the temporary directory that is not a model. */
  private List<Path> filesWritten() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).filter(f -> !f.startsWith(syn)).sorted().toList();
    }
  }

  @ParameterizedTest(name = "directory ''{0}''")
  @ValueSource(strings = {"class", "1x", "a-b", "a.b", "_"})
  void aDirectoryThatCannotBeAPackageSegmentIsAnErrorOnItsModels(String directory) throws IOException {
    Path bad = model(directory + "/Bad.syn", "Bad");
    Path good = model("ok/Good.syn", "Good");

    CompilerRun.Result result = run(true, bad, good);

    List<Diagnostic> errors = result.diagnostics().stream().filter(Diagnostic::isError).toList();
    assertEquals(1, errors.size(), errors.toString());
    Diagnostic error = errors.get(0);
    assertEquals(DiagnosticCode.INVALID_PACKAGE_DIRECTORY, error.code());
    assertEquals(bad.toString(), error.file());
    assertTrue(error.message().startsWith("the directory '" + directory + "' cannot be a sub-package"), error.message());
    assertTrue(error.message().endsWith("; rename the directory"), error.message());
    // The other model is still generated, and nothing is written for the bad one.
    assertEquals(List.of(out.resolve("p/ok/Good.java")), result.written());
    assertEquals(List.of(out.resolve(BuildStamp.FILE_NAME), out.resolve("p/ok/Good.java")), filesWritten());
  }

  @Test
  void twoModelsDefiningOneClassAreAnErrorNamingBothFiles() throws IOException {
    Path first = model("A.syn", "Same");
    Path second = model("B.syn", "Same");

    CompilerRun.Result result = run(false, first, second);

    assertEquals(List.of(out.resolve("p/Same.java")), result.written());
    List<Diagnostic> errors = result.diagnostics().stream().filter(Diagnostic::isError).toList();
    assertEquals(1, errors.size(), errors.toString());
    assertEquals(DiagnosticCode.DUPLICATE_CLASS, errors.get(0).code());
    assertEquals(second.toString(), errors.get(0).file());
    assertEquals(
        "the class 'p.Same' is also generated from " + first + "; two models of one run must not define the same class",
        errors.get(0).message());
    // The first model's class is the one on disk: the second did not silently replace it.
    assertTrue(Files.readString(out.resolve("p/Same.java")).contains("from A.syn"));
  }

  @Test
  void aDuplicateOfAnUpToDateClassIsStillAnError() throws IOException {
    Path first = model("A.syn", "Same");
    assertEquals(List.of(), run(true, first).diagnostics());
    Path second = model("B.syn", "Same");

    CompilerRun.Result result = run(true, first, second);

    assertEquals(List.of(out.resolve("p/Same.java")), result.upToDate());
    assertTrue(result.hasErrors());
    assertEquals(DiagnosticCode.DUPLICATE_CLASS, result.diagnostics().get(0).code());
    assertTrue(Files.readString(out.resolve("p/Same.java")).contains("from A.syn"));
  }

  @Test
  void oneModelGivenTwiceIsNoDuplicate() throws IOException {
    Path model = model("A.syn", "Alone");

    CompilerRun.Result result = run(false, model, syn.resolve("./A.syn"));

    assertFalse(result.hasErrors(), result.diagnostics().toString());
  }

  @Test
  void aRelativeOutputDirectoryIsWrittenUnderItsOwnName() throws IOException {
    Path model = model("A.syn", "Relative");
    Path relativeOut = Path.of("").toAbsolutePath().relativize(out);

    CompilerRun.Result result =
        new CompilerRun(List.of(model), Optional.of(syn), relativeOut, "", CodeMode.DEFAULT, true).execute();

    assertEquals(List.of(), result.diagnostics());
    assertEquals(List.of(relativeOut.resolve("Relative.java")), result.written());
    assertTrue(Files.exists(out.resolve("Relative.java")));
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"a./tmp/x", "a..b", "class"})
  void anInvalidPackageIsRefusedBeforeAnythingRuns(String packageName) {
    assertThrows(
        IllegalArgumentException.class,
        () -> new CompilerRun(List.of(), Optional.empty(), out, packageName, CodeMode.DEFAULT, false));
  }
}
