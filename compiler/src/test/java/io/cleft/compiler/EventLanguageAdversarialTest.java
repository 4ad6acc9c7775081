package io.cleft.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.cleft.compiler.diagnostic.Diagnostic;
import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.diagnostic.DiagnosticPrinter;
import io.cleft.compiler.diagnostic.Severity;
import io.cleft.compiler.source.SourceFile;
import io.cleft.compiler.source.SourceSpan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hand-made attacks on the event language (issue 8): the limits at and one past them (nested
 * ifs, 'else if' chains, statements per block, a handler that sets 1,000 states), names that
 * collide with the generated code's, text that could end a Java comment, CRLF files, and the odd
 * corners of handlers and current blocks. Each input either gets its diagnostic, with a position
 * and never an internal error, or is accepted, and then its generated class compiles under
 * {@code -Xlint:all -Werror} and agrees with the interpreter bit for bit, events included.
 */
class EventLanguageAdversarialTest {
  private static final int MAX = Limits.MAX_EXPRESSION_DEPTH;
  private static final Duration HANG_GUARD = Duration.ofSeconds(120);

  /** A synapse with one conductance and the given blocks after its update. */
  private static String synapse(String name, String blocks) {
    return "synapse " + name + " {\n"
        + "  parameters {\n    tau = 2 ms in [1e-9, 1e9]\n    e = 0 mV\n  }\n"
        + "  states {\n    g = 0 uS\n  }\n"
        + "  update {\n    g' = -g / tau  using exponential_euler\n  }\n"
        + blocks
        + "}\n";
  }

  private static Compilation compile(String text) {
    Compilation compilation = Pipeline.compile(new SourceFile("Adversarial.syn", text));
    for (Diagnostic d : compilation.diagnostics()) {
      assertFalse(d.code() == DiagnosticCode.INTERNAL_ERROR, () -> rendered(compilation) + "\nin:\n" + text);
      if (d.severity() == Severity.ERROR) {
        assertTrue(d.span().isPresent(), () -> "an error without a position: " + DiagnosticPrinter.render(d));
      }
    }
    return compilation;
  }

  /** Accepted, compiled lint-clean, and in agreement with the interpreter. */
  private static void assertAccepted(String text) {
    Compilation compilation = compile(text);
    if (compilation.hasErrors()) {
      fail("rejected:\n" + rendered(compilation));
    }
    GeneratedAgreement.assertGeneratedEqualsInterpreter(compilation.program().orElseThrow(), "model:\n" + text, 20261201L, 8);
  }

  /** The only error, or the first, is {@code code} at {@code line}:{@code column}. */
  private static Diagnostic assertRejected(String text, DiagnosticCode code, int line, int column) {
    Compilation compilation = compile(text);
    List<Diagnostic> errors = errors(compilation);
    assertFalse(errors.isEmpty(), () -> "accepted:\n" + text);
    Diagnostic first = errors.get(0);
    assertEquals(code, first.code(), () -> rendered(compilation));
    SourceSpan span = first.span().orElseThrow();
    assertEquals(line + ":" + column, span.line() + ":" + span.column(), () -> rendered(compilation));
    return first;
  }

  private static List<Diagnostic> errors(Compilation compilation) {
    return compilation.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
  }

  private static String rendered(Compilation compilation) {
    return compilation.diagnostics().stream().map(DiagnosticPrinter::render).collect(Collectors.joining());
  }

  // ---------------------------------------------------------------------------------------------
  // Nesting: ifs count as levels, with their conditions.

  /**
   * {@code ifs} if statements nested in a pre handler, each tested on {@code weight > 0 [uS]}
   * (4 levels: the comparison, the literal, its unit and the unit's symbol), so the deepest
   * node is {@code ifs + 4} levels deep. The innermost 'if' starts on line {@code 12 + ifs},
   * indented by two spaces for each 'if' around it and for the handler.
   */
  private static String nestedIfs(int ifs) {
    StringBuilder handler = new StringBuilder("  on pre(weight uS) {\n");
    for (int k = 0; k < ifs; k++) {
      handler.append("  ".repeat(k + 2)).append("if weight > 0 [uS] {\n");
    }
    handler.append("  ".repeat(ifs + 2)).append("g += weight\n");
    for (int k = ifs - 1; k >= 0; k--) {
      handler.append("  ".repeat(k + 2)).append("}\n");
    }
    handler.append("  }\n  current = g * (v_post - e)\n");
    return synapse("NestedIfs", handler.toString());
  }

  @Test
  void ifsNestedToTheLimitRunThroughEveryStageOnASmallerStack() {
    String text = nestedIfs(MAX - 4);
    // The stages recurse over nested ifs as over expressions: the margin the build proves for
    // expressions must hold for statements too.
    assertTimeoutPreemptively(HANG_GUARD, () -> LargeStack.call(
        () -> {
          assertAccepted(text);
          return null;
        },
        Limits.STACK_BYTES / Limits.STACK_SAFETY_FACTOR));
  }

  @Test
  void oneIfMoreIsNestedTooDeeplyAndReportedAtThatIf() {
    int ifs = MAX - 3;
    // The condition of the innermost 'if' goes past the limit: the report is at its 'if'.
    Diagnostic error = assertRejected(nestedIfs(ifs), DiagnosticCode.NESTED_TOO_DEEPLY, 12 + ifs, 2 * (ifs + 1) + 1);
    assertTrue(error.message().contains("counting the " + ifs + " 'if' statements around it"), error.message());
  }

  @Test
  void aDeepExpressionInsideAnIfIsReportedWhereItGoesPastTheLimit() {
    // One 'if' and an expression of MAX abs calls: the report is in the expression, not at the 'if'.
    String text = synapse("DeepInIf", "  on pre(weight uS) {\n    if weight > 0 [uS] {\n      g = "
        + "abs(".repeat(MAX) + "weight" + ")".repeat(MAX) + "\n    }\n  }\n  current = g * (v_post - e)\n");
    Diagnostic error = assertRejected(text, DiagnosticCode.NESTED_TOO_DEEPLY, 14, 11 + 4 * (MAX - 1));
    assertTrue(error.message().contains("counting the 'if' statement around it"), error.message());
  }

  /** An 'if' with {@code branches - 1} 'else if's and an else, in a pre handler. */
  private static String elseIfChain(int branches) {
    StringBuilder handler = new StringBuilder("  on pre(weight uS) {\n    if weight < 0 [uS] {\n      g += weight\n");
    for (int k = 1; k < branches; k++) {
      handler.append("    } else if weight < ").append(k).append(" [uS] {\n      g += ").append(k).append(" * weight\n");
    }
    handler.append("    } else {\n      g = g\n    }\n  }\n  current = g * (v_post - e)\n");
    return synapse("ElseIfs", handler.toString());
  }

  @Test
  void anElseIfChainWithinTheLimitIsAccepted() {
    assertTimeoutPreemptively(HANG_GUARD, () -> LargeStack.call(
        () -> {
          assertAccepted(elseIfChain(MAX - 4));
          return null;
        },
        Limits.STACK_BYTES / Limits.STACK_SAFETY_FACTOR));
  }

  @Test
  void anElseIfChainOf300NestsTooDeeplyAndTheDiagnosticSaysWhatToDo() {
    // Each 'else if' is an 'if' in the else of the one before: the 253rd if's condition passes
    // the limit (253 + 4 levels), reported at that 'else if', on line 13 + 2 * 252.
    Diagnostic error = assertRejected(elseIfChain(300), DiagnosticCode.NESTED_TOO_DEEPLY, 13 + 2 * (MAX - 4), 12);
    assertTrue(error.message().contains("'else if' chain"), error.message());
  }

  // ---------------------------------------------------------------------------------------------
  // Sizes: statements per block, and a handler writing every state.

  private static String handlerOf(int statements) {
    return synapse("ManyStatements", "  on pre(weight uS) {\n" + "    g += weight\n".repeat(statements)
        + "  }\n  current = g * (v_post - e)\n");
  }

  @Test
  void tenThousandStatementsInAHandlerAreWithinTheCountButNotWithinAJavaMethod() {
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      // 10,000 jumps are within the statement limit, so what stops them is the method size.
      assertRejected(handlerOf(Limits.MAX_UPDATE_STATEMENTS), DiagnosticCode.GENERATED_METHOD_TOO_LARGE, 12, 3);
      // One more is past the statement limit, reported at that statement.
      assertRejected(handlerOf(Limits.MAX_UPDATE_STATEMENTS + 1), DiagnosticCode.TOO_MANY_STATEMENTS,
          13 + Limits.MAX_UPDATE_STATEMENTS, 5);
    });
  }

  @Test
  void statementsInsideIfsCountTowardsTheLimit() {
    String body = "    if weight > 0 [uS] {\n" + "      g += weight\n".repeat(Limits.MAX_UPDATE_STATEMENTS) + "    }\n";
    String text = synapse("ManyInIf", "  on pre(weight uS) {\n" + body + "  }\n  current = g * (v_post - e)\n");
    // The 'if' is the first statement, so the 10,000th inside it is one too many.
    assertRejected(text, DiagnosticCode.TOO_MANY_STATEMENTS, 13 + Limits.MAX_UPDATE_STATEMENTS, 7);
  }

  /** A synapse of {@code count} dimensionless states, each moved by the pre handler. */
  private static String everyStateJumps(int count, String jump) {
    StringBuilder text = new StringBuilder("synapse ThousandStates {\n  parameters {\n    e = 0 mV\n  }\n  states {\n    g = 0 uS\n");
    for (int k = 0; k < count; k++) {
      text.append("    s").append(k).append(" = ").append(k % 7).append('\n');
    }
    text.append("  }\n  on pre(weight uS) {\n    g += weight\n");
    for (int k = 0; k < count; k++) {
      text.append("    s").append(k).append(jump.replace("K", Integer.toString(k))).append('\n');
    }
    return text.append("  }\n  current = g * (v_post - e)\n}\n").toString();
  }

  @Test
  void aHandlerThatSetsEachOfAThousandStatesCompilesAndAgrees() {
    assertTimeoutPreemptively(HANG_GUARD, () -> assertAccepted(everyStateJumps(1000, " += 1")));
  }

  @Test
  void aHandlerThatComputesEachOfAThousandStatesIsTooLargeForOneJavaMethod() {
    // Four operations a state are estimated past the 60,000 bytes: a diagnostic, not javac's
    // "code too large".
    assertTimeoutPreemptively(HANG_GUARD,
        () -> assertRejected(everyStateJumps(1000, " = sK * 0.5 + K"), DiagnosticCode.GENERATED_METHOD_TOO_LARGE, 1008, 3));
  }

  // ---------------------------------------------------------------------------------------------
  // Names the generated code uses for itself.

  /** The generated population's and event methods' own names, and Java's. */
  private static final String[] GENERATED_NAMES = {
    "compartment", "weight", "k", "name", "out", "value", "voltages", "postStarts", "postOrder",
    "initialize", "Objects", "Optional", "deliverPre", "deliverPost", "currentValues", "step",
    "advance", "addCurrents", "time", "synapses", "count", "index", "Math", "Double", "var", "record",
  };

  /** The model with {@code NAME} replaced; accepted and agreeing, or diagnosed (never javac's error). */
  private static void assertCompilesOrIsDiagnosed(String template, String name) {
    String text = template.replace("NAME", name);
    Compilation compilation = compile(text);
    if (!compilation.hasErrors()) {
      GeneratedAgreement.assertGeneratedEqualsInterpreter(compilation.program().orElseThrow(), "model:\n" + text, 7L, 4);
    }
  }

  private static final String NAME_AS_PARAMETER = "synapse Coll {\n  parameters {\n    NAME = 2 ms in [1e-9, 1e9]\n"
      + "    e = 0 mV\n  }\n  states {\n    g = 0 uS\n  }\n  initial {\n    d = NAME / 1 [ms]\n  }\n"
      + "  update {\n    g' = -g / NAME  using exponential_euler\n  }\n  on pre(w uS) {\n    g += w * d\n  }\n"
      + "  on post {\n    g -= g * 0.1\n  }\n  current = g * (v_post - e)\n}\n";
  private static final String NAME_AS_STATE = "synapse Coll {\n  parameters {\n    tau = 2 ms\n    e = 0 mV\n  }\n"
      + "  states {\n    NAME = 0 uS\n  }\n  update {\n    NAME' = -NAME / tau  using exponential_euler\n  }\n"
      + "  on pre(w uS) {\n    NAME += w\n  }\n  on post {\n    NAME -= NAME * 0.5\n  }\n"
      + "  current {\n    gg = NAME * 2\n    i = gg * (v_post - e)\n  }\n}\n";
  private static final String NAME_AS_DERIVED = "synapse Coll {\n  parameters {\n    tau = 2 ms\n    e = 0 mV\n  }\n"
      + "  states {\n    g = 0 uS\n  }\n  initial {\n    NAME = 2\n    if tau > 1 [ms] {\n      NAME += 1\n    }\n  }\n"
      + "  update {\n    g' = -g / tau * NAME  using exponential_euler\n  }\n"
      + "  on pre(w uS) {\n    g += w * NAME\n  }\n  current = g * NAME * (v_post - e)\n}\n";
  private static final String NAME_AS_LOCALS = "synapse Coll {\n  parameters {\n    tau = 2 ms\n    e = 0 mV\n  }\n"
      + "  states {\n    g = 0 uS\n  }\n  update {\n    NAME = 1 / tau\n    g' = -g * NAME  using exponential_euler\n  }\n"
      + "  on pre(w uS) {\n    NAME = w * 2\n    if NAME > 1 [uS] {\n      NAME -= 1 [uS]\n    }\n    g += NAME\n  }\n"
      + "  on post {\n    NAME = g * 0.5\n    g -= NAME\n  }\n"
      + "  current {\n    NAME = g * (v_post - e)\n    i = NAME\n  }\n}\n";
  private static final String NAME_AS_ARGUMENT = "synapse Coll {\n  parameters {\n    tau = 2 ms\n    e = 0 mV\n  }\n"
      + "  states {\n    g = 0 uS\n  }\n  update {\n    g' = -g / tau  using exponential_euler\n  }\n"
      + "  on pre(NAME uS) {\n    if NAME > 0 [uS] {\n      g += NAME\n    }\n  }\n  current = g * (v_post - e)\n}\n";

  @Test
  void namesOfTheGeneratedCodeAsParametersStatesLocalsAndArguments() {
    List<String> failures = new ArrayList<>();
    for (String name : GENERATED_NAMES) {
      for (String template : List.of(NAME_AS_PARAMETER, NAME_AS_STATE, NAME_AS_DERIVED, NAME_AS_LOCALS, NAME_AS_ARGUMENT)) {
        try {
          assertCompilesOrIsDiagnosed(template, name);
        } catch (AssertionError e) {
          failures.add(name + ": " + e.getMessage());
        }
      }
    }
    assertEquals(List.of(), failures);
  }

  @Test
  void theLanguagesOwnNamesAreDiagnosed() {
    // 'synapse' is a keyword; 't' and 'i' are taken: as a state, as an argument, 'i' as a local
    // of a handler (where it is no current).
    assertTrue(compile(NAME_AS_STATE.replace("NAME", "synapse")).hasErrors());
    assertTrue(compile(NAME_AS_STATE.replace("NAME", "t")).hasErrors());
    assertTrue(compile(NAME_AS_ARGUMENT.replace("NAME", "t")).hasErrors());
    assertCompilesOrIsDiagnosed(NAME_AS_ARGUMENT, "i");
    assertCompilesOrIsDiagnosed(NAME_AS_STATE, "i");
    assertCompilesOrIsDiagnosed(NAME_AS_PARAMETER, "i");
  }

  // ---------------------------------------------------------------------------------------------
  // Text that reaches the generated source.

  @ParameterizedTest
  @ValueSource(strings = {"*/", "\\u002a/", "\\u000a class X {}", "/*", "\\", "\"", "\\uuuu000a"})
  void commentsAndDocCommentsInTheNewBlocksCannotBreakTheJava(String text) {
    // As text of a doc string, a line comment, and a (doc) comment, which "*/" would end in the
    // model already: what javac must never see as its own comment's end or as a unicode escape.
    String inString = text.replace("\\", "\\\\").replace("\"", "'");
    String inComment = text.replace("*/", "* /");
    String model = "/** the synapse " + inComment + " */\nsynapse Docs {\n  parameters {\n    tau = 2 ms \"tau " + inString + "\"\n"
        + "    e = 0 mV\n  }\n  states {\n    /** g " + inComment + " */\n    g = 0 uS\n  }\n"
        + "  initial {\n    /** derived " + inComment + " */\n    d = 2 // " + text + "\n  }\n"
        + "  update {\n    g' = -g / tau  using exponential_euler // " + text + "\n  }\n"
        + "  on pre(weight uS) { // " + text + "\n    /* " + inComment + " */ g += weight * d // " + text + "\n"
        + "    if weight > 0 [uS] { // " + text + "\n      g += weight\n    } // " + text + "\n  }\n"
        + "  on post {\n    g -= 0.5 * g /* " + inComment + " */\n  }\n"
        + "  current {\n    // " + text + "\n    i = g * (v_post - e) // " + text + "\n  }\n}\n";
    assertAccepted(model);
  }

  @Test
  void crlfFilesCompileAndReportTheirErrorsWhereLineFeedsWould() {
    String model = synapse("Crlf", "  initial {\n    d = 2\n  }\n  on pre(weight uS) {\n    if weight > 0 [uS] {\n"
        + "      g += weight * d\n    } else {\n      g -= weight\n    }\n  }\n  on post {\n    g = 0 [uS]\n  }\n"
        + "  current {\n    x = g * 2\n    i = x * (v_post - e)\n  }\n");
    assertAccepted(model.replace("\n", "\r\n"));
    String broken = model.replace("g += weight * d", "g += weight * d * 1 [ms]");
    Diagnostic lf = assertRejected(broken, DiagnosticCode.JUMP_UNIT, 17, 12);
    Diagnostic crlf = assertRejected(broken.replace("\n", "\r\n"), DiagnosticCode.JUMP_UNIT, 17, 12);
    Diagnostic cr = assertRejected(broken.replace("\n", "\r"), DiagnosticCode.JUMP_UNIT, 17, 12);
    assertEquals(lf.message(), crlf.message());
    assertEquals(lf.message(), cr.message());
  }

  // ---------------------------------------------------------------------------------------------
  // The odd corners of handlers and current blocks.

  @Test
  void aWeightWithAnUnknownUnitIsOneDiagnostic() {
    String text = synapse("Furlong", "  on pre(weight furlong) {\n    g += weight\n    g = g * weight\n  }\n"
        + "  current = g * (v_post - e)\n");
    Compilation compilation = compile(text);
    List<Diagnostic> errors = errors(compilation);
    // Its uses have no dimension, so they are not unit errors as well.
    assertEquals(1, errors.size(), () -> rendered(compilation));
    assertEquals(DiagnosticCode.UNKNOWN_UNIT, errors.get(0).code());
    assertEquals("12:17", errors.get(0).span().orElseThrow().line() + ":" + errors.get(0).span().orElseThrow().column());
  }

  @Test
  void emptyParenthesesAreAPreHandlerWithoutWeight() {
    assertAccepted(synapse("NoWeight", "  on pre() {\n    g += 1 [uS]\n  }\n  current = g * (v_post - e)\n"));
    assertAccepted(synapse("NoWeight", "  on post() {\n    g = 0 [uS]\n  }\n  current = g * (v_post - e)\n"));
  }

  @Test
  void emptyBranchesAndEmptyBlocksAreAccepted() {
    assertAccepted(synapse("Empty", "  initial {\n  }\n  on pre(weight uS) {\n    if weight > 0 [uS] {\n    } else if weight < 0 [uS] {\n"
        + "      g += weight\n    } else {\n    }\n    if g > 1 [uS] {\n    }\n  }\n  on post {\n  }\n"
        + "  current {\n    if g > 0 [uS] {\n    }\n    i = g * (v_post - e)\n  }\n"));
  }

  @Test
  void aCurrentBlockMayReassignItsCurrent() {
    // 'i' is a value of the block like any other: the last value is the current.
    assertAccepted(synapse("TwoI", "  current {\n    i = g * (v_post - e)\n    i = 2 * i\n    if v_post > 0 [mV] {\n"
        + "      i -= g * 1 [mV]\n    }\n  }\n"));
  }

  @Test
  void aCurrentWhoseIIsOnlyInABranchIsMissingItsCurrent() {
    assertRejected(synapse("BranchI", "  current {\n    if v_post > 0 [mV] {\n      i = g * (v_post - e)\n    }\n  }\n"),
        DiagnosticCode.CURRENT_WITHOUT_I, 12, 3);
  }

  @Test
  void anInitialBlockMayReadTheStatesDeclaredValues() {
    assertAccepted("synapse ReadsState {\n  parameters {\n    tau = 2 ms\n    e = 0 mV\n  }\n  states {\n    g = 1 uS\n    s = 0.5\n  }\n"
        + "  initial {\n    k = s + 1\n    s = k * s\n    k -= s\n    g = g * k\n  }\n"
        + "  update {\n    l = k * 2\n    s' = (l - s) / tau  using exponential_euler\n    g' = -g / tau  using exponential_euler\n  }\n"
        + "  on pre(weight uS) {\n    g += weight * k\n  }\n  current = g * s * (v_post - e)\n}\n");
  }

  @Test
  void timeIsVisibleInHandlersUpdateAndCurrentButNotInInitial() {
    assertAccepted(synapse("Time", "  on pre(weight uS) {\n    g += weight * t / tau\n  }\n"
        + "  current = g * (v_post - e) * (1 + t / 1000 [ms])\n"));
    assertRejected(synapse("Time", "  initial {\n    d = t / tau\n  }\n  current = g * (v_post - e)\n"),
        DiagnosticCode.NOT_VISIBLE_IN_BLOCK, 13, 9);
  }

  /** x0 .. x{n-1}, each reading the one before twice, then {@code use} of the last. */
  private static String chain(String indent, String first, int n) {
    return indent + "x0 = " + first + "\n" + IntStream.range(1, n)
        .mapToObj(k -> indent + "x" + k + " = x" + (k - 1) + " * 0.5 + x" + (k - 1) + " * 0.25\n")
        .collect(Collectors.joining());
  }

  @Test
  void chainsOfValuesInEveryBlockTakeTimeLinearInTheirLength() {
    // Locals that each read the one before twice: exponential if anything inlined them, in
    // initial (whose values become invariants), a handler, or the current block and its derivative.
    int n = 2000;
    List<String> models = List.of(
        synapse("Chain", "  initial {\n" + chain("    ", "tau / 1 [ms]", n) + "  }\n  on pre(weight uS) {\n    g += weight * x"
            + (n - 1) + "\n  }\n  current = g * x" + (n - 1) + " * (v_post - e)\n"),
        synapse("Chain", "  on pre(weight uS) {\n" + chain("    ", "weight / 1 [uS]", n) + "    g += x" + (n - 1) + " * 1 [uS]\n  }\n"
            + "  current = g * (v_post - e)\n"),
        synapse("Chain", "  current {\n" + chain("    ", "v_post / 1 [mV]", n) + "    i = g * x" + (n - 1) + " * (v_post - e)\n  }\n"));
    for (String text : models) {
      assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
        compile(text);
      });
    }
  }

  /** {@code n} derived values in initial, each used by the handler or the current. */
  private static String manyDerived(int n, boolean usedByHandler) {
    StringBuilder initial = new StringBuilder("  initial {\n");
    StringBuilder sum = new StringBuilder("0");
    for (int k = 0; k < n; k++) {
      initial.append("    d").append(k).append(" = tau / ").append(k + 1).append(" [ms]\n");
      sum.append(k % 100 == 99 ? "\n" : "").append(" + d").append(k);
    }
    initial.append("  }\n");
    // The sum in locals of 100 terms each, within the nesting limit.
    String[] lines = sum.toString().split("\n");
    StringBuilder block = new StringBuilder();
    String total = "0";
    for (int k = 0; k < lines.length; k++) {
      block.append("    part").append(k).append(" = ").append(total).append(k == 0 ? "" : " + 0").append(lines[k]).append('\n');
      total = "part" + k;
    }
    return synapse("ManyDerived", initial
        + (usedByHandler
            ? "  on pre(weight uS) {\n" + block + "    g += weight * " + total + "\n  }\n  current = g * (v_post - e)\n"
            : "  current {\n" + block + "    i = g * " + total + " * (v_post - e)\n  }\n"));
  }

  @ParameterizedTest
  @ValueSource(ints = {1000, 3000, 10_000})
  void manyDerivedValuesCompileOrAreTooLargeButNeverBreakJavac(int n) {
    for (boolean handler : new boolean[] {true, false}) {
      String text = manyDerived(n, handler);
      assertTimeoutPreemptively(HANG_GUARD, () -> {
        Compilation compilation = compile(text);
        // 1,000 fit; 3,000 once made javac say "code too large" (cachesAreCurrent), now SYN080.
        assertEquals(n > 1000, compilation.hasErrors(), () -> n + ": " + rendered(compilation));
        if (compilation.hasErrors()) {
          assertEquals(List.of(DiagnosticCode.GENERATED_METHOD_TOO_LARGE),
              errors(compilation).stream().map(Diagnostic::code).distinct().toList(), () -> rendered(compilation));
        } else {
          GeneratedAgreement.assertGeneratedEqualsInterpreter(compilation.program().orElseThrow(), "ManyDerived " + n, 3L, 2);
        }
      });
    }
  }

  /** {@code n} values in one block, each small, all summed in locals of 100 terms. */
  private static String manyValues(String block, int n) {
    StringBuilder body = new StringBuilder();
    String source = switch (block) {
      case "initial" -> "tau / 1 [ms]";
      case "pre" -> "weight / 1 [uS]";
      default -> "v_post / 1 [mV]";
    };
    for (int k = 0; k < n; k++) {
      body.append("    x").append(k).append(" = ").append(source).append(" * ").append(k + 1).append('\n');
    }
    String total = "0";
    for (int c = 0; c * 100 < n; c++) {
      body.append("    part").append(c).append(" = ").append(total);
      for (int k = c * 100; k < Math.min(n, (c + 1) * 100); k++) {
        body.append(" + x").append(k);
      }
      body.append('\n');
      total = "part" + c;
    }
    return switch (block) {
      case "initial" -> synapse("Many", "  initial {\n" + body + "  }\n  current = g * " + total + " * (v_post - e)\n");
      case "pre" -> synapse("Many", "  on pre(weight uS) {\n" + body + "    g += weight * " + total + "\n  }\n  current = g * (v_post - e)\n");
      default -> synapse("Many", "  current {\n" + body + "    i = g * " + total + " * (v_post - e)\n  }\n");
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"initial", "pre", "current"})
  void blocksNearTheSizeLimitCompileOrAreDiagnosedNeverJavacsCodeTooLarge(String block) {
    for (int n : new int[] {500, 1000, 1500, 2000}) {
      String text = manyValues(block, n);
      assertTimeoutPreemptively(HANG_GUARD, () -> {
        Compilation compilation = compile(text);
        if (compilation.hasErrors()) {
          assertEquals(List.of(DiagnosticCode.GENERATED_METHOD_TOO_LARGE),
              errors(compilation).stream().map(Diagnostic::code).distinct().toList(), () -> rendered(compilation));
        } else {
          GeneratedAgreement.assertGeneratedEqualsInterpreter(compilation.program().orElseThrow(), block + " " + n, 5L, 2);
        }
      });
    }
    // The smallest always fits: the test cannot pass by rejecting everything.
    assertFalse(compile(manyValues(block, 500)).hasErrors());
  }
}
