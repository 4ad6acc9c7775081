package io.cleft.bench;

import com.palantir.javapoet.JavaFile;
import io.cleft.compiler.ast.SynapseDecl;
import io.cleft.compiler.check.ClassNameChecker;
import io.cleft.compiler.check.GeneratedSizeChecker;
import io.cleft.compiler.check.Resolver;
import io.cleft.compiler.check.UnitChecker;
import io.cleft.compiler.check.UsageChecker;
import io.cleft.compiler.diagnostic.Diagnostic;
import io.cleft.compiler.diagnostic.DiagnosticCollector;
import io.cleft.compiler.emit.JavaEmitter;
import io.cleft.compiler.ir.IrExpr;
import io.cleft.compiler.ir.IrProgram;
import io.cleft.compiler.ir.IrRewriter;
import io.cleft.compiler.load.InMemoryCompiler;
import io.cleft.compiler.lower.Lowering;
import io.cleft.compiler.model.SynapseModel;
import io.cleft.compiler.optimize.CommonSubexpressions;
import io.cleft.compiler.optimize.ConstantFolder;
import io.cleft.compiler.optimize.DeadLocals;
import io.cleft.compiler.optimize.InvariantHoisting;
import io.cleft.compiler.optimize.Optimizer;
import io.cleft.compiler.parse.SynapseParser;
import io.cleft.compiler.solve.OdeSolver;
import io.cleft.compiler.source.SourceFile;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * How compile time grows with the model: times every pass of the compiler on
 * {@link ScalingModels} of 10 to 10,000 update statements and fits the exponent of
 * time = a * N^k by least squares on log(time) against log(N) (docs/BENCHMARKS.md, "Compile
 * time"). A plain main rather than JMH, so that one run times each pass separately on the same
 * model: every size is first run twice to warm the JIT up, then each pass is timed (in the
 * thread's CPU time, see {@link Clock}) as the best
 * (the least) of repeated runs, at least 5 and as many as fit in {@code --min-millis}: on a
 * shared machine other work only ever adds time, so the least is the steadiest estimate.
 *
 * <p>The passes run one after another as {@code Pipeline} runs them, each called on its own, and
 * all of them at every size, also where the size check (SYN080) rejects the model: "check" is
 * parse and every check (class name, names, units, size, usage) and the ODE solver (which proves
 * linearity, so it is a check too), as {@code cleft check} runs them; "compile" is what
 * {@code Pipeline.generate} does with the lowered program: lower, optimize (its passes in its
 * order), emit the JavaPoet file and print it to text. "javac" compiles that text in memory
 * (and loads the class), only for the models the size check accepts.
 *
 * <p>Arguments: {@code [--sizes 10,30,...] [--min-millis M] [--javac-max N]}, or {@code --limit}
 * alone to print the largest size the size check accepts.
 */
public final class CompileTimeScaling {
  private static final List<String> CHECK = List.of("parse", "class name", "resolve", "units", "size", "usage", "solve");
  private static final List<String> COMPILE =
      List.of("lower", "fold", "hoist", "cse", "dead locals", "emit", "print");

  private CompileTimeScaling() {}

  public static void main(String[] args) {
    int[] sizes = {10, 30, 100, 300, 1000, 3000, 10000};
    long minNanos = 300_000_000L;
    int javacMax = Integer.MAX_VALUE;
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--sizes":
          sizes = Arrays.stream(args[i + 1].split(",")).mapToInt(Integer::parseInt).toArray();
          break;
        case "--min-millis":
          minNanos = Long.parseLong(args[i + 1]) * 1_000_000L;
          break;
        case "--limit":
          System.out.println("the size check (SYN080) accepts ScalingModels.generate(n) up to n = " + largestAccepted());
          return;
        case "--javac-max":
          javacMax = Integer.parseInt(args[i + 1]);
          break;
        default:
          throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    List<String> passes = new ArrayList<>(CHECK);
    passes.addAll(COMPILE);
    passes.add("javac");
    // Warm-up: every size twice, so the JIT has seen every pass on every shape.
    for (int round = 0; round < 2; round++) {
      for (int n : sizes) {
        run(n, n <= javacMax);
      }
    }
    Map<Integer, Map<String, Double>> bests = new LinkedHashMap<>();
    Map<Integer, Boolean> accepted = new LinkedHashMap<>();
    for (int n : sizes) {
      List<Map<String, Long>> runs = new ArrayList<>();
      long total = 0;
      while (runs.size() < 5 || (total < minNanos && runs.size() < 200)) {
        Timed timed = run(n, n <= javacMax && runs.size() < 5);
        runs.add(timed.nanos());
        accepted.put(n, timed.accepted());
        total += timed.nanos().values().stream().mapToLong(Long::longValue).sum();
      }
      Map<String, Double> best = new LinkedHashMap<>();
      for (String pass : passes) {
        runs.stream().filter(r -> r.containsKey(pass)).mapToDouble(r -> r.get(pass) / 1e6).min()
            .ifPresent(ms -> best.put(pass, ms));
      }
      best.put("check", CHECK.stream().mapToDouble(best::get).sum());
      best.put("compile", COMPILE.stream().mapToDouble(best::get).sum());
      bests.put(n, best);
      System.err.printf(Locale.ROOT, "N=%d done (%d runs)%n", n, runs.size());
    }
    List<String> columns = new ArrayList<>(List.of("check", "compile", "javac"));
    columns.addAll(CHECK);
    columns.addAll(COMPILE);
    System.out.print("| N | SYN080 |");
    columns.forEach(c -> System.out.print(" " + c + " |"));
    System.out.println();
    System.out.print("|---:|---|");
    columns.forEach(c -> System.out.print("---:|"));
    System.out.println();
    for (Map.Entry<Integer, Map<String, Double>> row : bests.entrySet()) {
      System.out.printf(Locale.ROOT, "| %,d | %s |", row.getKey(), accepted.get(row.getKey()) ? "no" : "yes");
      for (String c : columns) {
        Double ms = row.getValue().get(c);
        System.out.print(ms == null ? " - |" : String.format(Locale.ROOT, " %.2f |", ms));
      }
      System.out.println();
    }
    printExponents("exponent", columns, bests, 0);
    // Fixed costs flatten the fit at small sizes; the top decade shows what large models pay.
    printExponents("exponent, N >= 1,000", columns, bests, 1000);
  }

  private static void printExponents(String label, List<String> columns, Map<Integer, Map<String, Double>> bests, int from) {
    System.out.print("| " + label + " | |");
    for (String c : columns) {
      List<double[]> points = new ArrayList<>();
      bests.forEach((n, m) -> {
        if (n >= from && m.containsKey(c)) {
          points.add(new double[] {Math.log(n), Math.log(m.get(c))});
        }
      });
      System.out.print(points.size() < 2 ? " - |" : String.format(Locale.ROOT, " %.2f |", slope(points)));
    }
    System.out.println();
  }

  /** The largest n whose scaling model the size check accepts, by bisection (acceptance falls with n). */
  static int largestAccepted() {
    int accepted = 10;
    int rejected = 10_000;
    while (rejected - accepted > 1) {
      int middle = (accepted + rejected) / 2;
      if (acceptedBySizeCheck(middle)) {
        accepted = middle;
      } else {
        rejected = middle;
      }
    }
    return accepted;
  }

  private static boolean acceptedBySizeCheck(int n) {
    DiagnosticCollector diagnostics = new DiagnosticCollector();
    SynapseDecl syntax =
        SynapseParser.parse(new SourceFile("Scaling" + n + ".syn", ScalingModels.generate(n)), diagnostics).orElseThrow();
    SynapseModel model = Resolver.resolveAll(syntax, diagnostics).model();
    GeneratedSizeChecker.check(model, syntax.name().span(), diagnostics);
    return !diagnostics.hasErrors();
  }

  /** The least-squares slope of y against x. */
  static double slope(List<double[]> points) {
    double mx = points.stream().mapToDouble(p -> p[0]).average().orElseThrow();
    double my = points.stream().mapToDouble(p -> p[1]).average().orElseThrow();
    double sxy = 0;
    double sxx = 0;
    for (double[] p : points) {
      sxy += (p[0] - mx) * (p[1] - my);
      sxx += (p[0] - mx) * (p[0] - mx);
    }
    return sxy / sxx;
  }

  private record Timed(Map<String, Long> nanos, boolean accepted) {}

  /** Runs every pass on the model of {@code n} statements, timing each. */
  private static Timed run(int n, boolean javac) {
    Map<String, Long> nanos = new LinkedHashMap<>();
    SourceFile source = new SourceFile("Scaling" + n + ".syn", ScalingModels.generate(n));
    DiagnosticCollector diagnostics = new DiagnosticCollector();
    Clock clock = new Clock(nanos);
    SynapseDecl syntax = clock.time("parse", () -> SynapseParser.parse(source, diagnostics)).orElseThrow();
    clock.run("class name", () -> ClassNameChecker.check(syntax, diagnostics));
    Resolver.Resolution resolution = clock.time("resolve", () -> Resolver.resolveAll(syntax, diagnostics));
    SynapseModel model = resolution.model();
    clock.run("units", () -> UnitChecker.check(model, resolution.rejectedValues(), diagnostics));
    requireNoErrors(n, diagnostics);
    DiagnosticCollector size = new DiagnosticCollector();
    clock.run("size", () -> GeneratedSizeChecker.check(model, syntax.name().span(), size));
    clock.run("usage", () -> UsageChecker.check(model, diagnostics));
    SynapseModel solved = clock.time("solve", () -> OdeSolver.solve(model, diagnostics)).orElseThrow();
    requireNoErrors(n, diagnostics);
    IrProgram lowered = clock.time("lower", () -> Lowering.lower(solved));
    // Optimizer.optimize (IEEE mode), pass by pass, as it runs them.
    IrProgram folded = clock.time("fold", () -> Optimizer.map(lowered, ConstantFolder::fold));
    IrProgram hoisted = clock.time("hoist", () -> InvariantHoisting.hoist(folded));
    CommonSubexpressions.Renumbered invariants =
        clock.time("cse", () -> CommonSubexpressions.eliminateRenumbering(hoisted.invariants()));
    IrProgram shared = clock.time("cse", () -> {
      UnaryOperator<IrExpr> follow = IrRewriter.renumberingInvariants(invariants.newIndexOfLocal())::rewrite;
      return hoisted.withInvariants(invariants.block())
          .mapKernels(kernel -> CommonSubexpressions.eliminate(Optimizer.map(kernel.block(), follow)));
    });
    IrProgram optimized = clock.time("dead locals", () -> shared.mapKernels(kernel -> DeadLocals.remove(kernel.block())));
    if (!optimized.equals(Optimizer.optimize(lowered))) {
      throw new IllegalStateException("the passes timed one by one do not give Optimizer.optimize's program");
    }
    JavaFile file = clock.time("emit", () -> JavaEmitter.emit(optimized, "scaling", false));
    String text = clock.time("print", file::toString);
    boolean accepted = !size.hasErrors();
    if (javac && accepted && !text.isEmpty()) {
      clock.run("javac", () -> InMemoryCompiler.load(file));
    }
    return new Timed(nanos, accepted);
  }

  private static void requireNoErrors(int n, DiagnosticCollector diagnostics) {
    if (diagnostics.hasErrors()) {
      StringBuilder message = new StringBuilder("the scaling model of " + n + " statements has errors:");
      for (Diagnostic d : diagnostics.all()) {
        message.append('\n').append(d);
      }
      throw new IllegalStateException(message.toString());
    }
  }

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /**
   * Times calls into a map of pass names to nanoseconds of this thread's CPU time: on a machine
   * shared with other work, waiting for a core would otherwise count as the pass's time. The
   * collector's threads are not counted (the table's note says how much they took).
   */
  private record Clock(Map<String, Long> nanos) {
    <T> T time(String pass, java.util.function.Supplier<T> body) {
      long start = THREADS.getCurrentThreadCpuTime();
      T result = body.get();
      nanos.merge(pass, THREADS.getCurrentThreadCpuTime() - start, Long::sum);
      return result;
    }

    void run(String pass, Runnable body) {
      time(pass, () -> {
        body.run();
        return null;
      });
    }
  }
}
