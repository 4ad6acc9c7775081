package io.cleft.compiler.simulate;

/**
 * A command-line value that is wrong only in the light of the model (a {@code --set} or
 * {@code --record} name it does not have): a usage error, exit 2, which the command reports as
 * it reports its own.
 */
public final class SimulationUsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SimulationUsageException(String message) {
    super(message);
  }
}
