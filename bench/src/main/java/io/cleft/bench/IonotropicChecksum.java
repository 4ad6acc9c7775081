package io.cleft.bench;

import io.cleft.models.IonotropicSynapse;
import io.cleft.runtime.SynapsePopulation;

/**
 * The generated IonotropicSynapse population after some steps on IonotropicBenchmark's inputs,
 * summed as bench/c/ionotropic.c's {@code --check} sums it: what run-benchmarks.sh and
 * CBaselineAgreementTest compare the C baseline with.
 *
 * <p>Run as {@code java -cp bench/target/benchmarks.jar io.cleft.bench.IonotropicChecksum N STEPS};
 * it prints the lines the C program prints.
 */
final class IonotropicChecksum {
  /** The population's state s, current and conductance after the steps, indexed by synapse or compartment. */
  record Result(int n, long steps, double[] s, double[] current, double[] conductance) {
    /** The line ionotropic.c prints: sums in index order, as the hex digits of their IEEE bits. */
    String checksumLine() {
      return String.format(
          "checksum n=%d steps=%d s=%016x current=%016x conductance=%016x",
          n, steps, bits(sum(s)), bits(sum(current)), bits(sum(conductance)));
    }

    /** The same sums in decimal, each the shortest that reads back as the double, for the script's awk. */
    String readableLine() {
      return "# s=" + sum(s) + " current=" + sum(current) + " conductance=" + sum(conductance);
    }
  }

  private IonotropicChecksum() {}

  static Result run(int n, long steps) {
    IonotropicInputs inputs = IonotropicInputs.seeded(n);
    SynapsePopulation population = new IonotropicSynapse().newPopulation(inputs.pre(), inputs.post());
    double[] current = new double[n];
    double[] conductance = new double[n];
    for (long step = 0; step < steps; step++) {
      population.advance(IonotropicInputs.DT, inputs.voltages(), current, conductance);
    }
    return new Result(n, steps, population.state("s").clone(), current, conductance);
  }

  static double sum(double[] values) {
    double total = 0;
    for (double value : values) {
      total += value;
    }
    return total;
  }

  private static long bits(double value) {
    return Double.doubleToRawLongBits(value);
  }

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: IonotropicChecksum N STEPS");
      System.exit(2);
    }
    try {
      int n = Integer.parseInt(args[0]);
      long steps = Long.parseLong(args[1]);
      if (n < 1 || steps < 1) {
        throw new NumberFormatException("not positive");
      }
      Result result = run(n, steps);
      System.out.println(result.checksumLine());
      System.out.println(result.readableLine());
    } catch (NumberFormatException e) {
      System.err.println("IonotropicChecksum: N and STEPS must be positive whole numbers");
      System.exit(2);
    }
  }
}
