package io.cleft.compiler.solve;

import io.cleft.compiler.model.StateUpdate;
import io.cleft.compiler.model.Symbol;

/** {@code x' = f} becomes {@code x + dt * f}. */
final class ForwardEulerSolver {
  private ForwardEulerSolver() {}

  static StateUpdate.NextValue solve(StateUpdate.Derivative derivative) {
    Exprs build = new Exprs(derivative.span());
    Symbol.State x = derivative.state();
    return new StateUpdate.NextValue(
        x,
        build.add(build.read(x), build.multiply(build.read(Symbol.Input.DT), derivative.derivative())),
        derivative.span());
  }
}
