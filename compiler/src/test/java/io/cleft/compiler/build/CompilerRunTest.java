package io.cleft.compiler.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleft.compiler.CodeMode;
import io.cleft.compiler.diagnostic.Diagnostic;
import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.optimize.MathMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Incremental generation: which models {@link CompilerRun} regenerates, which it finds up to
 * date, and which outputs it deletes, as recorded in the {@code .cleft-stamp} of the output
 * directory.
 *
 * <p>Modification times are set explicitly rather than waited for: the models are dated
 * {@link #MODELS_WRITTEN}, and after a run the outputs are re-dated {@link #OUTPUTS_WRITTEN}, later
 * than the models, so that "written nothing" can be checked by the outputs keeping that exact
 * time, whatever the file system's timestamp resolution.
 */
class CompilerRunTest {
  private static final FileTime MODELS_WRITTEN = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
  private static final FileTime OUTPUTS_WRITTEN = FileTime.from(Instant.parse("2021-01-01T00:00:00Z"));
  private static final FileTime MODEL_EDITED = FileTime.from(Instant.parse("2022-01-01T00:00:00Z"));

  /** A small valid model, Jaxley's stateless TanhRateSynapse, renamed per test model. */
  private static final String TANH_RATE = read(Path.of("../models/src/main/syn/TanhRateSynapse.syn"));

  @TempDir Path dir;
  private Path syn;
  private Path out;
  private Path alpha;
  private Path beta;

  @BeforeEach
  void writeModels() throws IOException {
    syn = Files.createDirectories(dir.resolve("syn"));
    out = dir.resolve("out");
    alpha = model("Alpha");
    beta = model("Beta");
  }

  private Path model(String name) throws IOException {
    return model(name, TANH_RATE.replace("synapse TanhRateSynapse ", "synapse " + name + " "));
  }

  private Path model(String name, String text) throws IOException {
    assertTrue(text.contains("synapse " + name + " "), text);
    Path file = Files.writeString(syn.resolve(name + ".syn"), text);
    Files.setLastModifiedTime(file, MODELS_WRITTEN);
    return file;
  }

  private CompilerRun.Result run(String packageName, MathMode mode, Path... sources) {
    return run(packageName, mode, true, sources);
  }

  private CompilerRun.Result run(String packageName, MathMode mode, boolean incremental, Path... sources) {
    return run(packageName, new CodeMode(mode, false), incremental, sources);
  }

  private CompilerRun.Result run(String packageName, CodeMode mode, boolean incremental, Path... sources) {
    CompilerRun.Result result =
        new CompilerRun(List.of(sources), Optional.of(syn), out, packageName, mode, incremental).execute();
    // Re-date what was written, later than the models, so that a later rewrite shows.
    for (Path file : result.written()) {
      try {
        Files.setLastModifiedTime(file, OUTPUTS_WRITTEN);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return result;
  }

  /** A first run of both models in package {@code p}, checked, with its outputs re-dated. */
  private CompilerRun.Result firstRun() {
    CompilerRun.Result first = run("p", MathMode.IEEE, alpha, beta);
    assertEquals(List.of(), first.diagnostics());
    assertEquals(List.of(out("p/Alpha.java"), out("p/Beta.java")), first.written());
    return first;
  }

  private Path out(String relative) {
    return out.resolve(relative);
  }

  private Path stamp() {
    return out.resolve(BuildStamp.FILE_NAME);
  }

  /** The files the stamp lists, without the models they come from. */
  private List<String> listedOutputs() throws IOException {
    return Files.readAllLines(stamp()).stream()
        .filter(line -> line.startsWith("output="))
        .map(line -> line.substring("output=".length()).split("\t")[0])
        .toList();
  }

  private static FileTime modified(Path file) throws IOException {
    return Files.getLastModifiedTime(file);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aSecondRunOfUnchangedModelsWritesNothing() throws IOException {
    CompilerRun.Result first = run("p", MathMode.IEEE, alpha, beta);

    assertEquals(List.of(), first.diagnostics());
    assertEquals(List.of(out("p/Alpha.java"), out("p/Beta.java")), first.written());
    assertEquals(List.of(), first.upToDate());
    assertEquals(List.of(), first.deleted());
    assertTrue(read(out("p/Alpha.java")).contains("public final class Alpha "));
    assertTrue(read(out("p/Beta.java")).contains("public final class Beta "));
    List<String> stampLines = Files.readAllLines(stamp());
    assertTrue(listedOutputs().contains("p/Alpha.java"), stampLines.toString());
    assertTrue(listedOutputs().contains("p/Beta.java"), stampLines.toString());
    assertTrue(stampLines.contains("options=package=p;math=IEEE"), stampLines.toString());
    String stampAfterFirst = read(stamp());

    CompilerRun.Result second = run("p", MathMode.IEEE, alpha, beta);

    assertEquals(List.of(), second.diagnostics());
    assertEquals(List.of(), second.written());
    assertEquals(List.of(out("p/Alpha.java"), out("p/Beta.java")), second.upToDate());
    assertEquals(List.of(), second.deleted());
    assertEquals(OUTPUTS_WRITTEN, modified(out("p/Alpha.java")));
    assertEquals(OUTPUTS_WRITTEN, modified(out("p/Beta.java")));
    assertEquals(stampAfterFirst, read(stamp()), "the stamp still lists both outputs");
  }

  @Test
  void aTouchedModelIsTheOnlyOneRegenerated() throws IOException {
    firstRun();
    Files.setLastModifiedTime(beta, MODEL_EDITED);

    CompilerRun.Result second = run("p", MathMode.IEEE, alpha, beta);

    assertEquals(List.of(), second.diagnostics());
    assertEquals(List.of(out("p/Beta.java")), second.written());
    assertEquals(List.of(out("p/Alpha.java")), second.upToDate());
    assertEquals(List.of(), second.deleted());
    assertEquals(OUTPUTS_WRITTEN, modified(out("p/Alpha.java")), "Alpha.java was rewritten");
  }

  @Test
  void aModelAsOldAsItsOutputIsRegenerated() throws IOException {
    firstRun();
    Files.setLastModifiedTime(alpha, OUTPUTS_WRITTEN);

    CompilerRun.Result second = run("p", MathMode.IEEE, alpha, beta);

    assertEquals(List.of(out("p/Alpha.java")), second.written());
    assertEquals(List.of(out("p/Beta.java")), second.upToDate());
  }

  @Test
  void aMissingOutputIsRegenerated() throws IOException {
    firstRun();
    Files.delete(out("p/Alpha.java"));

    CompilerRun.Result second = run("p", MathMode.IEEE, alpha, beta);

    assertEquals(List.of(out("p/Alpha.java")), second.written());
    assertEquals(List.of(out("p/Beta.java")), second.upToDate());
    assertTrue(Files.isRegularFile(out("p/Alpha.java")));
  }

  @Test
  void aNewPackageRegeneratesEverythingAndDeletesTheOldPackage() throws IOException {
    firstRun();

    CompilerRun.Result second = run("q.r", MathMode.IEEE, alpha, beta);

    assertEquals(List.of(), second.diagnostics());
    assertEquals(List.of(out("q/r/Alpha.java"), out("q/r/Beta.java")), second.written());
    assertEquals(List.of(), second.upToDate());
    assertEquals(List.of(out("p/Alpha.java"), out("p/Beta.java")), second.deleted());
    assertFalse(Files.exists(out("p/Alpha.java")));
    assertFalse(Files.exists(out("p/Beta.java")));
    assertTrue(read(out("q/r/Alpha.java")).contains("package q.r;"));
    List<String> stampLines = Files.readAllLines(stamp());
    assertTrue(stampLines.contains("options=package=q.r;math=IEEE"), stampLines.toString());
    assertTrue(listedOutputs().contains("q/r/Alpha.java"), stampLines.toString());
    assertFalse(listedOutputs().contains("p/Alpha.java"), stampLines.toString());
  }

  @Test
  void anotherMathModeRegeneratesEverythingInPlace() throws IOException {
    firstRun();

    CompilerRun.Result second = run("p", MathMode.FAST, alpha, beta);

    assertEquals(List.of(), second.diagnostics());
    assertEquals(List.of(out("p/Alpha.java"), out("p/Beta.java")), second.written());
    assertEquals(List.of(), second.upToDate());
    assertEquals(List.of(), second.deleted());
    assertTrue(Files.readAllLines(stamp()).contains("options=package=p;math=FAST"));

    // And back: the stamp now says FAST, so IEEE regenerates again.
    CompilerRun.Result third = run("p", MathMode.IEEE, alpha, beta);

    assertEquals(List.of(out("p/Alpha.java"), out("p/Beta.java")), third.written());
    assertEquals(List.of(), third.upToDate());
  }

  @Test
  void simdModeRegeneratesEverythingAndOnlyItAddsToTheStampsOptions() throws IOException {
    firstRun();

    CompilerRun.Result second = run("p", new CodeMode(MathMode.FAST, true), true, alpha, beta);

    assertEquals(List.of(), second.diagnostics());
    assertEquals(List.of(out("p/Alpha.java"), out("p/Beta.java")), second.written());
    assertEquals(List.of(), second.upToDate());
    // The format predates SIMD mode: a default-mode stamp must read as before, or every build regenerates.
    List<String> stampLines = Files.readAllLines(stamp());
    assertTrue(stampLines.contains("options=package=p;math=FAST;simd=true"), stampLines.toString());
  }

  @Test
  void anotherBuildOfCleftRegeneratesEverything() throws IOException {
    firstRun();
    String stampText = read(stamp());
    String edited = stampText.replaceFirst("(?m)^generator=.*$", "generator=0123456789abcdef");
    assertFalse(edited.equals(stampText), stampText);
    Files.writeString(stamp(), edited);

    CompilerRun.Result second = run("p", MathMode.IEEE, alpha, beta);

    assertEquals(List.of(), second.diagnostics());
    assertEquals(List.of(out("p/Alpha.java"), out("p/Beta.java")), second.written());
    assertEquals(List.of(), second.upToDate());
    assertEquals(List.of(), second.deleted());
    assertFalse(read(stamp()).contains("generator=0123456789abcdef"), "the stamp names this build again");

    // With the stamp rewritten by this build, the next run finds everything up to date.
    assertEquals(List.of(out("p/Alpha.java"), out("p/Beta.java")), run("p", MathMode.IEEE, alpha, beta).upToDate());
  }

  @Test
  void theOutputOfARemovedModelIsDeletedButNotFilesNoStampLists() throws IOException {
    firstRun();
    Path keep = Files.writeString(out("Keep.java"), "class Keep {}\n");
    Path keepInPackage = Files.writeString(out("p/KeepToo.java"), "package p; class KeepToo {}\n");
    Files.delete(beta);

    CompilerRun.Result second = run("p", MathMode.IEEE, alpha);

    assertEquals(List.of(), second.diagnostics());
    assertEquals(List.of(), second.written());
    assertEquals(List.of(out("p/Alpha.java")), second.upToDate());
    assertEquals(List.of(out("p/Beta.java")), second.deleted());
    assertFalse(Files.exists(out("p/Beta.java")));
    assertTrue(Files.exists(out("p/Alpha.java")));
    assertEquals("class Keep {}\n", read(keep));
    assertEquals("package p; class KeepToo {}\n", read(keepInPackage));
    List<String> stampLines = Files.readAllLines(stamp());
    assertFalse(listedOutputs().contains("p/Beta.java"), stampLines.toString());

    // Deleted once: the next run has nothing more to delete.
    assertEquals(List.of(), run("p", MathMode.IEEE, alpha).deleted());
    assertTrue(Files.exists(keep));
  }

  @Test
  void aModelWithAnErrorKeepsItsPreviousOutput() throws IOException {
    firstRun();
    String generatedBeta = read(out("p/Beta.java"));
    model("Beta", read(beta).replace("(v_pre - x_offset)", "(v_pre - x_ofset)"));
    Files.setLastModifiedTime(beta, MODEL_EDITED);

    CompilerRun.Result second = run("p", MathMode.IEEE, alpha, beta);

    assertTrue(second.hasErrors());
    List<Diagnostic> errors = second.diagnostics().stream().filter(Diagnostic::isError).toList();
    assertEquals(1, errors.size(), errors.toString());
    assertEquals(DiagnosticCode.UNKNOWN_NAME, errors.get(0).code());
    assertEquals(beta.toString(), errors.get(0).file());
    assertTrue(errors.get(0).headline().contains("unknown name 'x_ofset'"), errors.get(0).headline());
    assertEquals(List.of(), second.written());
    assertEquals(List.of(out("p/Alpha.java")), second.upToDate());
    assertEquals(List.of(), second.deleted());
    assertEquals(generatedBeta, read(out("p/Beta.java")));
    assertEquals(OUTPUTS_WRITTEN, modified(out("p/Beta.java")));
  }

  @Test
  void aFixedModelIsRegeneratedAfterAnError() throws IOException {
    firstRun();
    String good = read(beta);
    model("Beta", good.replace("(v_pre - x_offset)", "(v_pre - x_ofset)"));
    Files.setLastModifiedTime(beta, MODEL_EDITED);
    assertTrue(run("p", MathMode.IEEE, alpha, beta).hasErrors());
    model("Beta", good.replace("\"amplitude of the current\"", "\"amplitude\""));
    Files.setLastModifiedTime(beta, MODEL_EDITED);

    CompilerRun.Result third = run("p", MathMode.IEEE, alpha, beta);

    assertEquals(List.of(), third.diagnostics());
    assertEquals(List.of(out("p/Beta.java")), third.written());
    assertEquals(List.of(out("p/Alpha.java")), third.upToDate());
    assertTrue(listedOutputs().contains("p/Beta.java"));
  }

  @Test
  void theKeptOutputOfAModelWithAnErrorIsDeletedOnceTheModelIsGone() throws IOException {
    firstRun();
    model("Beta", read(beta).replace("(v_pre - x_offset)", "(v_pre - x_ofset)"));
    Files.setLastModifiedTime(beta, MODEL_EDITED);
    assertTrue(run("p", MathMode.IEEE, alpha, beta).hasErrors());
    assertTrue(Files.exists(out("p/Beta.java")), "kept while the model has an error");
    assertTrue(listedOutputs().contains("p/Beta.java"), "still listed as cleft's");
    Files.delete(beta);

    CompilerRun.Result third = run("p", MathMode.IEEE, alpha);

    assertEquals(List.of(), third.diagnostics());
    assertEquals(List.of(out("p/Beta.java")), third.deleted());
    assertFalse(Files.exists(out("p/Beta.java")));
  }

  @Test
  void theKeptOutputOfAModelWithAnErrorIsDeletedWhenThePackageChanges() throws IOException {
    firstRun();
    model("Beta", read(beta).replace("(v_pre - x_offset)", "(v_pre - x_ofset)"));
    Files.setLastModifiedTime(beta, MODEL_EDITED);
    assertTrue(run("p", MathMode.IEEE, alpha, beta).hasErrors());
    Files.delete(beta);

    CompilerRun.Result third = run("q", MathMode.IEEE, alpha);

    assertEquals(List.of(), third.diagnostics());
    assertEquals(List.of(out("q/Alpha.java")), third.written());
    assertEquals(List.of(out("p/Alpha.java"), out("p/Beta.java")), third.deleted());
    assertFalse(Files.exists(out("p/Beta.java")));
  }

  /** A damaged stamp whose output lines name {@code names}; run once, it must neither fail nor delete. */
  private CompilerRun.Result runWithDamagedStamp(String... names) throws IOException {
    firstRun();
    StringBuilder text = new StringBuilder("generator=x\noptions=y\n");
    for (String name : names) {
      text.append("output=").append(name).append('\n');
    }
    Files.writeString(stamp(), text);

    CompilerRun.Result second = run("p", MathMode.IEEE, alpha, beta);

    assertEquals(List.of(), second.diagnostics());
    assertEquals(List.of(out("p/Alpha.java"), out("p/Beta.java")), second.written());
    assertEquals(List.of(), second.deleted());
    assertTrue(listedOutputs().contains("p/Beta.java"));
    return second;
  }

  @Test
  void aStampListingAnImpossiblePathDoesNotCrash() throws IOException {
    runWithDamagedStamp("nul\u0000.java", "p/Alpha.java");
  }

  @Test
  void aStampListingDirectoriesDoesNotFailTheRun() throws IOException {
    runWithDamagedStamp("", ".", "p", "p/");

    assertTrue(Files.isDirectory(out("p")));
  }

  @Test
  void aStampDeletesNothingOutsideTheOutputDirectoryNorAnythingButJavaSources() throws IOException {
    Path outside = Files.writeString(dir.resolve("Outside.java"), "class Outside {}\n");
    Path model = syn.resolve("Alpha.syn");
    Files.createDirectories(out("p"));
    Path notes = Files.writeString(out("p/notes.txt"), "notes\n");

    runWithDamagedStamp(
        "../Outside.java", outside.toString(), "p/../../syn/Alpha.syn", "p/notes.txt", BuildStamp.FILE_NAME);

    assertTrue(Files.exists(outside), "deleted a file outside the output directory");
    assertTrue(Files.exists(model), "deleted a model");
    assertTrue(Files.exists(notes), "deleted a file that is no Java source");
  }

  static Stream<Arguments> damagedStamps() {
    return Stream.of(
        Arguments.of("garbage", "this is not a stamp\n\u0000\u0001 generator\n=options=\n".getBytes(StandardCharsets.UTF_8)),
        Arguments.of("not UTF-8", new byte[] {(byte) 0xff, (byte) 0xfe, 'g', (byte) 0xc3, '\n', (byte) 0x80, (byte) 0xc0}),
        Arguments.of("empty", new byte[0]),
        Arguments.of("missing", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("damagedStamps")
  void aDamagedOrMissingStampRegeneratesEverythingAndIsWrittenAgain(String what, byte[] stampContent) throws IOException {
    firstRun();
    if (stampContent == null) {
      Files.delete(stamp());
    } else {
      Files.write(stamp(), stampContent);
    }

    CompilerRun.Result second = run("p", MathMode.IEEE, alpha, beta);

    assertEquals(List.of(), second.diagnostics());
    assertEquals(List.of(out("p/Alpha.java"), out("p/Beta.java")), second.written());
    assertEquals(List.of(), second.upToDate());
    assertEquals(List.of(), second.deleted());
    assertEquals(List.of("p/Alpha.java", "p/Beta.java"), listedOutputs());
  }

  @Test
  void aNonIncrementalRunWritesNoStampAndAlwaysRegenerates() throws IOException {
    CompilerRun.Result first = run("p", MathMode.IEEE, false, alpha, beta);

    assertEquals(List.of(), first.diagnostics());
    assertEquals(List.of(out("p/Alpha.java"), out("p/Beta.java")), first.written());
    assertFalse(Files.exists(stamp()));
    try (var files = Files.list(out)) {
      assertEquals(List.of("p"), files.map(p -> p.getFileName().toString()).collect(Collectors.toList()));
    }

    CompilerRun.Result second = run("p", MathMode.IEEE, false, alpha, beta);

    assertEquals(List.of(out("p/Alpha.java"), out("p/Beta.java")), second.written());
    assertEquals(List.of(), second.upToDate());
    assertFalse(Files.exists(stamp()));
  }

  @Test
  void aNonIncrementalRunNeitherReadsAStampNorDeletes() throws IOException {
    firstRun();

    CompilerRun.Result second = run("p", MathMode.IEEE, false, alpha);

    assertEquals(List.of(out("p/Alpha.java")), second.written());
    assertEquals(List.of(), second.upToDate());
    assertEquals(List.of(), second.deleted());
    assertTrue(Files.exists(out("p/Beta.java")));
  }

  @Test
  void aNonIncrementalRunRemovesTheStampThatWouldVouchForItsFiles() throws IOException {
    firstRun();

    run("p", MathMode.FAST, false, alpha, beta);

    assertFalse(Files.exists(stamp()), "the stamp says IEEE, the files are FAST");
    CompilerRun.Result incremental = run("p", MathMode.IEEE, alpha, beta);
    assertEquals(List.of(out("p/Alpha.java"), out("p/Beta.java")), incremental.written());
  }

  @Test
  void aModelNamedUnlikeItsFileIsUpToDateAndKeepsItsOutputOnError() throws IOException {
    Path file = syn.resolve("gamma-model.syn");
    Files.writeString(file, TANH_RATE.replace("synapse TanhRateSynapse ", "synapse Gamma "));
    Files.setLastModifiedTime(file, MODELS_WRITTEN);
    assertEquals(List.of(out("p/Gamma.java")), run("p", MathMode.IEEE, file).written());

    CompilerRun.Result second = run("p", MathMode.IEEE, file);
    assertEquals(List.of(), second.written());
    assertEquals(List.of(out("p/Gamma.java")), second.upToDate());

    Files.writeString(file, read(file).replace("(v_pre - x_offset)", "(v_pre - x_ofset)"));
    Files.setLastModifiedTime(file, MODEL_EDITED);
    CompilerRun.Result broken = run("p", MathMode.IEEE, file);
    assertTrue(broken.hasErrors());
    assertEquals(List.of(), broken.deleted());
    assertTrue(Files.exists(out("p/Gamma.java")));
    assertTrue(listedOutputs().contains("p/Gamma.java"));
  }
}
