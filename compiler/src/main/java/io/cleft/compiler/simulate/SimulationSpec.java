package io.cleft.compiler.simulate;

import io.cleft.compiler.CodeMode;
import java.util.List;
import java.util.Optional;

/**
 * One {@code cleft run}, as the command line gave it: every option, checked for what can be
 * checked without the model.
 *
 * @param synapses the {@code --synapses} file; one synapse with the defaults without it
 * @param settings {@code --set}, in command-line order, applied after the synapse table
 * @param compartment {@code --compartment passive} with its flags; empty to clamp v_post
 * @param vPost unused with a compartment
 * @param record {@code --record}'s names; empty for the default set
 * @param output the CSV file; empty for standard output
 * @param plot the PNG file, if any
 * @param mode how the generated class computes: fast math, SIMD mode (the population's kernels
 *     in vector lanes)
 */
public record SimulationSpec(
    String model,
    TimeGrid grid,
    Optional<String> synapses,
    List<ParameterSetting> settings,
    Optional<String> events,
    Optional<PassiveCompartment> compartment,
    VoltageInput vPre,
    VoltageInput vPost,
    Optional<List<String>> record,
    boolean perSynapse,
    SampleMode sample,
    Optional<String> output,
    Optional<String> plot,
    CodeMode mode) {

  public SimulationSpec {
    settings = List.copyOf(settings);
    record = record.map(List::copyOf);
  }
}
