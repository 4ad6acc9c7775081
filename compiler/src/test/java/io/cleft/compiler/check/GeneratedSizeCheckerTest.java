package io.cleft.compiler.check;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleft.compiler.Compilation;
import io.cleft.compiler.Pipeline;
import io.cleft.compiler.diagnostic.Diagnostic;
import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.diagnostic.Severity;
import io.cleft.compiler.emit.JavaEmitter;
import io.cleft.compiler.optimize.Optimizer;
import io.cleft.compiler.source.SourceFile;
import io.cleft.runtime.ArraySynapse;
import io.cleft.runtime.vector.ArrayMath;
import java.io.File;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The limit on the size of the generated class, on the shapes of model that cost the most
 * bytecode for what the estimate counts: a chain of calls each with arithmetic around it (one
 * loop per call and per arithmetic step in the population), a current nested in calls (its
 * derivative doubles it), parameters alone (the constructor), and a current block of named
 * values (the population's currentValues), a system stepped by rk4 (each stage a copy of the
 * right-hand sides and the locals they read), a nonlinear and a linear system under implicit_euler
 * (an elimination unrolled, for the nonlinear one in each Newton iteration). For each, the largest model
 * the limit allows is accepted and compiles with {@code -Xlint:all -Werror}, so the estimate is
 * not below the real size there; one step more is rejected at the synapse's name with SYN080.
 */
class GeneratedSizeCheckerTest {
  /** Cost of what every chain model has around its chain: see {@link #callChain(int)}. */
  private static final int CHAIN_FIXED =
      3 * GeneratedSizeChecker.OPERATION // l0 = v_pre / 1 [mV]
          + GeneratedSizeChecker.OPERATION // s = last
          + GeneratedSizeChecker.CURRENT_FACTOR * 3 * GeneratedSizeChecker.OPERATION // current = s * 1 [nA]
          + GeneratedSizeChecker.PER_UPDATED_STATE
          + GeneratedSizeChecker.PER_DECLARATION;

  static Stream<Arguments> shapes() {
    int link = GeneratedSizeChecker.CALL + 3 * GeneratedSizeChecker.OPERATION; // exp(l * 0.001)
    int chainLinks = (GeneratedSizeChecker.BYTECODE_LIMIT - CHAIN_FIXED) / link;
    int level = GeneratedSizeChecker.CURRENT_FACTOR * GeneratedSizeChecker.CALL; // tanh(...)
    int currentFixed =
        GeneratedSizeChecker.CURRENT_FACTOR * 7 * GeneratedSizeChecker.OPERATION + GeneratedSizeChecker.PER_DECLARATION;
    int levels = (GeneratedSizeChecker.BYTECODE_LIMIT - currentFixed) / level;
    int parameters = GeneratedSizeChecker.BYTECODE_LIMIT / GeneratedSizeChecker.CONSTRUCTOR_PER_DECLARATION;
    // Each named value g * v_post * k (with its derivative, a local of its own), and its case in
    // currentValues; around them the reference to i, i's own expression and the state.
    int perValue = GeneratedSizeChecker.CURRENT_FACTOR * 5 * GeneratedSizeChecker.OPERATION + GeneratedSizeChecker.PER_CURRENT_VALUE;
    int valuesFixed =
        GeneratedSizeChecker.CURRENT_FACTOR * 6 * GeneratedSizeChecker.OPERATION + GeneratedSizeChecker.PER_DECLARATION;
    int values = (GeneratedSizeChecker.BYTECODE_LIMIT - valuesFixed) / perValue;
    // Per state: r_k = s_k * s_k and -r_k / 1 [ms], each copied into rk4's four stages, the
    // state's update and its three later stages, its declaration; around them the current.
    int rk4State =
        4 * 3 * GeneratedSizeChecker.OPERATION
            + 4 * 4 * GeneratedSizeChecker.OPERATION
            + GeneratedSizeChecker.PER_UPDATED_STATE
            + 3 * GeneratedSizeChecker.PER_RUNGE_KUTTA_STAGE
            + GeneratedSizeChecker.PER_DECLARATION;
    int rk4Fixed = GeneratedSizeChecker.CURRENT_FACTOR * 3 * GeneratedSizeChecker.OPERATION;
    int rk4States = (GeneratedSizeChecker.BYTECODE_LIMIT - rk4Fixed) / rk4State;
    return Stream.of(
        Arguments.of("named values of the current", (IntFunction<String>) GeneratedSizeCheckerTest::namedValues, values),
        Arguments.of("chain of calls", (IntFunction<String>) GeneratedSizeCheckerTest::callChain, chainLinks),
        Arguments.of("current nested in calls", (IntFunction<String>) GeneratedSizeCheckerTest::nestedCurrent, levels),
        Arguments.of("parameters", (IntFunction<String>) GeneratedSizeCheckerTest::parameters, parameters),
        Arguments.of("rk4 system", (IntFunction<String>) GeneratedSizeCheckerTest::rk4System, rk4States),
        Arguments.of("implicit_euler Newton system", (IntFunction<String>) GeneratedSizeCheckerTest::newtonSystem,
            largestAccepted(GeneratedSizeCheckerTest::newtonSystem)),
        Arguments.of("implicit_euler linear system", (IntFunction<String>) GeneratedSizeCheckerTest::linearImplicitSystem,
            largestAccepted(GeneratedSizeCheckerTest::linearImplicitSystem)));
  }

  /**
   * The most states the limit accepts: the estimate of an implicit_euler system grows as the
   * cube of its states (the elimination) times its Newton iterations, which is no formula worth
   * repeating here, so the states are counted up until the model is rejected.
   */
  private static int largestAccepted(IntFunction<String> model) {
    int states = 1;
    while (errors(Pipeline.compile(new SourceFile("S.syn", model.apply(states + 1)))).isEmpty()) {
      states++;
    }
    return states;
  }

  /**
   * {@code states} states under implicit_euler, {@code s_k' = -s_k * total / 1 [ms]} with
   * {@code total} the sum of all: nonlinear, so Newton's iterations each differentiate every
   * equation with respect to every state (a dense Jacobian) and eliminate a dense matrix.
   */
  static String newtonSystem(int states) {
    return implicitSystem(states, k -> "-s" + k + " * total / 1 [ms]");
  }

  /** {@code states} states under implicit_euler, {@code s_k' = (total - (n + 1) s_k) / 1 [ms]}: dense and linear. */
  static String linearImplicitSystem(int states) {
    return implicitSystem(states, k -> "(total - " + (states + 1) + " * s" + k + ") / 1 [ms]");
  }

  private static String implicitSystem(int states, IntFunction<String> rightHandSide) {
    StringBuilder model = new StringBuilder("synapse S {\n  states {\n");
    for (int k = 0; k < states; k++) {
      model.append("    s").append(k).append(" = 0.5\n");
    }
    model.append("  }\n  update {\n    total = s0");
    for (int k = 1; k < states; k++) {
      model.append(" + s").append(k);
    }
    model.append("\n");
    for (int k = 0; k < states; k++) {
      model.append("    s").append(k).append("' = ").append(rightHandSide.apply(k)).append("  using implicit_euler\n");
    }
    return model.append("  }\n  current = s0 * 1 [nA]\n}\n").toString();
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("shapes")
  void theLargestModelTheLimitAllowsCompilesAndOneMoreIsRejected(String shape, IntFunction<String> model, int largest) {
    Compilation allowed = onLargeStack(() -> Pipeline.compile(new SourceFile("S.syn", model.apply(largest))));
    assertTrue(errors(allowed).isEmpty(), () -> shape + " at " + largest + ": " + errors(allowed));
    // javac recurses over long if-else chains and switches too: it runs on a large stack as well.
    com.google.testing.compile.Compilation javac =
        onLargeStack(() ->
            javac()
                .withOptions("--release", "17", "-Xlint:all", "-Werror")
                .withClasspath(List.of(new File(ArraySynapse.class.getProtectionDomain().getCodeSource().getLocation().getPath())))
                .compile(JavaEmitter.emit(Optimizer.optimize(allowed.program().orElseThrow()), "io.cleft.limits", false)
                    .toJavaFileObject()));
    assertThat(javac).succeededWithoutWarnings();
    // The checker runs before the generation options are known: SIMD mode's class (its kernel
    // calls, its strip buffers, bounded by StripStaging.MOST_BUFFERS) must fit as well.
    com.google.testing.compile.Compilation simd =
        onLargeStack(() ->
            javac()
                .withOptions("--release", "17", "-Xlint:all", "-Werror")
                .withClasspath(List.of(
                    new File(ArraySynapse.class.getProtectionDomain().getCodeSource().getLocation().getPath()),
                    new File(ArrayMath.class.getProtectionDomain().getCodeSource().getLocation().getPath())))
                .compile(JavaEmitter.emit(Optimizer.optimize(allowed.program().orElseThrow()), "io.cleft.limits", true)
                    .toJavaFileObject()));
    assertThat(simd).succeededWithoutWarnings();

    Compilation rejected = onLargeStack(() -> Pipeline.compile(new SourceFile("S.syn", model.apply(largest + 1))));
    List<Diagnostic> errors = errors(rejected);
    assertEquals(1, errors.size(), () -> errors.toString());
    assertEquals(DiagnosticCode.GENERATED_METHOD_TOO_LARGE, errors.get(0).code());
    assertEquals(1, errors.get(0).span().orElseThrow().line());
    assertEquals(9, errors.get(0).span().orElseThrow().column());
    assertTrue(errors.get(0).message().contains("60,000"), errors.get(0).message());
  }

  /**
   * The largest system {@code exact} solves by its matrix exponential, four states each reading
   * every other (a cycle): with rates of parameters alone (the propagator hoisted: the refresh
   * and the check of the invariants hold it, the larger code) and with rates that read
   * {@code v_post} (in advance()), the estimate accepts it and the class compiles lint-clean.
   * The estimate of the hoisted one, 57,526 bytes, is measured against 50,138 for
   * cachesAreCurrent() (javap), the method it lands in that is largest.
   */
  @ParameterizedTest(name = "rates read v_post: {0}")
  @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
  void theLargestMatrixExponentialCompiles(boolean readsVoltage) {
    Compilation allowed = onLargeStack(() -> Pipeline.compile(new SourceFile("S.syn", denseExactSystem(4, readsVoltage))));
    assertTrue(errors(allowed).isEmpty(), () -> errors(allowed).toString());
    com.google.testing.compile.Compilation javac =
        onLargeStack(() ->
            javac()
                .withOptions("--release", "17", "-Xlint:all", "-Werror")
                .withClasspath(List.of(new File(ArraySynapse.class.getProtectionDomain().getCodeSource().getLocation().getPath())))
                .compile(JavaEmitter.emit(Optimizer.optimize(allowed.program().orElseThrow()), "io.cleft.limits", false)
                    .toJavaFileObject()));
    assertThat(javac).succeededWithoutWarnings();
  }

  /**
   * The estimate counts a matrix exponential per independent part of the exact system: two
   * dense parts of 3 states are accepted and compile lint-clean; two of 4, each of which alone
   * is accepted, are together rejected with SYN080 (some 115,000 bytes, twice one part's), not
   * SYN081, which counts the states of a part (8 here, 4 in each).
   */
  @Test
  void eachIndependentPartOfAnExactSystemCountsItsOwnMatrixExponential() {
    Compilation threes = onLargeStack(() -> Pipeline.compile(new SourceFile("S.syn", denseExactParts(3, 2))));
    assertTrue(errors(threes).isEmpty(), () -> errors(threes).toString());
    com.google.testing.compile.Compilation javac =
        onLargeStack(() ->
            javac()
                .withOptions("--release", "17", "-Xlint:all", "-Werror")
                .withClasspath(List.of(new File(ArraySynapse.class.getProtectionDomain().getCodeSource().getLocation().getPath())))
                .compile(JavaEmitter.emit(Optimizer.optimize(threes.program().orElseThrow()), "io.cleft.limits", false)
                    .toJavaFileObject()));
    assertThat(javac).succeededWithoutWarnings();

    Compilation fours = onLargeStack(() -> Pipeline.compile(new SourceFile("S.syn", denseExactParts(4, 2))));
    List<Diagnostic> errors = errors(fours);
    assertEquals(1, errors.size(), () -> errors.toString());
    assertEquals(DiagnosticCode.GENERATED_METHOD_TOO_LARGE, errors.get(0).code());
  }

  /** {@code parts} independent copies of {@link #denseExactSystem}'s system of n states, with no voltage. */
  static String denseExactParts(int n, int parts) {
    StringBuilder parameters = new StringBuilder();
    StringBuilder states = new StringBuilder();
    StringBuilder update = new StringBuilder();
    for (int g = 0; g < parts; g++) {
      for (int i = 0; i < n; i++) {
        update.append("    x").append(g).append('_').append(i).append("' = ");
        for (int j = 0; j < n; j++) {
          parameters.append("    a").append(g).append('_').append(i).append('_').append(j).append(" = 0.1 1/ms\n");
          update.append("a").append(g).append('_').append(i).append('_').append(j)
              .append(" * x").append(g).append('_').append(j).append(" + ");
        }
        parameters.append("    b").append(g).append('_').append(i).append(" = 0 1/ms\n");
        states.append("    x").append(g).append('_').append(i).append(" = 0\n");
        update.append("b").append(g).append('_').append(i).append("  using exact\n");
      }
    }
    return "synapse S {\n  parameters {\n" + parameters + "  }\n  states {\n" + states + "  }\n  update {\n" + update
        + "  }\n  current = 1 [nA] * x0_0\n}\n";
  }

  /** {@code x_i' = sum_j a_i_j x_j + b_i using exact}, every coefficient a parameter. */
  static String denseExactSystem(int n, boolean readsVoltage) {
    StringBuilder model = new StringBuilder("synapse S {\n  parameters {\n");
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        model.append("    a_").append(i).append('_').append(j).append(" = 0.1 1/ms\n");
      }
      model.append("    b_").append(i).append(" = 0 1/ms\n");
    }
    model.append("  }\n  states {\n");
    for (int i = 0; i < n; i++) {
      model.append("    x").append(i).append(" = 0\n");
    }
    model.append("  }\n  update {\n");
    for (int i = 0; i < n; i++) {
      model.append("    x").append(i).append("' = ");
      for (int j = 0; j < n; j++) {
        model.append("a_").append(i).append('_').append(j).append(readsVoltage ? " * (1 + v_post / 100 [mV])" : "")
            .append(" * x").append(j).append(" + ");
      }
      model.append("b_").append(i).append("  using exact\n");
    }
    return model.append("  }\n  current = 1 [nA] * x0\n}\n").toString();
  }

  /** {@code l_k = exp(l_{k-1} * 0.001)}, {@code links} times. */
  static String callChain(int links) {
    StringBuilder model = new StringBuilder("synapse S {\n  states { s = 0 }\n  update {\n    l0 = v_pre / 1 [mV]\n");
    for (int k = 1; k <= links; k++) {
      model.append("    l").append(k).append(" = exp(l").append(k - 1).append(" * 0.001)\n");
    }
    return model.append("    s = l").append(links).append("\n  }\n  current = s * 1 [nA]\n}\n").toString();
  }

  /**
   * {@code states} states stepped together by rk4, each {@code s_k' = -r_k / 1 [ms]} with
   * {@code r_k = s_k * s_k} a local that every stage copies.
   */
  static String rk4System(int states) {
    StringBuilder model = new StringBuilder("synapse S {\n  states {\n");
    for (int k = 0; k < states; k++) {
      model.append("    s").append(k).append(" = 0.5\n");
    }
    model.append("  }\n  update {\n");
    for (int k = 0; k < states; k++) {
      model.append("    r").append(k).append(" = s").append(k).append(" * s").append(k).append("\n");
      model.append("    s").append(k).append("' = -r").append(k).append(" / 1 [ms]  using rk4\n");
    }
    return model.append("  }\n  current = s0 * 1 [nA]\n}\n").toString();
  }

  /** {@code current = g * tanh(tanh(...(v_post / 1 [mV]))) * 1 [mV]}, {@code levels} deep. */
  static String nestedCurrent(int levels) {
    String inner = "v_post / 1 [mV]";
    StringBuilder current = new StringBuilder();
    current.append("tanh(".repeat(levels)).append(inner).append(")".repeat(levels));
    return "synapse S {\n  parameters { g = 1 uS }\n  current = g * " + current + " * 1 [mV]\n}\n";
  }

  /** A current block of {@code values} named values {@code v_k = g * v_post * (k + 1)}, then {@code i}. */
  static String namedValues(int values) {
    StringBuilder model = new StringBuilder("synapse S {\n  states { g = 0 uS }\n  current {\n");
    for (int k = 0; k < values; k++) {
      model.append("    v").append(k).append(" = g * v_post * ").append(k + 1).append("\n");
    }
    return model.append("    i = g * (v_post - 0 [mV])\n  }\n}\n").toString();
  }

  /** {@code parameters} parameters, the first of them in the current. */
  /**
   * Shared parameters that the update reads, each a local read before the loops of step and
   * advance: the largest number the estimate accepts (found by asking the checker, which is
   * monotonic in it) compiles lint-clean, and one more is rejected.
   */
  @org.junit.jupiter.api.Test
  void theLargestModelOfSharedParametersTheLimitAllowsCompiles() {
    int low = 1;
    int high = 4096;
    while (high - low > 1) {
      int middle = (low + high) / 2;
      boolean accepted = errors(onLargeStack(() -> Pipeline.compile(new SourceFile("S.syn", sharedParameters(middle))))).isEmpty();
      if (accepted) {
        low = middle;
      } else {
        high = middle;
      }
    }
    int largest = low;
    theLargestModelTheLimitAllowsCompilesAndOneMoreIsRejected(
        "shared parameters", GeneratedSizeCheckerTest::sharedParameters, largest);
  }

  /** {@code l_k = l_(k-1) + p_k * s} in the update, every parameter shared. */
  static String sharedParameters(int parameters) {
    StringBuilder model = new StringBuilder("synapse S {\n  parameters {\n");
    for (int p = 0; p < parameters; p++) {
      model.append("    shared p").append(p).append(" = ").append(p).append(".5\n");
    }
    model.append("  }\n  states {\n    s = 0.5\n  }\n  update {\n    l0 = p0 * s\n");
    for (int p = 1; p < parameters; p++) {
      model.append("    l").append(p).append(" = l").append(p - 1).append(" + p").append(p).append(" * s\n");
    }
    return model.append("    s = l").append(parameters - 1).append("\n  }\n  current = s * 1 [nA]\n}\n").toString();
  }

  static String parameters(int parameters) {
    StringBuilder model = new StringBuilder("synapse S {\n  parameters {\n");
    for (int p = 0; p < parameters; p++) {
      model.append("    p").append(p).append(" = ").append(p).append(".5 uS\n");
    }
    return model.append("  }\n  current = p0 * v_post\n}\n").toString();
  }

  private static List<Diagnostic> errors(Compilation compilation) {
    return compilation.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
  }

  /** The front end's own depth is its concern; this test is about the generated class. */
  private static <T> T onLargeStack(java.util.function.Supplier<T> work) {
    AtomicReference<T> result = new AtomicReference<>();
    Thread thread = new Thread(null, () -> result.set(work.get()), "large stack", 1L << 30);
    thread.start();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return result.get();
  }
}
