package io.cleft.compiler.simulate;

import io.cleft.runtime.EventQueue;
import io.cleft.runtime.SynapsePopulation;
import java.util.Arrays;

/**
 * Synapses between clamped voltages, in Brian2's order: each synapse has its own postsynaptic
 * compartment (synapse k onto compartment k, all at v_post), the presynaptic voltage sits after
 * them, and time is t_n = n * dt, not accumulated. For the step that starts at t_n: deliver the
 * events due (time <= t_n + dt/2), record the current values at t_n, advance the states. Row
 * n + 1 holds those current values and the states after the step, as in NEURON's rows; row 0
 * is the state after initialisation.
 */
final class ClampedStep {
  private ClampedStep() {}

  /** Synapse k onto compartment k. */
  static int[] postIndex(int synapses) {
    int[] post = new int[synapses];
    for (int k = 0; k < synapses; k++) {
      post[k] = k;
    }
    return post;
  }

  /** Every synapse reads the presynaptic voltage after the postsynaptic compartments. */
  static int[] preIndex(int synapses) {
    int[] pre = new int[synapses];
    Arrays.fill(pre, synapses);
    return pre;
  }

  /**
   * Runs {@code grid}'s steps and returns the last one's start time.
   *
   * @param voltages the live voltages, one per synapse and the presynaptic one last
   */
  static double run(
      SynapsePopulation population,
      EventQueue queue,
      TimeGrid grid,
      VoltageSource vPre,
      VoltageSource vPost,
      double[] voltages,
      Recorder recorder,
      ProgressLine progress) {
    double dt = grid.dt();
    clamp(voltages, vPre, vPost, 0);
    recorder.captureCurrents(0, voltages);
    recorder.endRow(0, Double.NaN);
    for (int step = 0; step < grid.steps(); step++) {
      double t = step * dt;
      clamp(voltages, vPre, vPost, t);
      queue.deliverDue(population, t, dt, recorder);
      recorder.captureCurrents(t, voltages);
      population.step(t, dt, voltages);
      recorder.endRow((step + 1) * dt, Double.NaN);
      progress.stepDone(step + 1);
    }
    return (grid.steps() - 1) * dt;
  }

  private static void clamp(double[] voltages, VoltageSource vPre, VoltageSource vPost, double t) {
    int presynaptic = voltages.length - 1;
    double post = vPost.at(t);
    for (int k = 0; k < presynaptic; k++) {
      voltages[k] = post;
    }
    voltages[presynaptic] = vPre.at(t);
  }
}
