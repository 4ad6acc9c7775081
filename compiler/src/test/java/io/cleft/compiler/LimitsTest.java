package io.cleft.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleft.compiler.diagnostic.Diagnostic;
import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.emit.JavaEmitter;
import io.cleft.compiler.interp.Interpreter;
import io.cleft.compiler.ir.IrProgram;
import io.cleft.compiler.optimize.MathMode;
import io.cleft.compiler.optimize.Optimizer;
import io.cleft.compiler.source.SourceFile;
import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Limits}: a model exactly at the nesting limit goes through every stage (check, solve,
 * lower, the derivative of the current, optimize in both math modes, emit, interpret) on a stack
 * {@link Limits#STACK_SAFETY_FACTOR} times smaller than the one cleft runs on; one level more is
 * SYN010. Each shape stresses a different recursion: calls, conditionals, a flat sum, parentheses,
 * unary minus, a right-associative power, a derivative that copies operands, the linear
 * decomposition of an equation over many denominators, and units.
 */
class LimitsTest {
  private static final int MAX = Limits.MAX_EXPRESSION_DEPTH;
  private static final Duration HANG_GUARD = Duration.ofSeconds(60);

  /** A shape, and how to build it for a depth: its name, the model, the depth it makes. */
  record Shape(String name, IntFunction<String> model) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static String synapse(String parameters, String update, String current) {
    return "synapse Deep {\n"
        + "  parameters { g = 1 uS  v_th = 10 mV " + parameters + " }\n"
        + "  states { s = 0.5 }\n"
        + "  update {\n    " + update + "\n  }\n"
        + "  current = " + current + "\n"
        + "}\n";
  }

  private static String current(String current) {
    return synapse("", "s = s", current);
  }

  private static String repeat(String text, int times) {
    return text.repeat(Math.max(0, times));
  }

  // Each builds a model whose deepest expression is exactly `depth` levels deep, counting as
  // Limits says: one level per expression node and unit factor, a unit of n factors n more.
  static Stream<Shape> shapes() {
    return Stream.of(
        new Shape("nested calls", d -> current(repeat("abs(", d - 2) + "g * v_post" + repeat(")", d - 2))),
        new Shape("nested if", d -> current(repeat("if v_pre > v_post then ", d - 2) + "g * v_post"
            + repeat(" else g * v_post", d - 2))),
        new Shape("flat sum", d -> current(String.join(" + ", java.util.Collections.nCopies(d - 1, "g * v_post")))),
        new Shape("parentheses", d -> current(repeat("(", d - 2) + "g * v_post" + repeat(")", d - 2))),
        new Shape("unary minus", d -> current("g * " + repeat("-", d - 2) + "v_post")),
        new Shape("power tower", d -> current("g * v_post * ("
            + String.join(" ^ ", java.util.Collections.nCopies(d - 4, "(v_post / v_th)")) + ")")),
        new Shape("derivative of nested tanh", d -> current("g * v_post * " + repeat("tanh(", d - 3) + "v_post / v_th"
            + repeat(")", d - 3))),
        new Shape("derivative of nested divisions", d -> current("g * v_th * " + repeat("(v_post / ", (d - 2) / 2) + "v_th"
            + repeat(")", (d - 2) / 2))),
        new Shape("equation over many denominators", d -> synapse(
            IntStream.range(0, d - 2).mapToObj(i -> "tau" + i + " = " + (i + 1) + " ms").collect(Collectors.joining("  ")),
            "s' = " + IntStream.range(0, d - 2).mapToObj(i -> "-s / tau" + i).collect(Collectors.joining(" ")).replace(" -", " - ")
                + "  using exponential_euler",
            "g * s * v_post")),
        new Shape("nested unit groups", d -> current("g * 1 [" + repeat("(", (d - 6) / 2) + "mV"
            + repeat(")", (d - 6) / 2) + "] * v_post / v_th")),
        new Shape("long unit", d -> current("g * 1 [mV" + repeat("*mV/mV", (d - 5) / 2) + "] * v_post / v_th")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void atTheLimitEveryStageRunsOnAStackSmallerByTheSafetyFactor(Shape shape) {
    String text = shape.model().apply(MAX);
    // A hang guard only (each takes well under a second): exponential work would never end.
    assertTimeoutPreemptively(HANG_GUARD, () -> LargeStack.call(
        () -> {
          Compilation compilation = Pipeline.compile(new SourceFile("Deep.syn", text));
          assertEquals(List.of(), errorsBesidesJavaSize(compilation), shape.name());
          if (compilation.hasErrors()) {
            // Its derivative or its calls make too much code for one Java method: check says so
            // (SYN080), and no later stage runs on it.
            return null;
          }
          IrProgram program = compilation.program().orElseThrow();
          for (MathMode mode : MathMode.values()) {
            IrProgram optimized = Optimizer.optimize(program, mode);
            assertTrue(JavaEmitter.emit(optimized, "", false).toString().contains("class Deep"));
            double[] parameters = TestModels.defaultParameters(program);
            double[] states = TestModels.initialStates(program);
            new Interpreter(optimized).update(parameters, states, 0.025, -20, -65);
            new Interpreter(optimized).currentTerms(parameters, states, -20, -65);
          }
          return null;
        },
        Limits.STACK_BYTES / Limits.STACK_SAFETY_FACTOR));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void oneLevelMoreIsNestedTooDeeply(Shape shape) {
    // Some shapes grow two levels at a time; the next size up is beyond the limit either way.
    String atLimit = shape.model().apply(MAX);
    String text = shape.model().apply(MAX + 2).equals(atLimit) ? null : shape.model().apply(MAX + 2);
    String over = shape.model().apply(MAX + 1).equals(atLimit) ? text : shape.model().apply(MAX + 1);
    List<Diagnostic> errors = Pipeline.compile(new SourceFile("Deep.syn", over)).diagnostics();
    assertEquals(1, errors.size(), errors.toString());
    assertEquals(DiagnosticCode.NESTED_TOO_DEEPLY, errors.get(0).code());
  }

  @Test
  void theReportIsAtTheFirstNodeBeyondTheLimit() {
    // With MAX - 1 calls, the model's names are at depth MAX + 1: g is the first, after the calls.
    String text = current(repeat("abs(", MAX - 1) + "g * v_post" + repeat(")", MAX - 1));
    Diagnostic error = Pipeline.compile(new SourceFile("Deep.syn", text)).diagnostics().get(0);
    assertEquals(DiagnosticCode.NESTED_TOO_DEEPLY, error.code());
    assertEquals(7, error.span().orElseThrow().line());
    assertEquals(13 + 4 * (MAX - 1), error.span().orElseThrow().column());
  }

  @Test
  void atTheLimitOfDeclarationsAndStatementsAModelChecks() {
    String parameters = IntStream.range(0, Limits.MAX_DECLARATIONS - 3).mapToObj(i -> "p" + i + " = 0")
        .collect(Collectors.joining("\n    "));
    String statements = IntStream.range(0, Limits.MAX_UPDATE_STATEMENTS - 1).mapToObj(i -> "l" + i + " = 0")
        .collect(Collectors.joining("\n    "));
    String text = synapse(parameters, statements + "\n    s = s", "g * v_post");
    Compilation compilation = Pipeline.compile(new SourceFile("Large.syn", text));
    // The front end takes it; its generated class would not fit Java's limits, and check says so.
    assertEquals(List.of(), errorsBesidesJavaSize(compilation));
    assertTrue(compilation.diagnostics().stream().anyMatch(d -> d.code() == DiagnosticCode.GENERATED_METHOD_TOO_LARGE));
  }

  /** Errors other than SYN080, which says that the generated class would exceed Java's limits. */
  private static List<String> errorsBesidesJavaSize(Compilation compilation) {
    return compilation.diagnostics().stream()
        .filter(d -> d.isError() && d.code() != DiagnosticCode.GENERATED_METHOD_TOO_LARGE)
        .map(Diagnostic::headline)
        .toList();
  }
}
