package io.cleft.compiler.model;

import java.util.Arrays;
import java.util.Optional;

/** The integration methods an ODE can name after {@code using}. */
public enum OdeMethod {
  /**
   * Exact for {@code x' = a + b*x} with {@code a}, {@code b} constant over the step, as NMODL's
   * {@code cnexp} and Brian2's {@code exponential_euler}; the right-hand side must be linear in
   * {@code x}.
   */
  EXPONENTIAL_EULER("exponential_euler", 1),
  /**
   * {@code x + dt * f(x)}: any right-hand side, first order. Every right-hand side reads the
   * states at the start of the step, so this is already the step of the whole system.
   */
  EULER("euler", 1),
  /**
   * Brian2's {@code rk2}, the midpoint method, over all states whose equations name it:
   * {@code k = dt*f(x, t); x + dt*f(x + k/2, t + dt/2)}; any right-hand side, second order.
   */
  RK2("rk2", 2),
  /**
   * Brian2's {@code rk4}, the classical Runge-Kutta method, over all states whose equations name
   * it: {@code k1 = dt*f(x, t)}, {@code k2 = dt*f(x + k1/2, t + dt/2)},
   * {@code k3 = dt*f(x + k2/2, t + dt/2)}, {@code k4 = dt*f(x + k3, t + dt)};
   * {@code x + k1/6 + k2/3 + k3/3 + k4/6}; any right-hand side, fourth order.
   */
  RK4("rk4", 4),
  /**
   * The exact solution over the step of the system of all states whose equations name it,
   * {@code x' = A x + b}, linear in those states, with A and b held at the start of the step
   * and A triangular (a state may be driven by states that only decay): each state's own decay
   * plus the exactly integrated contribution of the states driving it; exact to rounding.
   */
  EXACT("exact", 1),
  /**
   * Backward Euler over the system of all states whose equations name it: x1 solves
   * {@code x1 = x0 + dt*f(x1)}; a linear system directly, a nonlinear one by Newton's method
   * with the symbolic Jacobian (a fixed number of iterations, NaN if they have not converged);
   * any right-hand side, first order, stable on stiff rates. Its {@link #stages()} is 1: the
   * right-hand side is evaluated once at x1, and the Newton iterations that find x1 for a
   * nonlinear system are counted by the size check on their own.
   */
  IMPLICIT_EULER("implicit_euler", 1);

  private final String symbol;
  private final int stages;

  OdeMethod(String symbol, int stages) {
    this.symbol = symbol;
    this.stages = stages;
  }

  /**
   * How many times a step evaluates the right-hand side: the copies of it (and of the locals it
   * reads that change from stage to stage) in the generated step.
   */
  public int stages() {
    return stages;
  }

  public String symbol() {
    return symbol;
  }

  public static Optional<OdeMethod> named(String symbol) {
    return Arrays.stream(values()).filter(m -> m.symbol.equals(symbol)).findFirst();
  }
}
