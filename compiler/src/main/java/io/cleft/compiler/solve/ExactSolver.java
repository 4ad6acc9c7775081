package io.cleft.compiler.solve;

import io.cleft.compiler.Limits;
import io.cleft.compiler.ast.Expression.ComparisonOperator;
import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.diagnostic.DiagnosticCollector;
import io.cleft.compiler.model.BuiltinFunction;
import io.cleft.compiler.model.Expr;
import io.cleft.compiler.model.StateUpdate;
import io.cleft.compiler.model.Symbol;
import io.cleft.compiler.source.SourceSpan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The exact step of the system of all states whose equations say {@code using exact}: linear
 * in those states, {@code x' = A x + b}, with A and b read at the start of the step (they may
 * depend on parameters, constants, the voltages, {@code t}, other states and locals that read
 * none of the system's states). In closed form where A is triangular after ordering the states
 * by dependency and a state is driven by states that are driven by nothing but themselves (the rise-decay pair,
 * the Tsodyks-Markram y -> z chain, any star of such links). Each state is its own decay
 * towards its steady state plus the exactly integrated contribution of each state driving it:
 *
 * <pre>
 *   x_j' = a_j x_j + b_j                    x_j* = -b_j / a_j
 *   x_j(dt) = x_j* + (x_j - x_j*) E_j,      E_j = exp(a_j dt)
 *   x_i' = a_i x_i + sum_j a_ij x_j + b_i   x_i* = -(b_i + sum_j a_ij x_j*) / a_i
 *   x_i(dt) = x_i* + (x_i - x_i*) E_i + sum_j a_ij (x_j - x_j*) L_ij
 *   L_ij = integral over [0, dt] of exp(a_i (dt - s)) exp(a_j s) ds = (E_j - E_i) / (a_j - a_i)
 * </pre>
 *
 * where the equation of x_i is {@code (rest + c_ii x_i + sum_j c_ij x_j) / d_i}, so
 * {@code a_i = c_ii/d_i}, {@code a_ij = c_ij/d_i} and {@code b_i = rest/d_i}.
 *
 * which is Brian2's {@code exact} for the pair (its README in reference/brian2/methods). At equal
 * rates L_ij is 0/0 and its limit is {@code dt E_i}; near them the difference of exponentials
 * loses digits. So with z = (a_j - a_i) dt, L_ij = E_i dt (1 + z/2 + z^2/6 + ... + z^5/720)
 * where |z| < {@link #SERIES_BELOW}, the series of (e^z - 1)/z, whose first omitted term is below
 * 2.1e-16 relative there; elsewhere the difference, whose cancellation costs at most a factor
 * 1/|z| = 100 on the rounding of E, some 2e-14 relative.
 *
 * <p>The system is solved by its independent parts ({@link SystemComponents}: states that read
 * each other, directly or through others), each on its own. Where these closed forms do not
 * apply to a part (a cycle, a chain more than one link deep, a link whose driver or driven
 * state does not decay), that part is solved by the matrix exponential of its augmented matrix
 * ({@link MatrixExponential}), for at most {@link #MAX_MATRIX_STATES} states (SYN081 beyond);
 * the other parts keep their closed forms, whatever the matrix exponential makes of its part
 * (a stiff decay beside a cycle would otherwise push the norm of the whole A dt out of range).
 *
 * <p>Everything is written as next values and new locals of the model, so lowering, the
 * interpreter and the emitter see only expressions they already know, and agree bit for bit.
 */
final class ExactSolver {
  /** Where the series of L replaces the difference of exponentials: |(a_j - a_i) dt| below it. */
  static final double SERIES_BELOW = 0.01;
  /**
   * The most states a system solved by the matrix exponential may have: its generated code grows
   * as the cube of the states (each of {@link MatrixExponential}'s products and squarings is a
   * product of (n+1) x (n+1) matrices). At 4 states, dense, it is some 9,000 operations, and
   * where it is hoisted the method that checks the invariants is measured at 50 KB of bytecode
   * (the JVM allows 64 KiB); 5 would not fit.
   */
  static final int MAX_MATRIX_STATES = Limits.MAX_EXACT_MATRIX_STATES;

  private final List<StateUpdate.Derivative> system;
  private final SolverLocals solverLocals;
  private final Set<Symbol.Local> stepLocals;
  private final DiagnosticCollector diagnostics;
  private final Map<Symbol.State, SystemForm> forms = new LinkedHashMap<>();
  private final Map<Symbol.State, StateUpdate.Derivative> equations = new LinkedHashMap<>();
  /** Each state's rate a, decay E and steady state x* (empty when it is 0), once made. */
  private final Map<Symbol.State, Expr> rates = new HashMap<>();
  private final Map<Symbol.State, Expr> decays = new HashMap<>();
  private final Map<Symbol.State, Optional<Expr>> steadyStates = new HashMap<>();

  private ExactSolver(
      List<StateUpdate.Derivative> system, SolverLocals solverLocals, Set<Symbol.Local> stepLocals,
      DiagnosticCollector diagnostics) {
    this.system = system;
    this.solverLocals = solverLocals;
    this.stepLocals = stepLocals;
    this.diagnostics = diagnostics;
  }

  /**
   * The next value of each state of {@code system}, in its order, or empty if one is reported.
   *
   * @param stepLocals the update block's locals, the only ones looked through
   */
  static Optional<List<StateUpdate.NextValue>> solve(
      List<StateUpdate.Derivative> system, SolverLocals solverLocals, Set<Symbol.Local> stepLocals,
      DiagnosticCollector diagnostics) {
    return new ExactSolver(system, solverLocals, stepLocals, diagnostics).solve();
  }

  /**
   * What the matrix exponential writes for {@code system}: the definitions of the locals it adds
   * and the next values, for the size estimate (SYN080), which comes before solving; empty when
   * the closed forms apply or the system cannot be solved (the solver reports that).
   */
  static List<Expr> matrixExponentialCode(List<StateUpdate.Derivative> system, Set<Symbol.Local> stepLocals) {
    SolverLocals scratch = new SolverLocals(0);
    ExactSolver solver = new ExactSolver(system, scratch, stepLocals, new DiagnosticCollector());
    if (!solver.decompose(nonLinear -> {})) {
      return List.of();
    }
    List<Expr> code = new ArrayList<>();
    List<List<StateUpdate.Derivative>> components = SystemComponents.of(system, stepLocals);
    for (List<StateUpdate.Derivative> component : components) {
      if (!solver.closedFormApplies(component) && component.size() <= MAX_MATRIX_STATES) {
        solver.solveByMatrixExponential(component, SystemComponents.label(component, components))
            .ifPresent(next -> next.forEach(v -> code.add(v.value())));
      }
    }
    scratch.added().forEach(local -> code.add(local.definition()));
    return code;
  }

  /**
   * Decomposes every equation of the system over its states into {@link #forms} (and
   * {@link #equations}), giving each term that is not linear to {@code nonLinear}; whether all
   * are linear.
   */
  private boolean decompose(Consumer<SystemForm.NonLinear> nonLinear) {
    Set<Symbol.State> states = SystemComponents.states(system);
    StatesReadThroughLocals reads = new StatesReadThroughLocals(states, stepLocals);
    boolean linear = true;
    for (StateUpdate.Derivative d : system) {
      equations.put(d.state(), d);
      SystemForm form =
          new SystemDecomposer(states, new Exprs(d.span()), solverLocals, stepLocals, reads).decompose(d.derivative());
      if (form instanceof SystemForm.NonLinear term) {
        nonLinear.accept(term);
        linear = false;
      }
      forms.put(d.state(), form);
    }
    return linear;
  }

  private Optional<List<StateUpdate.NextValue>> solve() {
    String names = SystemComponents.states(system).stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
    boolean linear = decompose(nonLinear -> diagnostics.error(
        DiagnosticCode.EXACT_NOT_LINEAR,
        nonLinear.term().span(),
        "exact needs right-hand sides linear in the states of its system (" + names + "), but "
            + describe(nonLinear) + " is not: " + nonLinear.reason()
            + "; use 'rk4', or 'implicit_euler' if it is stiff, for a nonlinear equation"));
    if (!linear) {
      return Optional.empty();
    }
    // The forms above are those of each part alone: an equation mentions no state of another.
    List<List<StateUpdate.Derivative>> components = SystemComponents.of(system, stepLocals);
    Set<Symbol.State> closedForm = new HashSet<>();
    List<List<StateUpdate.Derivative>> byMatrix = new ArrayList<>();
    for (List<StateUpdate.Derivative> component : components) {
      if (closedFormApplies(component)) {
        component.forEach(d -> closedForm.add(d.state()));
      } else {
        byMatrix.add(component);
      }
    }
    Map<Symbol.State, StateUpdate.NextValue> next = new HashMap<>();
    // In the system's order, so that a system solved in closed form throughout is written as
    // it was before it was split (its locals in the same order).
    for (StateUpdate.Derivative d : system) {
      if (closedForm.contains(d.state())) {
        next.put(d.state(), new StateUpdate.NextValue(d.state(), nextValue(d), d.span()));
      }
    }
    boolean failed = false;
    for (List<StateUpdate.Derivative> component : byMatrix) {
      Optional<List<StateUpdate.NextValue>> solved =
          solveByMatrixExponential(component, SystemComponents.label(component, components));
      solved.ifPresent(values -> values.forEach(v -> next.put(v.state(), v)));
      failed |= solved.isEmpty();
    }
    if (failed) {
      return Optional.empty();
    }
    return Optional.of(system.stream().map(d -> next.get(d.state())).toList());
  }

  /** The states that drive x: those whose coefficient in x's equation is written, but x. */
  private List<Symbol.State> drivers(Symbol.State x) {
    if (!(forms.get(x) instanceof SystemForm.Linear linear)) {
      return List.of();
    }
    return linear.coefficients().keySet().stream().filter(s -> !s.equals(x)).toList();
  }

  private Optional<Expr> selfCoefficient(Symbol.State x) {
    if (!(forms.get(x) instanceof SystemForm.Linear linear)) {
      return Optional.empty();
    }
    return Optional.ofNullable(linear.coefficients().get(x));
  }

  /**
   * Whether the closed forms apply to {@code component}: no cycle, no chain deeper than one
   * link, and every state in a link decays (its equation mentions it). Otherwise the matrix
   * exponential solves it.
   */
  private boolean closedFormApplies(List<StateUpdate.Derivative> component) {
    for (StateUpdate.Derivative d : component) {
      if (cycleThrough(d.state(), d.state(), new ArrayList<>(List.of(d.state()))).isPresent()) {
        return false;
      }
    }
    for (StateUpdate.Derivative d : component) {
      Symbol.State x = d.state();
      for (Symbol.State driver : drivers(x)) {
        if (!drivers(driver).isEmpty() || selfCoefficient(driver).isEmpty()) {
          return false;
        }
      }
      if (!drivers(x).isEmpty() && selfCoefficient(x).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /**
   * The next values of the states of {@code component}, in its order, by the matrix exponential
   * ({@link MatrixExponential}), or empty if it has more than {@link #MAX_MATRIX_STATES} states
   * (reported).
   *
   * @param label empty, or what tells this part's locals from another's ({@link SystemComponents#label})
   */
  private Optional<List<StateUpdate.NextValue>> solveByMatrixExponential(
      List<StateUpdate.Derivative> component, String label) {
    List<Symbol.State> order = List.copyOf(SystemComponents.states(component));
    int n = order.size();
    SourceSpan span = component.get(0).span();
    if (n > MAX_MATRIX_STATES) {
      StateUpdate.Derivative beyond = component.get(MAX_MATRIX_STATES);
      diagnostics.error(
          DiagnosticCode.EXACT_SYSTEM_TOO_LARGE,
          beyond.span(),
          "exact solves a coupled system of at most " + MAX_MATRIX_STATES + " states by its matrix exponential, but "
              + n + " states of it read each other; the " + ordinal(MAX_MATRIX_STATES + 1) + " is '" + beyond.state().name()
              + "'; use 'rk4' or 'implicit_euler' for some of them");
      return Optional.empty();
    }
    Exprs build = new Exprs(span);
    Expr[][] a = new Expr[n][n];
    Expr[] b = new Expr[n];
    for (int i = 0; i < n; i++) {
      Exprs at = new Exprs(equations.get(order.get(i)).span());
      SystemForm form = forms.get(order.get(i));
      Arrays.fill(a[i], build.literal(0));
      b[i] = build.literal(0);
      if (form instanceof SystemForm.Independent independent) {
        b[i] = independent.expr();
      } else {
        SystemForm.Linear linear = (SystemForm.Linear) form;
        for (int j = 0; j < n; j++) {
          Expr c = linear.coefficients().get(order.get(j));
          if (c != null) {
            a[i][j] = linear.d().map(d -> at.divide(c, d)).orElse(c);
          }
        }
        Optional<Expr> rest = linear.rest();
        if (rest.isPresent()) {
          b[i] = linear.d().map(d -> at.divide(rest.get(), d)).orElse(rest.get());
        }
      }
    }
    String prefix = label.isEmpty() ? "exact" : "exact_" + label;
    List<Expr> values = MatrixExponential.step(order, a, b, solverLocals, prefix, span);
    List<StateUpdate.NextValue> next = new ArrayList<>();
    for (StateUpdate.Derivative d : component) {
      next.add(new StateUpdate.NextValue(d.state(), values.get(order.indexOf(d.state())), d.span()));
    }
    return Optional.of(next);
  }

  private static String ordinal(int n) {
    return n + (n % 10 == 1 && n != 11 ? "st" : n % 10 == 2 && n != 12 ? "nd" : n % 10 == 3 && n != 13 ? "rd" : "th");
  }

  /** A path of drivers from {@code from} back to {@code start}, if there is one. */
  private Optional<List<Symbol.State>> cycleThrough(Symbol.State start, Symbol.State from, List<Symbol.State> path) {
    for (Symbol.State driver : drivers(from)) {
      if (driver.equals(start)) {
        return Optional.of(path);
      }
      if (!path.contains(driver)) {
        path.add(driver);
        Optional<List<Symbol.State>> cycle = cycleThrough(start, driver, path);
        if (cycle.isPresent()) {
          return cycle;
        }
        path.remove(path.size() - 1);
      }
    }
    return Optional.empty();
  }

  private Expr nextValue(StateUpdate.Derivative d) {
    Symbol.State x = d.state();
    Exprs build = new Exprs(d.span());
    if (selfCoefficient(x).isEmpty()) {
      // x' reads no state of the system: constant over the step, x + dt*f is exact.
      return ForwardEulerSolver.solve(d).value();
    }
    Expr next = relaxed(x, build);
    for (Symbol.State driver : drivers(x)) {
      Expr offset = steadyState(driver)
          .map(s -> build.subtract(build.read(driver), s))
          .orElse(build.read(driver));
      next = build.add(next, build.multiply(offset, build.read(drive(x, driver, build))));
    }
    return next;
  }

  /** {@code x* + (x - x*) E}, or {@code x E} when x* is 0. */
  private Expr relaxed(Symbol.State x, Exprs build) {
    Expr e = build.read(decay(x));
    Optional<Expr> steady = steadyState(x);
    if (steady.isEmpty()) {
      return build.multiply(build.read(x), e);
    }
    return build.add(steady.get(), build.multiply(build.subtract(build.read(x), steady.get()), e));
  }

  /** a of x: its coefficient over its denominator. */
  private Expr rate(Symbol.State x) {
    return rates.computeIfAbsent(x, s -> {
      SystemForm.Linear linear = (SystemForm.Linear) forms.get(s);
      Exprs build = new Exprs(equations.get(s).span());
      Expr c = linear.coefficients().get(s);
      Expr rate = linear.d().map(d -> build.divide(c, d)).orElse(c);
      return build.read(solverLocals.define(s.name() + "_exact_rate", rate, equations.get(s).span()));
    });
  }

  /**
   * E = exp(a dt); where a is written 1/tau or -1/tau, exp(-(dt/tau)), as Brian2 and the
   * modeller write it (one rounding fewer than (-1/tau)*dt).
   */
  private Symbol.Local decay(Symbol.State x) {
    Expr existing = decays.get(x);
    if (existing != null) {
      return (Symbol.Local) ((Expr.Reference) existing).symbol();
    }
    SystemForm.Linear linear = (SystemForm.Linear) forms.get(x);
    Exprs build = new Exprs(equations.get(x).span());
    Expr c = linear.coefficients().get(x);
    Expr dt = build.read(Symbol.Input.DT);
    Expr exponent;
    if (linear.d().isPresent() && Exprs.isLiteral(c, 1)) {
      exponent = build.divide(dt, linear.d().get());
    } else if (linear.d().isPresent() && isMinusOne(c)) {
      exponent = build.negate(build.divide(dt, linear.d().get()));
    } else {
      exponent = build.multiply(rate(x), dt);
    }
    Symbol.Local local = solverLocals.define(x.name() + "_exact_decay", build.exp(exponent), equations.get(x).span());
    decays.put(x, build.read(local));
    return local;
  }

  /**
   * x* = -(rest + sum of c_j x_j*) / c, the value x relaxes to with its drivers at theirs
   * (the denominator cancels); empty when it is 0 as written.
   */
  private Optional<Expr> steadyState(Symbol.State x) {
    Optional<Expr> known = steadyStates.get(x);
    if (known != null) {
      return known;
    }
    SystemForm.Linear linear = (SystemForm.Linear) forms.get(x);
    Exprs build = new Exprs(equations.get(x).span());
    Optional<Expr> numerator = linear.rest();
    for (Symbol.State driver : drivers(x)) {
      Optional<Expr> driven = steadyState(driver).map(s -> build.multiply(linear.coefficients().get(driver), s));
      if (driven.isPresent()) {
        numerator = Optional.of(numerator.map(n -> build.add(n, driven.get())).orElse(driven.get()));
      }
    }
    Expr c = linear.coefficients().get(x);
    Optional<Expr> steady = numerator.map(n -> {
      Expr value;
      if (Exprs.isLiteral(c, 1)) {
        value = build.negate(n);
      } else if (isMinusOne(c)) {
        value = n;
      } else {
        value = build.divide(build.negate(n), c);
      }
      return build.read(solverLocals.define(x.name() + "_exact_steady", value, equations.get(x).span()));
    });
    steadyStates.put(x, steady);
    return steady;
  }

  /**
   * a_ij L_ij of x driven by {@code driver}: how much of the driver's offset from its steady
   * state reaches x over the step. Away from equal rates it is written
   * {@code c_ij / (d_i a_j - c_ii) * (E_j - E_i)}, a_ij / (a_j - a_i) with d_i multiplied through,
   * as Brian2's {@code tau_r/(tau_r - tau_d)}: a driven state with a time constant of 0
   * ({@code d_i} = 0, its rate minus infinity) then follows its driver at once, where
   * {@code (1/0) * 0} would be NaN. Near equal rates, the series (see the class comment).
   */
  private Symbol.Local drive(Symbol.State x, Symbol.State driver, Exprs build) {
    SystemForm.Linear linear = (SystemForm.Linear) forms.get(x);
    SourceSpan span = equations.get(x).span();
    Expr cij = linear.coefficients().get(driver);
    Expr cii = linear.coefficients().get(x);
    Expr gap = build.read(solverLocals.define(
        x.name() + "_exact_gap_" + driver.name(), build.subtract(rate(driver), rate(x)), span));
    Expr dt = build.read(Symbol.Input.DT);
    Expr z = build.read(solverLocals.define(x.name() + "_exact_gap_dt_" + driver.name(), build.multiply(gap, dt), span));
    Expr ex = build.read(decay(x));
    Expr ej = build.read(decay(driver));
    Expr scaledRate = linear.d().map(d -> build.multiply(d, rate(driver))).orElse(rate(driver));
    Expr general = build.multiply(build.divide(cij, build.subtract(scaledRate, cii)), build.subtract(ej, ex));
    // 1 + z/2 + z^2/6 + z^3/24 + z^4/120 + z^5/720, by Horner.
    Expr series = build.add(build.literal(1.0 / 120), build.divide(z, build.literal(720)));
    for (double inverseFactorial : new double[] {1.0 / 24, 1.0 / 6, 1.0 / 2, 1}) {
      series = build.add(build.literal(inverseFactorial), build.multiply(z, series));
    }
    Expr coupling = linear.d().map(d -> build.divide(cij, d)).orElse(cij);
    Expr limit = build.multiply(coupling, build.multiply(build.multiply(ex, dt), series));
    Expr nearlyEqual = new Expr.Comparison(
        ComparisonOperator.LESS, new Expr.Call(BuiltinFunction.ABS, List.of(z), span), build.literal(SERIES_BELOW), span);
    Expr drive = new Expr.Conditional(nearlyEqual, limit, general, span);
    return solverLocals.define(x.name() + "_exact_drive_" + driver.name(), drive, span);
  }

  private static boolean isMinusOne(Expr c) {
    return Exprs.isLiteral(c, -1) || (c instanceof Expr.Negate n && Exprs.isLiteral(n.operand(), 1));
  }

  private static String describe(SystemForm.NonLinear nonLinear) {
    return NonLinearTerms.describe(nonLinear.term(), nonLinear.local());
  }
}
