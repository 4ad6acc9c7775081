package io.cleft.compiler.check;

import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.diagnostic.DiagnosticCollector;
import io.cleft.compiler.model.EventHandler;
import io.cleft.compiler.model.Expr;
import io.cleft.compiler.model.Statement;
import io.cleft.compiler.model.ExprWalker;
import io.cleft.compiler.model.OdeMethod;
import io.cleft.compiler.model.StateUpdate;
import io.cleft.compiler.model.Symbol;
import io.cleft.compiler.model.SynapseModel;
import io.cleft.compiler.solve.ImplicitEulerSolver;
import io.cleft.compiler.solve.OdeSolver;
import io.cleft.compiler.solve.StageLocals;
import io.cleft.compiler.solve.StatesReadThroughLocals;
import io.cleft.compiler.solve.SystemComponents;
import io.cleft.compiler.source.SourceSpan;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Rejects a model whose generated class could not be compiled: the JVM allows a method at most
 * 65,535 bytes of bytecode (JVMS 4.7.3), and the population's {@code advance} computes the
 * whole update and the current (with its derivative) in one method, its constructor creates
 * every parameter and state array. cleft estimates both from the model, generously, and
 * requires each estimate to stay within {@link #BYTECODE_LIMIT}; the tests check, on the shapes
 * that cost the most bytecode per model operation, that a model just under the limit compiles.
 * Measured on those shapes, the estimate is 1.2 (a chain of additions) to 5 (a current nested in
 * calls) times the real size, so a model the limit rejects might have fitted; none it accepts
 * does not.
 *
 * <p>The estimate of a method, in bytes: {@link #OPERATION} for each operation, number or name
 * in the update, {@link #CALL} for each call of {@code exp}, {@code log}, {@code tanh},
 * {@code sigmoid}, {@code pow} or {@code ^} (each gets a loop of its own in the population, and
 * the arithmetic before it another: some 100 to 200 bytes), {@link #CURRENT_FACTOR} times as
 * much for the current (its derivative is computed beside it), {@link #PER_EXPONENTIAL_EULER_STATE}
 * per state integrated by {@code exponential_euler} (its exact step has an {@code exp} of its
 * own), as much again per state under {@code exact} and {@link #PER_EXACT_LINK} per state of its
 * system that its equation reads (and, where the matrix exponential solves the system, every
 * operation of its products, solve and squarings, as for the update), {@link #PER_UPDATED_STATE} per other state updated, and {@link #PER_DECLARATION} per
 * parameter and state. A Runge-Kutta method copies the right-hand side, and the locals it reads
 * that change from stage to stage, into each of its {@link OdeMethod#stages()}: each copy is
 * counted, with {@link #PER_RUNGE_KUTTA_STAGE} per state for each stage after the first.
 * {@code implicit_euler} unrolls an elimination of its n states, {@link #PER_ELIMINATION_STEP}
 * per step, and for a nonlinear system does so once per Newton iteration, with the right-hand
 * sides copied, their derivatives ({@link #DERIVATIVE_FACTOR} times a right-hand side per
 * state it reads) and {@link #PER_NEWTON_STATE} per state. A kinetic
 * scheme counts as its ODEs, and its conservation law as its total, {@link #PER_UPDATED_STATE}
 * for the state it replaces and as much again, and an operation, per other state. The constructor's: {@link #CONSTRUCTOR_PER_DECLARATION} per
 * parameter and state, and {@link #CONSTRUCTOR_PER_CALL} per call and division, any of which
 * the optimizer may keep in an array of its own.
 */
public final class GeneratedSizeChecker {
  /** Below the JVM's 65,535, for what the estimate does not count (a method's fixed part). */
  public static final int BYTECODE_LIMIT = 60_000;

  static final int OPERATION = 4;
  static final int CALL = 160;
  static final int CURRENT_FACTOR = 2;
  static final int PER_EXPONENTIAL_EULER_STATE = 200;
  static final int PER_UPDATED_STATE = 30;
  /**
   * Per state and Runge-Kutta stage after the first: the stage's increment {@code k} and state
   * {@code x + k/2} (two more locals: a multiplication, a division, an addition) and the stage's
   * term in the final sum.
   */
  static final int PER_RUNGE_KUTTA_STAGE = 80;
  /**
   * Per state of an {@code exact} system read in an equation of it: the link between two rates
   * (a difference, its product with dt, a choice between a quotient and a six-term series) and
   * its term in the next value.
   */
  static final int PER_EXACT_LINK = 140;
  /**
   * Per step of the elimination {@code implicit_euler} unrolls (an entry of its matrix, each of
   * the n^3/3 updates of an entry, each term of the back substitution): a product, a
   * difference and a local, some 20 bytes.
   */
  static final int PER_ELIMINATION_STEP = 24;
  /**
   * Per state and Newton iteration: its residual {@code x_k - x0 - dt*f}, its iterate
   * {@code x_k - change}, and (once) its convergence test and choice of NaN.
   */
  static final int PER_NEWTON_STATE = 40;
  /**
   * How many times the bytes of a right-hand side (with the varying locals it reads) its
   * derivative with respect to one state costs: a rule makes a few nodes of one, and the
   * operands it copies ({@code u'*v + u*v'}) are common subexpressions. Measured on the dense
   * Newton system of GeneratedSizeCheckerTest (five states: about 15,000 bytes of advance(),
   * estimated 55,000), the implicit_euler estimate is some 3.5 times the real size; on a dense
   * linear system read by a voltage (17 states: 30,000 bytes, estimated 55,000), twice.
   */
  static final int DERIVATIVE_FACTOR = 2;
  /**
   * Twice the factor on the operations of a matrix exponential ({@code exact} on a coupled
   * system): 3/2. Where it is hoisted, each entry is an array the refresh reads and writes, and
   * the check of the invariants recomputes and compares each: measured, that check is 1.2 (3
   * states) to 1.3 (4 states) times the estimate of the operations; in advance() it is 0.65.
   */
  static final int MATRIX_EXPONENTIAL_FACTOR = 3;
  static final int PER_DECLARATION = 12;
  /**
   * Per shared parameter, its read into a local before the strip loops (aload, getfield,
   * iconst_0, daload, dstore: 8 bytes), in each loop method that reads it.
   */
  static final int PER_SHARED_PARAMETER = 8;
  /**
   * The strips of advance() take a range and may write the currents into per-synapse buffers
   * instead of the compartments: the test of the buffer and its two {@code System.arraycopy}
   * calls (some 30 bytes), and the range's bounds in the loop.
   */
  static final int RANGE_SCATTER = 40;
  static final int CONSTRUCTOR_PER_DECLARATION = 24;
  static final int CONSTRUCTOR_PER_CALL = 12;
  /**
   * Per value the initial block keeps (each of its assignments), in the methods that recompute
   * and check the kept values, each of which has a test and a store per value: some 20 bytes
   * besides the expression, measured (the fuzz test found 3,000 derived values beyond 64 KiB
   * in {@code cachesAreCurrent}, which no estimate counted).
   */
  static final int PER_KEPT_VALUE = 30;
  /**
   * Per named value of the current block, in {@code currentValues}, which computes the whole
   * current block (with its derivative) and picks one value by its name: a case of a string
   * switch and a branch per value, some 76 bytes a value with the computation, measured; with the computation counted twice, as in advance(), 60 more a value keeps the largest model allowed within 64 KiB (the fuzz
   * test found 1,000 named values beyond 64 KiB, where the estimate of advance() was within it).
   */
  static final int PER_CURRENT_VALUE = 60;

  private GeneratedSizeChecker() {}

  /** @param name where to report: the synapse's name */
  public static void check(SynapseModel model, SourceSpan name, DiagnosticCollector diagnostics) {
    int declarations = model.parameters().size() + model.states().size();
    Tally update = new Tally();
    model.locals().forEach(local -> update.add(local.definition()));
    long stateUpdates = 0;
    Set<Symbol.State> exactStates = SystemComponents.states(SystemComponents.equations(model, OdeMethod.EXACT));
    for (StateUpdate u : model.updates()) {
      int stages = u instanceof StateUpdate.Derivative d ? d.method().stages() : 1;
      update.add(u.rightHandSide(), stages);
      boolean exact = u instanceof StateUpdate.Derivative d && d.method() == OdeMethod.EXPONENTIAL_EULER;
      stateUpdates += exact ? PER_EXPONENTIAL_EULER_STATE : PER_UPDATED_STATE;
      if (u instanceof StateUpdate.Derivative d && d.method() == OdeMethod.EXACT) {
        // Its decay (an exp) and, per state it is written with, a link and its term.
        stateUpdates += PER_EXPONENTIAL_EULER_STATE + (long) PER_EXACT_LINK * exactStatesRead(d, exactStates);
      }
      stateUpdates += (long) PER_RUNGE_KUTTA_STAGE * (stages - 1);
    }
    addStageCopies(model, update);
    long beforeImplicit = update.cost;
    long implicit = implicitEuler(model, update);
    stateUpdates += implicit;
    implicit += update.cost - beforeImplicit;
    // The matrix exponential's products and squarings, counted as the solver writes them: in
    // advance(), or where they are hoisted, in the method that refreshes the invariants.
    Tally matrixExponential = new Tally();
    OdeSolver.exactMatrixExponentialCode(model).forEach(matrixExponential::add);
    update.cost += MATRIX_EXPONENTIAL_FACTOR * matrixExponential.cost / 2;
    update.calls += matrixExponential.calls;
    // A kinetic scheme's ODEs are among the updates; its law's replaced state is the total minus
    // the others' next values, each of which the solver keeps in a local for it.
    for (io.cleft.compiler.model.KineticScheme scheme : model.schemes()) {
      if (scheme.law().isPresent()) {
        update.add(scheme.law().get().total());
        stateUpdates += PER_UPDATED_STATE + (long) (PER_UPDATED_STATE + OPERATION) * scheme.law().get().others().size();
      }
    }
    Tally current = new Tally();
    current.add(model.current());
    Statement.forEachExpression(model.currentStatements(), current::add);
    // The initial block's values are kept per synapse and computed where the invariants are.
    Tally initial = new Tally();
    Statement.forEachExpression(model.initial(), initial::add);
    update.calls += initial.calls;
    long[] keptValues = {0};
    Statement.forEachAssignment(model.initial(), a -> keptValues[0]++);
    long kept = initial.cost + PER_KEPT_VALUE * keptValues[0] + (long) PER_DECLARATION * declarations;
    if (kept > BYTECODE_LIMIT) {
      diagnostics.error(
          DiagnosticCode.GENERATED_METHOD_TOO_LARGE,
          name,
          String.format(
              Locale.ROOT,
              "synapse '%s' derives too much in 'initial' for one Java method: keeping its values current would"
                  + " need about %,d bytes of bytecode, and cleft allows %,d (the JVM allows 65,535); derive fewer values",
              model.name(),
              kept,
              BYTECODE_LIMIT));
    }
    for (EventHandler handler : model.handlers()) {
      Tally body = new Tally();
      Statement.forEachExpression(handler.statements(), body::add);
      // Each assignment is a local, and a state or local assigned in an 'if' a choice after it.
      Statement.forEachAssignment(handler.statements(), a -> body.cost += PER_UPDATED_STATE);
      long bytes = body.cost + (long) PER_DECLARATION * declarations;
      if (bytes > BYTECODE_LIMIT) {
        diagnostics.error(
            DiagnosticCode.GENERATED_METHOD_TOO_LARGE,
            handler.span(),
            String.format(
                Locale.ROOT,
                "the handler 'on %s' is too large for one Java method: it would need about %,d bytes of bytecode,"
                    + " and cleft allows %,d (the JVM allows 65,535); use fewer statements",
                handler.kind().symbol(),
                bytes,
                BYTECODE_LIMIT));
      }
    }
    long currentValues =
        CURRENT_FACTOR * current.cost + (long) PER_CURRENT_VALUE * model.currentValues().size()
            + (long) PER_DECLARATION * declarations;
    // Without named values, currentValues() is the current alone, which advance()'s estimate covers.
    if (!model.currentValues().isEmpty() && currentValues > BYTECODE_LIMIT) {
      diagnostics.error(
          DiagnosticCode.GENERATED_METHOD_TOO_LARGE,
          name,
          String.format(
              Locale.ROOT,
              "synapse '%s' has too many named values in its current block for one Java method: its population's"
                  + " currentValues() would need about %,d bytes of bytecode, and cleft allows %,d (the JVM allows"
                  + " 65,535); name fewer values",
              model.name(),
              currentValues,
              BYTECODE_LIMIT));
    }
    long shared = model.parameters().stream().filter(Symbol.Parameter::shared).count();
    long step =
        update.cost + CURRENT_FACTOR * current.cost + stateUpdates + (long) PER_DECLARATION * declarations
            + PER_SHARED_PARAMETER * shared + RANGE_SCATTER;
    long constructor =
        (long) CONSTRUCTOR_PER_DECLARATION * (declarations + keptValues[0])
            + CONSTRUCTOR_PER_CALL * (update.calls + current.calls);
    if (step > BYTECODE_LIMIT) {
      diagnostics.error(
          DiagnosticCode.GENERATED_METHOD_TOO_LARGE,
          name,
          String.format(
              Locale.ROOT,
              "synapse '%s' is too large for one Java method: its population's advance() would need about %,d bytes"
                  + " of bytecode, and cleft allows %,d (the JVM allows 65,535); %s",
              model.name(),
              step,
              BYTECODE_LIMIT,
              2 * implicit > step
                  ? String.format(
                      Locale.ROOT,
                      "most of it is the step of the %d states under implicit_euler (an elimination, in each of %d Newton"
                          + " iterations if they are nonlinear): put fewer states under implicit_euler, or split the model",
                      implicitStates(model),
                      ImplicitEulerSolver.NEWTON_ITERATIONS)
                  : "use fewer locals and calls, or split the model"));
    }
    if (constructor > BYTECODE_LIMIT) {
      diagnostics.error(
          DiagnosticCode.GENERATED_METHOD_TOO_LARGE,
          name,
          String.format(
              Locale.ROOT,
              "synapse '%s' has too many parameters and states for one Java method: its population's constructor"
                  + " would need about %,d bytes of bytecode, and cleft allows %,d (the JVM allows 65,535);"
                  + " split the model",
              model.name(),
              constructor,
              BYTECODE_LIMIT));
    }
  }

  /**
   * How many other states of {@code exact} (the states under it) the right-hand side of {@code d}
   * reads as written:
   * each is a link of the exact step (through a local it would be too, but is rare enough).
   */
  private static long exactStatesRead(StateUpdate.Derivative d, Set<Symbol.State> exact) {
    Set<Symbol.State> read = new HashSet<>();
    ExprWalker.forEach(d.derivative(), e -> {
      if (e instanceof Expr.Reference reference
          && reference.symbol() instanceof Symbol.State state
          && state != d.state()
          && exact.contains(state)) {
        read.add(state);
      }
    });
    return read.size();
  }

  /**
   * The bytes of the {@code implicit_euler} step beyond its right-hand sides (counted once
   * above), with the copies it adds to {@code update}: for a linear system the elimination; for
   * a nonlinear one, per Newton iteration, the right-hand sides and the locals that read the
   * system's states again (but the first), their derivatives with respect to each state of the
   * system each equation reaches, the elimination, and per state its residual and iterate.
   */
  private static long implicitEuler(SynapseModel model, Tally update) {
    Set<Symbol.Local> stepLocals = Set.copyOf(model.locals());
    long bytes = 0;
    // The solver steps each independent part of the system on its own (SystemComponents).
    for (List<StateUpdate.Derivative> component
        : SystemComponents.of(SystemComponents.equations(model, OdeMethod.IMPLICIT_EULER), stepLocals)) {
      bytes += implicitEuler(component, model, stepLocals, update);
    }
    return bytes;
  }

  /** {@link #implicitEuler(SynapseModel, Tally)} for one independent part of the system. */
  private static long implicitEuler(
      List<StateUpdate.Derivative> system, SynapseModel model, Set<Symbol.Local> stepLocals, Tally update) {
    long n = system.size();
    long elimination = (long) PER_ELIMINATION_STEP * (n * n * n / 3 + 2 * n * n + n);
    if (ImplicitEulerSolver.isLinear(system, stepLocals)) {
      return elimination;
    }
    int iterations = ImplicitEulerSolver.NEWTON_ITERATIONS;
    Set<Symbol.Local> varying = ImplicitEulerSolver.copiedPerIteration(system, model.locals());
    Tally once = new Tally();
    system.forEach(d -> once.add(d.derivative()));
    varying.forEach(l -> once.add(l.definition()));
    // The right-hand sides as written are counted once above; each later iteration copies them.
    system.forEach(d -> update.add(d.derivative(), iterations - 1));
    varying.forEach(l -> update.add(l.definition(), iterations - 1));
    long derivatives = 0;
    StatesReadThroughLocals statesRead = new StatesReadThroughLocals(SystemComponents.states(system), stepLocals);
    for (StateUpdate.Derivative d : system) {
      Tally equation = new Tally();
      equation.add(d.derivative());
      varying.forEach(l -> equation.add(l.definition()));
      derivatives += DERIVATIVE_FACTOR * equation.cost * statesRead.of(d.derivative()).size();
    }
    update.calls += (long) iterations * DERIVATIVE_FACTOR * once.calls;
    return iterations * (derivatives + elimination + PER_NEWTON_STATE * n);
  }

  private static long implicitStates(SynapseModel model) {
    return SystemComponents.equations(model, OdeMethod.IMPLICIT_EULER).size();
  }

  /**
   * The locals a Runge-Kutta step copies into each stage after the first (see {@link
   * StageLocals}), counted once more per copy: the model's locals are counted once above.
   */
  private static void addStageCopies(SynapseModel model, Tally update) {
    for (OdeMethod method : OdeMethod.values()) {
      if (method.stages() == 1) {
        continue;
      }
      List<StateUpdate.Derivative> system = SystemComponents.equations(model, method);
      if (!system.isEmpty()) {
        StageLocals.copiedPerStage(system, model.locals()).forEach(l -> update.add(l.definition(), method.stages() - 1));
      }
    }
  }

  /**
   * The estimated bytes of the expressions added so far, and their calls of the functions that
   * get loops of their own and divisions (each of which the constructor may cache).
   */
  private static final class Tally {
    long cost;
    long calls;

    void add(Expr root) {
      add(root, 1);
    }

    /** {@code root} counted {@code copies} times, as a Runge-Kutta step copies it into each stage. */
    void add(Expr root, int copies) {
      ExprWalker.forEach(root, e -> {
        boolean expensive = isExpensive(e);
        cost += (long) copies * (expensive ? CALL : OPERATION);
        if (expensive || (e instanceof Expr.Arithmetic a && a.operator() == Expr.ArithmeticOperator.DIVIDE)) {
          calls += copies;
        }
      });
    }
  }

  /** As emit's PhasePlanner: a power, or a call of a function that gets a loop of its own. */
  private static boolean isExpensive(Expr expr) {
    if (expr instanceof Expr.Arithmetic arithmetic) {
      return arithmetic.operator() == Expr.ArithmeticOperator.POWER;
    }
    return expr instanceof Expr.Call call && call.function().isExpensive();
  }
}
