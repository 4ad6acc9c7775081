package io.cleft.compiler.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleft.compiler.optimize.MathMode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulation loops reproduce NEURON's and Brian2's traces, driven through everything
 * {@code cleft run} does after compiling (options, files, loop, recording, CSV), with
 * hand-written populations of ExpSyn and pair STDP. When the compiled models exist, the same
 * runs on them are the command's end-to-end test.
 */
class ReferenceTracesTest {
  /** The library's models, which the compiled runs below use once they exist. */
  private static final Path LIBRARY = Path.of("../models/src/main/syn");

  @TempDir Path dir;

  private static String run(SimulationSpec spec, Simulation.PopulationFactory factory, io.cleft.runtime.SynapseMetadata metadata) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    boolean ok = new SimulationRun(spec).simulate(metadata, factory, new PrintWriter(out, true), new PrintWriter(err, true));
    assertTrue(ok, err.toString());
    assertEquals("", err.toString());
    return TraceComparison.read(Path.of(spec.output().get()));
  }

  private SimulationSpec expSynSpec(String model) {
    Path output = dir.resolve("expsyn.csv");
    return new SimulationSpec(
        model,
        TimeGrid.of(200, 0.025),
        Optional.empty(),
        List.of(new ParameterSetting("tau", 2), new ParameterSetting("e", 0)),
        Optional.of(TraceComparison.resource("reference/neuron/expsyn-events.csv").toString()),
        Optional.of(PassiveCompartment.NEURON_DEFAULTS),
        VoltageInput.RESTING,
        VoltageInput.RESTING,
        Optional.of(List.of("g", "i", "v")),
        false,
        SampleMode.STEPS,
        Optional.of(output.toString()),
        Optional.empty(),
        MathMode.IEEE);
  }

  private static String runCompiled(SimulationSpec spec) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    boolean ok = new SimulationRun(spec).run(new PrintWriter(out, true), new PrintWriter(err, true));
    assertTrue(ok, err.toString());
    return TraceComparison.read(Path.of(spec.output().get()));
  }

  @Test
  void expSynOnAPassiveCompartmentReproducesNeuron() {
    SimulationSpec spec = expSynSpec("ExpSyn.syn");

    String trace = run(spec, ExpSynPopulation::new, ExpSynPopulation.METADATA);

    assertMatchesNeuron(trace, "hand-written");
  }

  /** The same run on the compiled library model, through the whole command, once it exists. */
  @Test
  void compiledExpSynReproducesNeuron() {
    Path model = LIBRARY.resolve("ExpSyn.syn");
    Assumptions.assumeTrue(Files.exists(model), "no ExpSyn.syn in the library yet");
    SimulationSpec spec = expSynSpec(model.toString());

    assertMatchesNeuron(runCompiled(spec), "compiled");
  }

  private static void assertMatchesNeuron(String trace, String what) {
    String expected = TraceComparison.read(TraceComparison.resource("reference/neuron/expsyn.csv"));
    assertEquals("t,g,i,v", trace.lines().findFirst().orElseThrow());
    double worst = TraceComparison.worstRelativeError(expected, trace, List.of("t", "g", "i", "v"), List.of(), 1e-12, 1e-15);
    System.out.println("ExpSyn (" + what + ") against NEURON: worst relative error " + worst);
  }

  private SimulationSpec pairStdpSpec(String model) {
    Path output = dir.resolve("stdp.csv");
    return new SimulationSpec(
        model,
        TimeGrid.of(1000, 0.1),
        Optional.of(TraceComparison.resource("reference/brian2/PairStdp-params.csv").toString()),
        List.of(),
        Optional.of(TraceComparison.resource("reference/brian2/PairStdp-spikes.csv").toString()),
        Optional.empty(),
        VoltageInput.RESTING,
        VoltageInput.RESTING,
        Optional.of(List.of("w")),
        false,
        SampleMode.EVENTS,
        Optional.of(output.toString()),
        Optional.empty(),
        MathMode.IEEE);
  }

  @Test
  void pairStdpBetweenClampsReproducesBrian2AfterEveryEvent() {
    String trace = run(pairStdpSpec("PairStdp.syn"), PairStdpPopulation::new, PairStdpPopulation.METADATA);

    assertMatchesBrian2(trace, "hand-written");
  }

  /** The same run on the compiled library model, through the whole command, once it exists. */
  @Test
  void compiledPairStdpReproducesBrian2() {
    Path model = LIBRARY.resolve("PairStdp.syn");
    Assumptions.assumeTrue(Files.exists(model), "no PairStdp.syn in the library yet");

    assertMatchesBrian2(runCompiled(pairStdpSpec(model.toString())), "compiled");
  }

  private static void assertMatchesBrian2(String trace, String what) {
    String expected = TraceComparison.read(TraceComparison.resource("reference/brian2/PairStdp-expected.csv"));
    assertEquals("t,synapse,kind,w", trace.lines().findFirst().orElseThrow());
    double worst =
        TraceComparison.worstRelativeError(expected, trace, List.of("t", "w"), List.of("synapse", "kind"), 1e-9, 1e-12);
    System.out.println("PairStdp (" + what + ") against Brian2: worst relative error " + worst);
  }
}
