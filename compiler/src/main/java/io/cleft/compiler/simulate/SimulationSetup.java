package io.cleft.compiler.simulate;

import java.util.List;
import java.util.Optional;

/**
 * Everything a simulation needs once its inputs are read and checked against the model.
 *
 * @param compartment the passive compartment every synapse feeds; empty to clamp v_post
 * @param vPost the clamped postsynaptic voltage, unused with a compartment
 * @param settings {@code --set}, applied after the synapse table's parameter columns
 * @param events in file order
 */
record SimulationSetup(
    TimeGrid grid,
    Optional<PassiveCompartment> compartment,
    VoltageSource vPre,
    VoltageSource vPost,
    SynapseTable synapses,
    List<ParameterSetting> settings,
    List<SpikeEvent> events,
    List<Probe> probes,
    boolean perSynapse,
    SampleMode sample) {
  SimulationSetup {
    settings = List.copyOf(settings);
    events = List.copyOf(events);
    probes = List.copyOf(probes);
  }
}
