package io.cleft.compiler;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleft.compiler.Compilation;
import io.cleft.compiler.Pipeline;
import io.cleft.compiler.ir.IrProgram;
import io.cleft.compiler.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The model library's .syn files and the test models that exercise code generation, compiled,
 * for tests of what comes after the front end.
 */
public final class ModelSources {
  static final Path LIBRARY = Path.of("../models/src/main/syn");
  static final Path CODEGEN_MODELS = Path.of("src/test/resources/good");

  private ModelSources() {}

  /** Every library model, then every code-generation test model. */
  public static List<String> names() {
    List<String> names = new ArrayList<>(namesIn(LIBRARY));
    names.addAll(namesIn(CODEGEN_MODELS));
    return names;
  }

  private static List<String> namesIn(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      List<String> names =
          files.map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".syn"))
              .map(n -> n.substring(0, n.length() - 4))
              .sorted()
              .toList();
      assertFalse(names.isEmpty(), "no models in " + directory.toAbsolutePath());
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static IrProgram program(String name) {
    Path path = LIBRARY.resolve(name + ".syn");
    if (!Files.exists(path)) {
      path = CODEGEN_MODELS.resolve(name + ".syn");
    }
    try {
      Compilation compilation = Pipeline.compile(new SourceFile(path.toString(), Files.readString(path)));
      assertTrue(compilation.program().isPresent(), () -> name + ": " + compilation.diagnostics());
      return compilation.program().get();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
