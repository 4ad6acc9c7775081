package io.cleft.compiler.simulate;

import io.cleft.runtime.EventQueue;
import io.cleft.runtime.SynapsePopulation;
import java.util.Arrays;

/**
 * NEURON's fixed step on one passive compartment that every synapse feeds (compartment 0), as
 * docs/SIMULATION.md describes: for the step that starts at t,
 *
 * <ol>
 *   <li>deliver the events due (time <= t + dt/2), each at its own time;
 *   <li>t += dt/2; the synapses' total current at v + 0.001 mV and at v (the second gives the
 *       recorded values), their conductance numerically as NEURON takes it,
 *       (I(v + 0.001) - I(v)) / 0.001, and the leak's the same way;
 *   <li>backward Euler on the membrane, point currents (nA, uS) scaled by 100 / area into
 *       mA/cm2 and S/cm2, in NEURON's order of sums;
 *   <li>t += dt/2 (NEURON's own accumulated time, which drifts from n * dt); advance the
 *       states from the step's start with the new v.
 * </ol>
 *
 * Row n holds v_n, the current values of step 2 and the states after step 4, as NEURON's
 * {@code Vector.record} does; row 0 is the state after initialisation at v_init.
 */
final class NeuronFixedStep {
  /** NEURON's voltage offset for the numerical conductance, 0.001 mV. */
  static final double DV = 0.001;

  /** The compartment every synapse feeds; the presynaptic voltage sits after it. */
  static final int COMPARTMENT = 0;

  static final int PRESYNAPTIC = 1;

  private NeuronFixedStep() {}

  /** The synapses' compartments: all on compartment 0, all reading the presynaptic voltage at 1. */
  static int[] postIndex(int synapses) {
    return new int[synapses];
  }

  static int[] preIndex(int synapses) {
    int[] pre = new int[synapses];
    Arrays.fill(pre, PRESYNAPTIC);
    return pre;
  }

  /**
   * Runs {@code grid}'s steps and returns the last one's start time.
   *
   * @param voltages the live voltages of length 2 (compartment, presynaptic), which recorders
   *     may read during delivery
   */
  static double run(
      SynapsePopulation population,
      EventQueue queue,
      TimeGrid grid,
      PassiveCompartment compartment,
      VoltageSource vPre,
      double[] voltages,
      Recorder recorder,
      ProgressLine progress) {
    double dt = grid.dt();
    double[] shifted = new double[2];
    double[] current = new double[2];
    double[] conductance = new double[2];
    // NEURON's _mfact: a point process's nA and uS per mA/cm2 and S/cm2 of this compartment.
    double pointToDensity = 1e2 / compartment.area();
    double capacitance = 0.001 / dt * compartment.cm();
    double gPas = compartment.gPas();
    double ePas = compartment.ePas();

    double t = 0;
    double v = compartment.vInit();
    voltages[COMPARTMENT] = v;
    voltages[PRESYNAPTIC] = vPre.at(t);
    recorder.captureCurrents(t, voltages);
    recorder.endRow(t, v);
    double stepStart = t;
    for (int step = 0; step < grid.steps(); step++) {
      stepStart = t;
      voltages[COMPARTMENT] = v;
      voltages[PRESYNAPTIC] = vPre.at(stepStart);
      queue.deliverDue(population, stepStart, dt, recorder);

      t += 0.5 * dt;
      shifted[COMPARTMENT] = v + DV;
      shifted[PRESYNAPTIC] = voltages[PRESYNAPTIC];
      double synapticShifted = totalCurrent(population, t, shifted, current, conductance);
      double synaptic = totalCurrent(population, t, voltages, current, conductance);
      double synapticConductance = (synapticShifted - synaptic) / DV;
      double leak = gPas * (v - ePas);
      double leakShifted = gPas * (v + DV - ePas);
      double leakConductance = (leakShifted - leak) / DV;
      recorder.captureCurrents(t, voltages);

      double rhs = 0;
      double diagonal = 0;
      rhs -= leak;
      diagonal += leakConductance;
      rhs -= synaptic * pointToDensity;
      diagonal += synapticConductance * pointToDensity;
      diagonal += capacitance;
      v += rhs / diagonal;

      t += 0.5 * dt;
      voltages[COMPARTMENT] = v;
      population.step(stepStart, dt, voltages);
      recorder.endRow(t, v);
      progress.stepDone(step + 1);
    }
    return stepStart;
  }

  private static double totalCurrent(
      SynapsePopulation population, double t, double[] voltages, double[] current, double[] conductance) {
    current[COMPARTMENT] = 0;
    conductance[COMPARTMENT] = 0;
    population.addCurrents(t, voltages, current, conductance);
    return current[COMPARTMENT];
  }
}
