package io.cleft.compiler.emit;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import com.palantir.javapoet.JavaFile;
import io.cleft.compiler.Pipeline;
import io.cleft.compiler.diagnostic.Diagnostic;
import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.diagnostic.Severity;
import io.cleft.compiler.interp.Interpreter;
import io.cleft.compiler.ir.IrProgram;
import io.cleft.compiler.load.InMemoryCompiler;
import io.cleft.compiler.optimize.MathMode;
import io.cleft.compiler.optimize.Optimizer;
import io.cleft.compiler.source.SourceFile;
import io.cleft.runtime.ArraySynapse;
import io.cleft.runtime.Quantity;
import io.cleft.runtime.Synapse;
import io.cleft.runtime.SynapseMetadata;
import io.cleft.runtime.SynapsePopulation;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The robustness reproducers that once made the emitter misbehave (model text that became Java,
 * generated classes javac rejected or crashed on) are either rejected by {@code check} with a
 * proper diagnostic or compile lint-clean under {@code --release 17} and agree with the
 * interpreter bit for bit, through the map interface and a population's three methods.
 */
class GeneratedReproducersTest {
  private static final Path DIRECTORY = Path.of("src/test/resources/robustness");

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "generated-code-wrong_u000a-comment-runs-java-at-eval.syn",
        "interp-vs-generated-mismatch_u000a-in-comment-becomes-code.syn",
        "javac-fails_backslash-u-in-line-comment.syn",
        "javac-fails_backslash-u002a-in-doc-comment.syn",
        "javac-fails_block-comment-inside-unit.syn",
        "javac-fails_cachesAreCurrent-duplicate-local.syn",
        "javac-fails_code-too-large-2000-parameters.syn",
        "javac-fails_doc-string-with-U+2028.syn",
        "javac-fails_doc-string-with-backslash-u.syn",
        "javac-fails_doc-string-with-deprecated-tag.syn",
        "javac-fails_doc-string-with-star-slash.syn",
        "javac-fails_parameter-named-Math.syn",
        "javac-fails_parameter-named-name.syn",
        "javac-fails_synapse-named-Math.syn",
        "javac-fails_synapse-named-Population.syn",
        "stack-trace_eval-nested-abs-300-javac-crash.syn",
        "internal-error_compile-only_nested-if-1000.syn"
      })
  void compilesLintCleanAndAgreesWithTheInterpreter(String file) {
    io.cleft.compiler.Compilation compilation = onLargeStack(() -> frontEnd(file));
    List<Diagnostic> errors = compilation.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
    assertTrue(errors.isEmpty(), () -> file + ": " + errors);
    IrProgram program = compilation.program().orElseThrow();
    IrProgram optimized = onLargeStack(() -> Optimizer.optimize(program, MathMode.IEEE));

    JavaFile source = JavaEmitter.emit(optimized, "io.cleft.reproducers");
    String text = source.toString();
    assertTrue(text.chars().allMatch(c -> c == '\n' || (c >= 0x20 && c < 0x7f)), "generated source is not printable ASCII");
    // javac would translate one before reading comments and literals: model text could become code
    assertFalse(JavaTextTest.containsUnicodeEscape(text), "generated source holds a unicode escape");
    Compilation javac =
        javac()
            .withOptions("--release", "17", "-Xlint:all", "-Werror")
            .withClasspath(List.of(new File(ArraySynapse.class.getProtectionDomain().getCodeSource().getLocation().getPath())))
            .compile(source.toJavaFileObject());
    assertThat(javac).succeededWithoutWarnings();

    assertAgreesWithInterpreter(new Interpreter(program), InMemoryCompiler.load(source), file);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"internal-error_java-keyword-synapse-name.syn", "javac-fails_synapse-named-var.syn"})
  void aSynapseNameThatCannotNameAClassIsRejectedAtItsPosition(String file) {
    List<Diagnostic> errors =
        onLargeStack(() -> frontEnd(file)).diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
    assertEquals(1, errors.size(), () -> errors.toString());
    Diagnostic error = errors.get(0);
    assertEquals(DiagnosticCode.INVALID_CLASS_NAME, error.code());
    assertEquals(1, error.span().orElseThrow().line());
    assertEquals(9, error.span().orElseThrow().column());
  }

  private static io.cleft.compiler.Compilation frontEnd(String file) {
    Path path = DIRECTORY.resolve(file);
    try {
      return Pipeline.compile(new SourceFile(path.toString(), Files.readString(path)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The front end and the optimizer run on a thread with a large stack: how deep their own
   * passes may recurse is their concern (and their tests'); this test is about the emitted code,
   * which is emitted and compiled on the test's ordinary stack, as javac runs on a user's.
   */
  private static <T> T onLargeStack(Supplier<T> work) {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread thread =
        new Thread(
            null,
            () -> {
              try {
                result.set(work.get());
              } catch (RuntimeException | Error e) {
                failure.set(e);
              }
            },
            "large stack",
            1L << 30);
    thread.start();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    if (failure.get() != null) {
      throw new AssertionError("failed before emission", failure.get());
    }
    return result.get();
  }

  /** 300 random draws through the map interface, then a population of them through its methods. */
  private static void assertAgreesWithInterpreter(Interpreter interpreter, Synapse synapse, String file) {
    SynapseMetadata metadata = synapse.metadata();
    SplittableRandom random = new SplittableRandom(file.hashCode());
    int n = 300;
    GeneratedCodeTest.Inputs[] inputs = new GeneratedCodeTest.Inputs[n];
    for (int i = 0; i < n; i++) {
      GeneratedCodeTest.Inputs in = GeneratedCodeTest.Inputs.draw(metadata, random);
      inputs[i] = in;
      double[] next = interpreter.update(in.parameters(), in.states(), in.dt(), in.vPre(), in.vPost());
      Map<String, Double> actual =
          synapse.updateStates(
              prefixed(synapse, metadata.states(), in.states()), in.dt(), in.vPre(), in.vPost(),
              prefixed(synapse, metadata.parameters(), in.parameters()));
      for (int s = 0; s < next.length; s++) {
        assertBits(next[s], actual.get(synapse.name() + "_" + metadata.states().get(s).name()), file + " updateStates", in);
      }
      double current =
          synapse.computeCurrent(
              prefixed(synapse, metadata.states(), in.states()), in.vPre(), in.vPost(),
              prefixed(synapse, metadata.parameters(), in.parameters()));
      assertBits(interpreter.current(in.parameters(), in.states(), in.vPre(), in.vPost()), current, file + " computeCurrent", in);
    }

    // Synapse i reads compartments 2i and 2i + 1 and adds into 2i + 1: each sum has one term.
    int[] pre = new int[n];
    int[] post = new int[n];
    double[] voltages = new double[2 * n];
    for (int i = 0; i < n; i++) {
      pre[i] = 2 * i;
      post[i] = 2 * i + 1;
      voltages[2 * i] = inputs[i].vPre();
      voltages[2 * i + 1] = inputs[i].vPost();
    }
    double dt = inputs[0].dt();
    SynapsePopulation population = synapse.newPopulation(pre, post);
    for (int i = 0; i < n; i++) {
      for (int p = 0; p < metadata.parameters().size(); p++) {
        population.parameter(metadata.parameters().get(p).name())[i] = inputs[i].parameters()[p];
      }
      for (int s = 0; s < metadata.states().size(); s++) {
        population.state(metadata.states().get(s).name())[i] = inputs[i].states()[s];
      }
    }
    population.parametersChanged();
    double[] current = new double[2 * n];
    double[] conductance = new double[2 * n];
    population.addCurrents(voltages, current, conductance);
    population.advance(dt, voltages, current, conductance);
    for (int i = 0; i < n; i++) {
      GeneratedCodeTest.Inputs in = inputs[i];
      double[] before = interpreter.currentTerms(in.parameters(), in.states(), in.vPre(), in.vPost());
      double[] next = interpreter.update(in.parameters(), in.states(), dt, in.vPre(), in.vPost());
      double[] after = interpreter.currentTerms(in.parameters(), next, in.vPre(), in.vPost());
      for (int s = 0; s < next.length; s++) {
        assertBits(next[s], population.state(metadata.states().get(s).name())[i], file + " advance, synapse " + i, in);
      }
      double[] expectedCurrent = {0.0, 0.0};
      expectedCurrent[0] += before[IrProgram.CURRENT];
      expectedCurrent[0] += after[IrProgram.CURRENT];
      expectedCurrent[1] += before[IrProgram.CONDUCTANCE];
      expectedCurrent[1] += after[IrProgram.CONDUCTANCE];
      assertBits(expectedCurrent[0], current[post[i]], file + " addCurrents + advance: current, synapse " + i, in);
      assertBits(expectedCurrent[1], conductance[post[i]], file + " addCurrents + advance: conductance, synapse " + i, in);
    }
  }

  private static Map<String, Double> prefixed(Synapse synapse, List<Quantity> quantities, double[] values) {
    Map<String, Double> map = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      map.put(synapse.name() + "_" + quantities.get(i).name(), values[i]);
    }
    return map;
  }

  private static void assertBits(double expected, Double actual, String what, GeneratedCodeTest.Inputs in) {
    if (actual == null || Double.doubleToLongBits(expected) != Double.doubleToLongBits(actual)) {
      fail(what + " is " + actual + " but the interpreter gives " + expected + " for " + in);
    }
  }
}
