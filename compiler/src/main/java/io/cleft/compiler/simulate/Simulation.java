package io.cleft.compiler.simulate;

import io.cleft.runtime.Connections;
import io.cleft.runtime.EventKind;
import io.cleft.runtime.EventQueue;
import io.cleft.runtime.SynapsePopulation;

/**
 * Runs a checked {@link SimulationSetup} on a population: builds it with the setup's wiring,
 * sets parameters and states in their order, queues the events, and drives NEURON's loop on a
 * passive compartment or Brian2's between clamps. What {@code cleft run} does once its files
 * are read, and what the reference tests drive with hand-written populations.
 */
final class Simulation {
  private Simulation() {}

  /** Makes the population for the wiring a run chooses: {@code Synapse::newPopulation}. */
  @FunctionalInterface
  interface PopulationFactory {
    SynapsePopulation create(int[] preIndex, int[] postIndex);
  }

  /**
   * @param lastDue the latest event time the run delivered: the last step's start + dt/2
   * @param undelivered how many queued events came after it and were not delivered
   */
  record Result(Trace trace, double lastDue, int undelivered) {}

  static Result run(PopulationFactory factory, SimulationSetup setup, ProgressLine progress) {
    int synapses = setup.synapses().count();
    boolean passive = setup.compartment().isPresent();
    int[] preIndex = passive ? NeuronFixedStep.preIndex(synapses) : ClampedStep.preIndex(synapses);
    int[] postIndex = passive ? NeuronFixedStep.postIndex(synapses) : ClampedStep.postIndex(synapses);
    SynapsePopulation population = factory.create(preIndex, postIndex);
    initialize(population, setup);

    Connections connections = new Connections(synapses);
    for (int k = 0; k < synapses; k++) {
      connections.setDelay(k, setup.synapses().delays()[k]);
    }
    EventQueue queue = new EventQueue();
    for (SpikeEvent event : setup.events()) {
      if (event.kind() == EventKind.PRE) {
        // The weight is the event's own, or the synapse's default (EventTable resolved it).
        queue.schedulePre(event.time() + connections.delay(event.synapse()), event.synapse(), event.weight());
      } else {
        queue.schedulePost(event.time(), postIndex[event.synapse()]);
      }
    }

    double[] voltages = new double[passive ? 2 : synapses + 1];
    Recorder recorder =
        setup.sample() == SampleMode.EVENTS
            ? new EventRecorder(population, setup.probes(), postIndex, voltages)
            : new StepRecorder(population, setup.probes(), setup.perSynapse());
    double lastStart;
    if (passive) {
      lastStart =
          NeuronFixedStep.run(population, queue, setup.grid(), setup.compartment().get(), setup.vPre(), voltages, recorder, progress);
    } else {
      lastStart = ClampedStep.run(population, queue, setup.grid(), setup.vPre(), setup.vPost(), voltages, recorder, progress);
    }
    progress.finish();
    return new Result(recorder.trace(), lastStart + setup.grid().dt() / 2, queue.size());
  }

  /**
   * The documented order: the table's parameter columns, then {@code --set} (which wins), then
   * {@code initialize()} (so that the model's {@code initial} block computes from them), then
   * the table's state columns.
   */
  private static void initialize(SynapsePopulation population, SimulationSetup setup) {
    for (SynapseTable.QuantityColumn column : setup.synapses().parameters()) {
      // A shared parameter's column is one value throughout (the table has checked it), which
      // setAll takes as the one value.
      population.parameter(column.name()).setAll(column.values());
    }
    for (ParameterSetting setting : setup.settings()) {
      population.parameter(setting.name()).fill(setting.value());
    }
    population.initialize();
    for (SynapseTable.QuantityColumn column : setup.synapses().states()) {
      System.arraycopy(column.values(), 0, population.state(column.name()), 0, column.values().length);
    }
  }
}
