package io.cleft.runtime.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The module's stand-in for {@code -Werror}, which javac's incubator warning rules out on
 * JDK 17: the main sources compiled again with {@code -Xlint:all} must give that warning and
 * no other.
 */
class CompilerWarningsTest {
  @Test
  void theOnlyWarningIsTheIncubatorOne() throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<Path> sources;
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      sources = files.filter(f -> f.toString().endsWith(".java")).collect(Collectors.toList());
    }
    assertTrue(sources.size() >= 5, "the module's sources: " + sources);
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Path out = Files.createTempDirectory("cleft-runtime-vector-lint");
    StringWriter output = new StringWriter();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
      boolean ok = javac.getTask(
              output,
              files,
              diagnostics,
              List.of("--release", "17", "-Xlint:all", "--add-modules", "jdk.incubator.vector",
                  "-classpath", System.getProperty("java.class.path"), "-d", out.toString()),
              null,
              files.getJavaFileObjectsFromPaths(sources))
          .call();
      assertTrue(ok, () -> "javac failed: " + diagnostics.getDiagnostics() + output);
    }
    List<String> warnings = diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
        .map(d -> d.getKind() + ": " + d.getMessage(null))
        .collect(Collectors.toList());
    assertEquals(1, warnings.size(), () -> "warnings besides the incubator one: " + warnings);
    assertTrue(warnings.get(0).contains("incubating"), warnings.get(0));
  }
}
