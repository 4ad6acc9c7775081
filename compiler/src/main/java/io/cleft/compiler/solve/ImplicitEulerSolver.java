package io.cleft.compiler.solve;

import io.cleft.compiler.ast.Expression.ComparisonOperator;
import io.cleft.compiler.ast.Expression.LogicalOperator;
import io.cleft.compiler.model.BuiltinFunction;
import io.cleft.compiler.model.Expr;
import io.cleft.compiler.model.ExprRewriter;
import io.cleft.compiler.model.StateUpdate;
import io.cleft.compiler.model.Symbol;
import io.cleft.compiler.symbolic.Differentiator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Backward Euler over a system of states whose equations say {@code using implicit_euler}
 * (one independent part of the model's, {@link SystemComponents}, so that a linear part is not
 * put through Newton's iterations by a nonlinear one, nor made NaN by one that fails): the
 * next values x1 solve {@code x1 = x0 + dt f(x1)}, where f reads the
 * system's states at x1 and everything else (the voltages, {@code t}, the states of other
 * methods) at the start of the step, as every right-hand side reads them.
 *
 * <p><b>Linear systems</b> ({@link SystemDecomposer} proves every equation
 * {@code f_i = (rest_i + sum_j c_ij x_j) / d_i}) are solved directly: row i of
 * {@code (I - dt A) x1 = x0 + dt b}, multiplied by d_i, is
 * {@code d_i x1_i - dt sum_j c_ij x1_j = d_i x0_i + dt rest_i}, which {@link ExprMatrix}
 * solves; for one state the closed form {@code x1 = (d x0 + dt rest) / (d - dt c)}. Keeping
 * the denominator on the left makes a zero time constant give the steady state, as the exact
 * methods do, rather than 0/0.
 *
 * <p><b>Nonlinear systems</b> are solved by Newton's method with the symbolic Jacobian (the
 * {@link Differentiator}, through the locals), starting from x0, as NMODL's
 * {@code derivimplicit} (whose Jacobian is by finite differences): {@value #NEWTON_ITERATIONS}
 * iterations, unrolled as straight-line expressions (the IR has no loops), each
 * {@code x_{k+1} = x_k - (I - dt J(x_k))^-1 (x_k - x0 - dt f(x_k))}. The iterations all run:
 * an iteration after convergence moves the iterate by rounding only. The last one must have
 * converged, every state's last change at most {@value #NEWTON_TOLERANCE} times
 * {@code |x_N| + |x0|} with a finite matrix {@code I - dt J}; if not, every state of the system
 * becomes NaN, so that the failure shows (a checked population reports the first NaN, with its
 * line), rather than keep an iterate that solves nothing.
 *
 * <p>Everything is written as next values and new locals of the model, so lowering, the
 * interpreter and the emitter see only expressions they already know, and agree bit for bit.
 */
public final class ImplicitEulerSolver {
  /** The Newton iterations unrolled; NEURON's newton allows 50, with a Jacobian by differences. */
  public static final int NEWTON_ITERATIONS = 10;
  /** The largest relative change of the last Newton iteration that counts as converged. */
  public static final double NEWTON_TOLERANCE = 1e-10;

  private final List<StateUpdate.Derivative> system;
  private final List<Symbol.Local> modelLocals;
  private final Set<Symbol.Local> stepLocals;
  private final SolverLocals solverLocals;
  private final Set<Symbol.State> states;
  /** The states each equation reads through the step locals: one walk for the linearity test and the solve. */
  private final StatesReadThroughLocals reads;
  /** What the names of this system's solver locals start with, to tell them from another's. */
  private final String label;

  private ImplicitEulerSolver(
      List<StateUpdate.Derivative> system, String label, List<Symbol.Local> modelLocals,
      Set<Symbol.Local> stepLocals, SolverLocals solverLocals) {
    this.system = system;
    this.label = label;
    this.modelLocals = modelLocals;
    this.stepLocals = stepLocals;
    this.solverLocals = solverLocals;
    this.states = SystemComponents.states(system);
    this.reads = new StatesReadThroughLocals(states, stepLocals);
  }

  /**
   * The next value of each state of {@code system}, in its order.
   *
   * @param label empty, or a name that tells the solver locals of {@code system} from those of
   *     another system solved in the same model ({@link SystemComponents#label})
   * @param modelLocals the model's own locals, in definition order
   * @param stepLocals the update block's locals, the only ones looked through
   */
  static List<StateUpdate.NextValue> solve(
      List<StateUpdate.Derivative> system, String label, List<Symbol.Local> modelLocals,
      Set<Symbol.Local> stepLocals, SolverLocals solverLocals) {
    ImplicitEulerSolver solver = new ImplicitEulerSolver(system, label, modelLocals, stepLocals, solverLocals);
    return isLinear(system, solver.states, stepLocals, solver.reads) ? solver.direct() : solver.newton();
  }

  /**
   * Whether every equation of {@code system} is linear in the system's states, so that it is
   * solved directly, without Newton's iterations (what the size estimate needs to know).
   */
  public static boolean isLinear(List<StateUpdate.Derivative> system, Set<Symbol.Local> stepLocals) {
    Set<Symbol.State> states = SystemComponents.states(system);
    return isLinear(system, states, stepLocals, new StatesReadThroughLocals(states, stepLocals));
  }

  private static boolean isLinear(
      List<StateUpdate.Derivative> system, Set<Symbol.State> states, Set<Symbol.Local> stepLocals,
      StatesReadThroughLocals reads) {
    // A decomposer of its own, whose shared parts are thrown away: only the verdict is wanted.
    SolverLocals scratch = new SolverLocals(0);
    for (StateUpdate.Derivative d : system) {
      SystemForm form =
          new SystemDecomposer(states, new Exprs(d.span()), scratch, stepLocals, reads).decompose(d.derivative());
      if (form instanceof SystemForm.NonLinear) {
        return false;
      }
    }
    return true;
  }

  /**
   * The locals each Newton iteration after the first copies: the update block's locals that
   * read a state of the system, directly or through other locals ({@code t} is held at the
   * start of the step, so a local reading only it is shared).
   */
  public static Set<Symbol.Local> copiedPerIteration(List<StateUpdate.Derivative> system, List<Symbol.Local> locals) {
    return StageLocals.varyingLocals(system, locals, false);
  }

  private List<StateUpdate.NextValue> direct() {
    int n = system.size();
    List<Symbol.State> order = List.copyOf(states);
    List<Expr> entries = new ArrayList<>();
    List<Expr> rhs = new ArrayList<>();
    for (StateUpdate.Derivative d : system) {
      Exprs build = new Exprs(d.span());
      Expr dt = build.read(Symbol.Input.DT);
      Expr x0 = build.read(d.state());
      SystemForm form = new SystemDecomposer(states, build, solverLocals, stepLocals, reads).decompose(d.derivative());
      if (form instanceof SystemForm.Independent independent) {
        for (Symbol.State x : order) {
          entries.add(build.literal(x.equals(d.state()) ? 1 : 0));
        }
        rhs.add(build.add(x0, build.multiply(dt, independent.expr())));
        continue;
      }
      SystemForm.Linear linear = (SystemForm.Linear) form;
      Expr denominator = linear.d().orElse(build.literal(1));
      for (Symbol.State x : order) {
        Expr c = linear.coefficients().get(x);
        Expr scaled = c == null ? null : build.multiply(dt, c);
        if (x.equals(d.state())) {
          entries.add(scaled == null ? denominator : build.subtract(denominator, scaled));
        } else {
          entries.add(scaled == null ? build.literal(0) : build.negate(scaled));
        }
      }
      Expr start = build.multiply(denominator, x0);
      rhs.add(linear.rest().map(r -> build.add(start, build.multiply(dt, r))).orElse(start));
    }
    // One state's name, or the label, which is its first state's, tells the system's locals apart.
    String prefix = n == 1 || !label.isEmpty() ? order.get(0).name() + "_implicit" : "implicit";
    List<Expr> x1 = matrix(n, entries).solve(rhs, sharing(prefix));
    List<StateUpdate.NextValue> next = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      StateUpdate.Derivative d = system.get(i);
      next.add(new StateUpdate.NextValue(d.state(), x1.get(i), d.span()));
    }
    return next;
  }

  private List<StateUpdate.NextValue> newton() {
    int n = system.size();
    Set<Symbol.Local> varying = copiedPerIteration(system, modelLocals);
    // The iterate x_k of each state: the states themselves for k = 0, then locals.
    List<Symbol> iterate = new ArrayList<>(states);
    List<Expr> lastChange = List.of();
    List<Expr> lastMatrix = List.of();
    for (int k = 0; k < NEWTON_ITERATIONS; k++) {
      String suffix = "_" + labelled("newton" + k);
      Iteration at = iteration(k, iterate, varying, suffix);
      // Column j of the Jacobian: one differentiator per state, so that each local's derivative
      // with respect to it is made once for all the equations that read the local.
      Expr[][] jacobian = new Expr[n][n];
      for (int j = 0; j < n; j++) {
        Symbol.State stateJ = system.get(j).state();
        Exprs columnBuild = new Exprs(system.get(j).span());
        Differentiator differentiator = new Differentiator(iterate.get(j), at.lookThrough(), (local, derivative) ->
            columnBuild.read(solverLocals.define("d_" + local.name() + "_d_" + stateJ.name() + suffix, derivative, local)));
        for (int i = 0; i < n; i++) {
          jacobian[i][j] = differentiator.derivative(at.rightHandSides().get(i));
        }
      }
      List<Expr> entries = new ArrayList<>();
      List<Expr> residuals = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        StateUpdate.Derivative d = system.get(i);
        Exprs build = new Exprs(d.span());
        Expr dt = build.read(Symbol.Input.DT);
        Expr f = at.rightHandSides().get(i);
        // x_k - x0 - dt f(x_k): at k = 0 the first two terms cancel exactly.
        Expr residual = k == 0
            ? build.negate(build.multiply(dt, f))
            : build.subtract(build.subtract(build.read(iterate.get(i)), build.read(d.state())), build.multiply(dt, f));
        residuals.add(share(d.state().name() + "_residual" + suffix, residual, d));
        for (int j = 0; j < n; j++) {
          Expr df = jacobian[i][j];
          Expr identity = build.literal(i == j ? 1 : 0);
          if (Differentiator.isZero(df)) {
            entries.add(identity);
          } else {
            Expr scaled = build.multiply(dt, df);
            entries.add(i == j ? build.subtract(identity, scaled) : build.negate(scaled));
          }
        }
      }
      List<Expr> change = matrix(n, entries).solve(residuals, sharing(labelled("newton" + k)));
      List<Symbol> nextIterate = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        StateUpdate.Derivative d = system.get(i);
        Exprs build = new Exprs(d.span());
        Expr x = ExprMatrix.isZero(change.get(i))
            ? build.read(iterate.get(i))
            : build.subtract(build.read(iterate.get(i)), change.get(i));
        nextIterate.add(solverLocals.define(d.state().name() + "_newton" + (k + 1), x, d.span()));
      }
      iterate = nextIterate;
      lastChange = change;
      lastMatrix = entries;
    }
    return accepted(iterate, lastChange, lastMatrix);
  }

  /**
   * The last iterate where every state's last change is within the tolerance and the last
   * iteration's matrix {@code I - dt J} is finite, else NaN for every state of the system. A small
   * change alone is not convergence: where the Jacobian is infinite ({@code sqrt(x)} or
   * {@code x^0.5} at x = 0) every change is -0 and the iterate never moves from x0, solving
   * nothing.
   */
  private List<StateUpdate.NextValue> accepted(List<Symbol> iterate, List<Expr> lastChange, List<Expr> lastMatrix) {
    Expr converged = null;
    for (int i = 0; i < system.size(); i++) {
      StateUpdate.Derivative d = system.get(i);
      Exprs build = new Exprs(d.span());
      Expr scale = build.add(abs(build.read(iterate.get(i))), abs(build.read(d.state())));
      Expr within = new Expr.Comparison(
          ComparisonOperator.LESS_OR_EQUAL, abs(lastChange.get(i)),
          build.multiply(build.literal(NEWTON_TOLERANCE), scale), d.span());
      converged = converged == null ? within : new Expr.Logical(LogicalOperator.AND, converged, within, d.span());
    }
    for (Expr entry : lastMatrix) {
      if (!(entry instanceof Expr.Literal)) {
        // |entry| < inf: false for an infinite entry and for NaN.
        Expr finite = new Expr.Comparison(
            ComparisonOperator.LESS, abs(entry), new Exprs(entry.span()).literal(Double.POSITIVE_INFINITY), entry.span());
        converged = new Expr.Logical(LogicalOperator.AND, converged, finite, entry.span());
      }
    }
    Symbol.Local accept = solverLocals.define(labelled("newton_converged"), new Expr.Conditional(
        converged, new Exprs(system.get(0).span()).literal(1), new Exprs(system.get(0).span()).literal(0),
        system.get(0).span()), system.get(0).span());
    List<StateUpdate.NextValue> next = new ArrayList<>();
    for (int i = 0; i < system.size(); i++) {
      StateUpdate.Derivative d = system.get(i);
      Exprs build = new Exprs(d.span());
      Expr ok = new Expr.Comparison(ComparisonOperator.EQUAL, build.read(accept), build.literal(1), d.span());
      Expr value = new Expr.Conditional(ok, build.read(iterate.get(i)), build.literal(Double.NaN), d.span());
      next.add(new StateUpdate.NextValue(d.state(), value, d.span()));
    }
    return next;
  }

  /** {@code name} after the label, if there is one. */
  private String labelled(String name) {
    return label.isEmpty() ? name : label + "_" + name;
  }

  private static Expr abs(Expr value) {
    return new Expr.Call(BuiltinFunction.ABS, List.of(value), value.span());
  }

  /** The right-hand sides at the iterate, and the locals they are to be differentiated through. */
  private record Iteration(List<Expr> rightHandSides, Set<Symbol.Local> lookThrough) {}

  /**
   * At k = 0 the right-hand sides as written, through the update block's locals; after, copies
   * of the varying locals reading the iterate, and the right-hand sides reading those.
   */
  private Iteration iteration(int k, List<Symbol> iterate, Set<Symbol.Local> varying, String suffix) {
    if (k == 0) {
      return new Iteration(system.stream().map(StateUpdate.Derivative::derivative).toList(), stepLocals);
    }
    // States are equal by value, locals by identity (Symbol.Local), as a HashMap compares them.
    Map<Symbol, Symbol> replaced = new HashMap<>();
    List<Symbol.State> order = List.copyOf(states);
    for (int i = 0; i < order.size(); i++) {
      replaced.put(order.get(i), iterate.get(i));
    }
    IterateRewriter rewriter = new IterateRewriter(replaced);
    Set<Symbol.Local> copies = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Symbol.Local local : modelLocals) {
      if (varying.contains(local)) {
        Symbol.Local copy = solverLocals.define(local.name() + suffix, rewriter.rewrite(local.definition()), local);
        replaced.put(local, copy);
        copies.add(copy);
      }
    }
    return new Iteration(system.stream().map(d -> rewriter.rewrite(d.derivative())).toList(), copies);
  }

  /** Reads the iterate in place of the system's states, and the copies in place of the varying locals. */
  private static final class IterateRewriter extends ExprRewriter {
    private final Map<Symbol, Symbol> replaced;

    IterateRewriter(Map<Symbol, Symbol> replaced) {
      this.replaced = replaced;
    }

    @Override
    public Expr visitReference(Expr.Reference reference) {
      Symbol replacement = replaced.get(reference.symbol());
      return replacement == null ? reference : new Expr.Reference(replacement, reference.span());
    }
  }

  /** The n x n matrix of {@code entries}, row by row. */
  private ExprMatrix matrix(int n, List<Expr> entries) {
    return ExprMatrix.of(n, (i, j) -> entries.get(i * n + j), system.get(0).span());
  }

  private BiFunction<String, Expr, Expr> sharing(String prefix) {
    return (name, value) -> share(prefix + "_" + name, value, system.get(0));
  }

  /** {@code value} as a local named {@code name}, unless it is a number or a name already. */
  private Expr share(String name, Expr value, StateUpdate.Derivative of) {
    if (value instanceof Expr.Literal || value instanceof Expr.Reference) {
      return value;
    }
    return new Exprs(of.span()).read(solverLocals.define(name, value, of.span()));
  }
}
