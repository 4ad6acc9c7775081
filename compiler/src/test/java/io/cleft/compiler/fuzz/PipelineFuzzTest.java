package io.cleft.compiler.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.cleft.compiler.Compilation;
import io.cleft.compiler.GeneratedAgreement;
import io.cleft.compiler.Pipeline;
import io.cleft.compiler.diagnostic.Diagnostic;
import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.diagnostic.DiagnosticPrinter;
import io.cleft.compiler.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * A bounded fuzz test of the whole pipeline, in the build: random models and random damage to the
 * library's models go through parse, check, solve, lowering, optimisation, emission and javac.
 * For every input: nothing throws and no internal error (SYN199) is reported; every diagnostic
 * has a position inside the file. For every input {@code check} accepts: the generated class
 * compiles under {@code -Xlint:all -Werror} and gives the interpreter's bits on random inputs.
 *
 * <p>The build draws the same models every time (the seeds are fixed), so it cannot fail by
 * chance; the numbers of tries keep it near a minute on a 2-core machine. A campaign draws other
 * models, {@code cleft.fuzz.scale} per try, from seeds mixed with {@code cleft.fuzz.salt}:
 * {@code mvn -pl compiler -am test -Dtest=PipelineFuzzTest -Dcleft.fuzz.scale=20 -Dcleft.fuzz.salt=7}.
 * A failure names the model text; the salt and jqwik's seed reproduce it.
 */
class PipelineFuzzTest {
  private static final int SCALE = Integer.getInteger("cleft.fuzz.scale", 1);
  private static final long SALT = Long.getLong("cleft.fuzz.salt", 0);
  private static final List<String> LIBRARY = libraryModels();
  private static final AtomicInteger ACCEPTED_RANDOM = new AtomicInteger();
  private static final AtomicInteger ACCEPTED_MUTATED = new AtomicInteger();
  private static final AtomicInteger TRIED_RANDOM = new AtomicInteger();
  private static final AtomicInteger TRIED_MUTATED = new AtomicInteger();

  @Property(tries = 120, seed = "20261201")
  void randomModelsNeverBreakThePipeline(@ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed ^ SALT);
    for (int round = 0; round < SCALE; round++) {
      String text = RandomModels.wellTyped(random, round);
      TRIED_RANDOM.incrementAndGet();
      if (compileAndCompare(text, seed)) {
        ACCEPTED_RANDOM.incrementAndGet();
      }
    }
  }

  @Property(tries = 600, seed = "20261202")
  void damagedLibraryModelsNeverBreakThePipeline(@ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed ^ SALT);
    for (int round = 0; round < SCALE; round++) {
      String text = RandomModels.mutated(random, LIBRARY.get(random.nextInt(LIBRARY.size())));
      TRIED_MUTATED.incrementAndGet();
      if (compileAndCompare(text, seed)) {
        ACCEPTED_MUTATED.incrementAndGet();
      }
    }
  }

  /**
   * A fuzzer that produces only rejected models tests nothing after the checker: most random
   * models, and some damaged ones, must be accepted.
   */
  @AfterContainer
  static void enoughModelsReachCodeGeneration() {
    System.out.printf(
        "fuzz: %d of %d random models and %d of %d damaged library models were accepted, compiled and compared%n",
        ACCEPTED_RANDOM.get(), TRIED_RANDOM.get(), ACCEPTED_MUTATED.get(), TRIED_MUTATED.get());
    // A third of the random models and a twentieth of the damaged ones, when their property ran.
    assertTrue(3 * ACCEPTED_RANDOM.get() >= TRIED_RANDOM.get(), "too few random models were accepted");
    assertTrue(20 * ACCEPTED_MUTATED.get() >= TRIED_MUTATED.get(), "too few damaged models were accepted");
  }

  /** Whether {@code check} accepted the model (after which it was compiled and compared). */
  private static boolean compileAndCompare(String text, long seed) {
    SourceFile source = new SourceFile("fuzz.syn", text);
    Compilation compilation;
    try {
      compilation = Pipeline.compile(source);
    } catch (Throwable t) {
      throw new AssertionError("the pipeline threw on:\n" + text, t);
    }
    for (Diagnostic d : compilation.diagnostics()) {
      assertFalse(d.code() == DiagnosticCode.INTERNAL_ERROR, () -> "internal error on:\n" + text + "\n" + rendered(compilation));
      String rendering = DiagnosticPrinter.render(d);
      assertFalse(rendering.isBlank());
      // Lines end at LF, CRLF or a lone CR, and columns count code points (docs/LANGUAGE.md);
      // the end of the file is just past the last character of the last line.
      String[] lines = text.split("\r\n|\r|\n", -1);
      d.span().ifPresent(span -> {
        boolean inside = span.line() >= 1 && span.line() <= lines.length && span.column() >= 1
            && span.column() <= lines[span.line() - 1].codePointCount(0, lines[span.line() - 1].length()) + 1;
        if (!inside) {
          fail("diagnostic outside the file: " + rendering + " in:\n" + text);
        }
      });
    }
    if (compilation.hasErrors()) {
      return false;
    }
    try {
      GeneratedAgreement.assertGeneratedEqualsInterpreter(compilation.program().orElseThrow(), "model:\n" + text, seed, 8);
    } catch (AssertionError e) {
      throw e;
    } catch (Throwable t) {
      throw new AssertionError("code generation failed for an accepted model:\n" + text, t);
    }
    return true;
  }

  private static String rendered(Compilation compilation) {
    return compilation.diagnostics().stream().map(DiagnosticPrinter::render).collect(Collectors.joining());
  }

  private static List<String> libraryModels() {
    try (Stream<Path> files = Stream.concat(Files.list(Path.of("../models/src/main/syn")), Files.list(Path.of("src/test/resources/good")))) {
      return files.filter(p -> p.toString().endsWith(".syn")).sorted().map(p -> {
        try {
          return Files.readString(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
