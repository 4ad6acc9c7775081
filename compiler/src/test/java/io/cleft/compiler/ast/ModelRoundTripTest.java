package io.cleft.compiler.ast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.cleft.compiler.TestModels;
import io.cleft.compiler.ir.IrBlock;
import io.cleft.compiler.ir.IrProgram;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Printing a library model gives text that parses back to the same model. */
class ModelRoundTripTest {
  static List<Path> libraryModels() throws IOException {
    Path directory = Path.of("").toAbsolutePath();
    while (directory != null && !Files.isDirectory(directory.resolve("models/src/main/syn"))) {
      directory = directory.getParent();
    }
    if (directory == null) {
      throw new IllegalStateException("models/src/main/syn not found above " + Path.of("").toAbsolutePath());
    }
    try (Stream<Path> files = Files.list(directory.resolve("models/src/main/syn"))) {
      return files.filter(f -> f.toString().endsWith(".syn")).sorted().toList();
    }
  }

  @Test
  void thereAreLibraryModelsToRoundTrip() throws IOException {
    assertFalse(libraryModels().isEmpty());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("libraryModels")
  void parsePrintParseGivesTheSamePrintedForm(Path model) throws IOException {
    String printed = AstPrinter.print(TestModels.parse(Files.readString(model)));
    assertEquals(printed, AstPrinter.print(TestModels.parse(printed)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("libraryModels")
  void thePrintedModelCompilesToTheSameProgram(Path model) throws IOException {
    String source = Files.readString(model);
    IrProgram original = TestModels.compile(source);
    IrProgram reprinted = TestModels.compile(AstPrinter.print(TestModels.parse(source)));
    // Source lines move when the model is reprinted; names and values must not.
    assertEquals(withoutLines(original.invariants()), withoutLines(reprinted.invariants()));
    assertEquals(original.kernels().size(), reprinted.kernels().size());
    for (int k = 0; k < original.kernels().size(); k++) {
      assertEquals(original.kernels().get(k).kind(), reprinted.kernels().get(k).kind());
      assertEquals(withoutLines(original.kernels().get(k).block()), withoutLines(reprinted.kernels().get(k).block()));
    }
    assertEquals(original.model().doc(), reprinted.model().doc());
    assertEquals(
        original.model().parameters().stream().map(p -> p.name() + p.shared() + p.unitText() + p.defaultValue() + p.range() + p.doc()).toList(),
        reprinted.model().parameters().stream().map(p -> p.name() + p.shared() + p.unitText() + p.defaultValue() + p.range() + p.doc()).toList());
  }

  /** A block's names, values and results as text, without the source lines that move. */
  private static List<String> withoutLines(IrBlock block) {
    List<String> text = new ArrayList<>();
    block.locals().forEach(l -> text.add(l.name() + "=" + l.value()));
    block.results().forEach(r -> text.add("result " + r));
    return text;
  }
}
