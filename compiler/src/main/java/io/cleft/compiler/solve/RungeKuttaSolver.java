package io.cleft.compiler.solve;

import io.cleft.compiler.model.Expr;
import io.cleft.compiler.model.ExprRewriter;
import io.cleft.compiler.model.OdeMethod;
import io.cleft.compiler.model.StateUpdate;
import io.cleft.compiler.model.Symbol;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Brian2's explicit Runge-Kutta methods ({@code brian2/stateupdaters/explicit.py}) over a
 * system: all the states whose equations name the method, stepped together, f their
 * right-hand sides.
 *
 * <pre>
 *   rk2:  k = dt*f(x, t);  x + dt*f(x + k/2, t + dt/2)
 *   rk4:  k1 = dt*f(x, t);  k2 = dt*f(x + k1/2, t + dt/2);  k3 = dt*f(x + k2/2, t + dt/2);
 *         k4 = dt*f(x + k3, t + dt);  x + k1/6 + k2/3 + k3/3 + k4/6
 * </pre>
 *
 * <p>As in Brian2, only the system's states take their stage values: the voltages are held at
 * the start of the step (Brian2 holds every variable that is not a state of the equations
 * integrated), and so are the states of other equations and next values (read as they were at
 * the start of the step, as every right-hand side reads them). {@code t} takes the stage's time,
 * {@code t + dt/2} or {@code t + dt}, as Brian2 substitutes it in {@code f(x, t)}: for an
 * explicitly time-dependent f the method keeps its order.
 *
 * <p>Each stage is a set of new locals: {@code k} and the stage's state of each state of the
 * system, and a copy of each model local that reads a state of the system or {@code t}
 * (directly or through another local), its definition reading the stage's values. A local that
 * reads neither is shared by all stages. The model therefore grows linearly, by one copy of the
 * right-hand sides and of those locals per stage, never exponentially: copies read copies by
 * reference, as the model's locals read each other.
 */
final class RungeKuttaSolver {
  private final List<StateUpdate.Derivative> system;
  private final List<Symbol.Local> modelLocals;
  private final SolverLocals solverLocals;
  /** The model locals each stage after the first copies: see {@link StageLocals}. */
  private final Set<Symbol.Local> varying;

  private RungeKuttaSolver(
      List<StateUpdate.Derivative> system, List<Symbol.Local> modelLocals, SolverLocals solverLocals) {
    this.system = system;
    this.modelLocals = modelLocals;
    this.solverLocals = solverLocals;
    this.varying = StageLocals.copiedPerStage(system, modelLocals);
  }

  /**
   * The next value of each state of {@code system}, in its order.
   *
   * @param system the equations naming {@code method}, {@link OdeMethod#RK2} or {@link OdeMethod#RK4}
   * @param modelLocals the model's own locals, in definition order
   */
  static List<StateUpdate.NextValue> solve(
      OdeMethod method, List<StateUpdate.Derivative> system, List<Symbol.Local> modelLocals, SolverLocals solverLocals) {
    RungeKuttaSolver solver = new RungeKuttaSolver(system, modelLocals, solverLocals);
    return switch (method) {
      case RK2 -> solver.midpoint();
      case RK4 -> solver.classical();
      default -> throw new IllegalArgumentException("not a Runge-Kutta method: " + method.symbol());
    };
  }

  private List<StateUpdate.NextValue> midpoint() {
    Map<Symbol.State, Symbol.Local> k = increments("k", "1", Map.of(), StageTime.START);
    Map<Symbol.State, Expr> f = stage("2", stageStates("2", k, 2), StageTime.MIDDLE);
    return nextValues(d -> {
      Exprs build = new Exprs(d.span());
      return build.add(build.read(d.state()), build.multiply(build.read(Symbol.Input.DT), f.get(d.state())));
    });
  }

  private List<StateUpdate.NextValue> classical() {
    Map<Symbol.State, Symbol.Local> k1 = increments("k1", "1", Map.of(), StageTime.START);
    Map<Symbol.State, Symbol.Local> k2 = increments("k2", "2", stageStates("2", k1, 2), StageTime.MIDDLE);
    Map<Symbol.State, Symbol.Local> k3 = increments("k3", "3", stageStates("3", k2, 2), StageTime.MIDDLE);
    Map<Symbol.State, Symbol.Local> k4 = increments("k4", "4", stageStates("4", k3, 1), StageTime.END);
    return nextValues(d -> {
      Exprs build = new Exprs(d.span());
      Symbol.State x = d.state();
      Expr sum = build.add(build.read(x), build.divide(build.read(k1.get(x)), build.literal(6)));
      sum = build.add(sum, build.divide(build.read(k2.get(x)), build.literal(3)));
      sum = build.add(sum, build.divide(build.read(k3.get(x)), build.literal(3)));
      return build.add(sum, build.divide(build.read(k4.get(x)), build.literal(6)));
    });
  }

  private List<StateUpdate.NextValue> nextValues(Function<StateUpdate.Derivative, Expr> next) {
    List<StateUpdate.NextValue> values = new ArrayList<>();
    for (StateUpdate.Derivative d : system) {
      values.add(new StateUpdate.NextValue(d.state(), next.apply(d), d.span()));
    }
    return values;
  }

  /**
   * {@code name_x = dt * f_x} for each x, at the stage where the states are {@code states} (none:
   * the first stage, the right-hand sides as written).
   */
  private Map<Symbol.State, Symbol.Local> increments(
      String name, String stage, Map<Symbol.State, Symbol.Local> states, StageTime time) {
    Map<Symbol.State, Expr> f = states.isEmpty() ? rightHandSides() : stage(stage, states, time);
    Map<Symbol.State, Symbol.Local> increments = new LinkedHashMap<>();
    for (StateUpdate.Derivative d : system) {
      Exprs build = new Exprs(d.span());
      Expr k = build.multiply(build.read(Symbol.Input.DT), f.get(d.state()));
      increments.put(d.state(), solverLocals.define(name + "_" + d.state().name(), k, d.span()));
    }
    return increments;
  }

  /** {@code x_stage = x + k_x / divisor} (or {@code x + k_x} for 1), for each x. */
  private Map<Symbol.State, Symbol.Local> stageStates(String stage, Map<Symbol.State, Symbol.Local> k, int divisor) {
    Map<Symbol.State, Symbol.Local> states = new LinkedHashMap<>();
    for (StateUpdate.Derivative d : system) {
      Exprs build = new Exprs(d.span());
      Expr step = build.divide(build.read(k.get(d.state())), build.literal(divisor));
      Expr value = build.add(build.read(d.state()), step);
      states.put(d.state(), solverLocals.define(d.state().name() + "_stage" + stage, value, d.span()));
    }
    return states;
  }

  private Map<Symbol.State, Expr> rightHandSides() {
    Map<Symbol.State, Expr> f = new LinkedHashMap<>();
    system.forEach(d -> f.put(d.state(), d.derivative()));
    return f;
  }

  /**
   * Each right-hand side with the system's states read as {@code states} and {@code t} at the
   * stage's time, through copies of the varying locals made for this stage.
   */
  private Map<Symbol.State, Expr> stage(String stage, Map<Symbol.State, Symbol.Local> states, StageTime time) {
    StageRewriter rewriter = new StageRewriter(states, time);
    for (Symbol.Local local : modelLocals) {
      if (varying.contains(local)) {
        Expr definition = rewriter.rewrite(local.definition());
        rewriter.copies.put(local, solverLocals.define(local.name() + "_stage" + stage, definition, local));
      }
    }
    Map<Symbol.State, Expr> f = new LinkedHashMap<>();
    system.forEach(d -> f.put(d.state(), rewriter.rewrite(d.derivative())));
    return f;
  }

  /** Where in the step a stage's time is: {@code t}, {@code t + dt/2} or {@code t + dt}. */
  private enum StageTime {
    START,
    MIDDLE,
    END
  }

  /** Reads the stage's values in place of the system's states, t and the varying locals. */
  private static final class StageRewriter extends ExprRewriter {
    private final Map<Symbol.State, Symbol.Local> states;
    private final StageTime time;
    final Map<Symbol.Local, Symbol.Local> copies = new IdentityHashMap<>();

    StageRewriter(Map<Symbol.State, Symbol.Local> states, StageTime time) {
      this.states = states;
      this.time = time;
    }

    @Override
    public Expr visitReference(Expr.Reference reference) {
      Symbol symbol = reference.symbol();
      Exprs build = new Exprs(reference.span());
      if (symbol instanceof Symbol.State state && states.containsKey(state)) {
        return build.read(states.get(state));
      }
      if (symbol instanceof Symbol.Local local && copies.containsKey(local)) {
        return build.read(copies.get(local));
      }
      if (symbol == Symbol.Input.T && time != StageTime.START) {
        Expr dt = build.read(Symbol.Input.DT);
        Expr shift = time == StageTime.MIDDLE ? build.divide(dt, build.literal(2)) : dt;
        return build.add(reference, shift);
      }
      return reference;
    }
  }
}
