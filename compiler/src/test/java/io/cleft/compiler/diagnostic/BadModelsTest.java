package io.cleft.compiler.diagnostic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.cleft.compiler.Compilation;
import io.cleft.compiler.Pipeline;
import io.cleft.compiler.source.SourceFile;
import io.cleft.compiler.source.SourceSpan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The broken models in {@code src/test/resources/bad/}, each a realistic synapse with one
 * mistake. Every file opens with a description and one line per diagnostic it must produce, in
 * order:
 *
 * <pre>
 * // A misspelt parameter name.
 * // expect: 16:27 error SYN020 unknown name 'k_minsu' (did you mean 'k_minus'?)
 * </pre>
 *
 * <p>line:column (1-based), severity, code and the full message. A file must produce exactly
 * these diagnostics: a missing, extra (cascading) or moved one fails its test.
 */
class BadModelsTest {
  private static final Pattern EXPECT =
      Pattern.compile("^// expect: (\\d+):(\\d+) (error|warning|note) (SYN\\d{3}) (.+)$");

  @TestFactory
  Stream<DynamicTest> eachBadModelReportsExactlyItsExpectedDiagnostics() {
    return badModels().stream()
        .map(file -> dynamicTest(file.getFileName().toString(), () -> {
          SourceFile source = read(file);
          List<String> expected = expectations(source);
          assertFalse(expected.isEmpty(), "the file states no '// expect:' line");
          List<String> actual = compile(source).diagnostics().stream().map(BadModelsTest::describe).toList();
          assertEquals(String.join("\n", expected), String.join("\n", actual));
        }));
  }

  @TestFactory
  Stream<DynamicTest> noBadModelCausesAnInternalError() {
    return badModels().stream()
        .map(file -> dynamicTest(file.getFileName().toString(), () -> {
          for (Diagnostic diagnostic : compile(read(file)).diagnostics()) {
            assertNotEquals(DiagnosticCode.INTERNAL_ERROR, diagnostic.code(), diagnostic.headline());
          }
        }));
  }

  @TestFactory
  Stream<DynamicTest> eachDiagnosticRendersItsSourceLineWithACaretUnderItsColumn() {
    return badModels().stream()
        .map(file -> dynamicTest(file.getFileName().toString(), () -> {
          SourceFile source = read(file);
          for (Diagnostic diagnostic : compile(source).diagnostics()) {
            SourceSpan span = diagnostic.span().orElseThrow();
            List<String> rendered = Arrays.asList(DiagnosticPrinter.render(diagnostic).split("\n"));
            assertEquals(3, rendered.size(), () -> "headline, source line and caret line:\n" + rendered);
            assertEquals(
                source.displayName() + ":" + span.line() + ":" + span.column() + ": "
                    + diagnostic.severity().label() + ": " + diagnostic.message() + " [" + diagnostic.code().id() + "]",
                rendered.get(0));
            String sourceLine = source.line(span.line());
            if (sourceLine.codePointCount(0, sourceLine.length()) > DiagnosticPrinter.MAX_EXCERPT) {
              // A window of the line (DiagnosticPrinterTest tests where it falls).
              assertTrue(rendered.get(1).contains("..."), rendered.get(1));
              assertTrue(rendered.get(1).length() <= 8 + DiagnosticPrinter.MAX_EXCERPT + 6, rendered.get(1));
              continue;
            }
            assertEquals(String.format("%5d | %s", span.line(), sourceLine), rendered.get(1));
            String caretLine = rendered.get(2);
            String gutter = "      | ";
            assertTrue(caretLine.startsWith(gutter), caretLine);
            String marks = caretLine.substring(gutter.length());
            assertEquals(span.column() - 1, marks.indexOf('^'), () -> "caret under column " + span.column() + ":\n"
                + String.join("\n", rendered));
            assertTrue(marks.substring(0, span.column() - 1).isBlank(), caretLine);
            assertTrue(marks.substring(span.column() - 1).matches("\\^~*"), caretLine);
          }
        }));
  }

  /** Every code a model file can cause, SYN001 to SYN070 and the warnings, has a bad model. */
  @Test
  void everyModelDiagnosticCodeHasABadModel() {
    Set<String> covered = new TreeSet<>();
    for (Path file : badModels()) {
      for (String expectation : expectations(read(file))) {
        Matcher matcher = EXPECT.matcher(expectation);
        assertTrue(matcher.matches(), expectation);
        covered.add(matcher.group(4));
      }
    }
    Set<DiagnosticCode> modelCodes = EnumSet.allOf(DiagnosticCode.class);
    modelCodes.removeIf(code -> code.id().compareTo("SYN100") >= 0);
    Set<String> missing =
        modelCodes.stream().map(DiagnosticCode::id).filter(id -> !covered.contains(id))
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(Set.of(), missing);
  }

  @Test
  void badModelsAreNumberedAndNamed() {
    List<Path> files = badModels();
    assertTrue(files.size() >= 35, "only " + files.size() + " bad models");
    for (Path file : files) {
      assertTrue(file.getFileName().toString().matches("\\d{2,3}-[a-z0-9-]+\\.syn"), file.toString());
    }
  }

  private static String describe(Diagnostic diagnostic) {
    SourceSpan span = diagnostic.span().orElseThrow(() -> new AssertionError("no position: " + diagnostic.headline()));
    return "// expect: " + span.line() + ":" + span.column() + " " + diagnostic.severity().label() + " "
        + diagnostic.code().id() + " " + diagnostic.message();
  }

  /** The expect lines of a file, checked for form; the test compares them as written. */
  private static List<String> expectations(SourceFile source) {
    List<String> expectations = new ArrayList<>();
    for (String line : source.text().lines().toList()) {
      if (line.startsWith("// expect:")) {
        Matcher matcher = EXPECT.matcher(line);
        assertTrue(matcher.matches(), () -> source.displayName() + ": malformed expectation: " + line);
        expectations.add(line);
      }
    }
    return expectations;
  }

  private static Compilation compile(SourceFile source) {
    return Pipeline.compile(source);
  }

  private static SourceFile read(Path file) {
    try {
      return new SourceFile(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> badModels() {
    URL directory = BadModelsTest.class.getResource("/bad");
    if (directory == null) {
      throw new AssertionError("test resource directory 'bad' not found");
    }
    try (Stream<Path> files = Files.list(Path.of(directory.toURI()))) {
      return files.filter(f -> f.toString().endsWith(".syn")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
