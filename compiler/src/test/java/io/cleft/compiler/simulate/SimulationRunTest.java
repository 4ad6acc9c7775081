package io.cleft.compiler.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleft.compiler.CodeMode;
import io.cleft.compiler.table.CsvNumbers;
import io.cleft.runtime.SynapseMetadata;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cleft run} after compiling, on hand-written event-driven populations: weights and
 * delays, events after the end, post events, NEURON's order of calls, the progress line.
 */
class SimulationRunTest {
  @TempDir Path dir;

  private String file(String name, String text) {
    try {
      Path path = dir.resolve(name);
      Files.writeString(path, text);
      return path.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A run's options; the tests change what they test. */
  private static SimulationSpec spec(
      double tstop, Optional<String> synapses, Optional<String> events, boolean passive, List<String> record, SampleMode sample) {
    return new SimulationSpec(
        "Hand.syn",
        TimeGrid.of(tstop, 0.025),
        synapses,
        List.of(),
        events,
        passive ? Optional.of(PassiveCompartment.NEURON_DEFAULTS) : Optional.empty(),
        VoltageInput.RESTING,
        VoltageInput.RESTING,
        Optional.of(record),
        false,
        sample,
        Optional.empty(),
        Optional.empty(),
        CodeMode.DEFAULT);
  }

  private record Outcome(boolean ok, String out, String err) {}

  private static Outcome simulate(SimulationSpec spec, SynapseMetadata metadata, Simulation.PopulationFactory factory) {
    return simulate(new SimulationRun(spec), metadata, factory);
  }

  private static Outcome simulate(SimulationRun run, SynapseMetadata metadata, Simulation.PopulationFactory factory) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    boolean ok = run.simulate(metadata, factory, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Outcome(ok, out.toString(), err.toString());
  }

  private static List<String[]> rows(String csv) {
    List<String[]> rows = new ArrayList<>();
    csv.lines().skip(1).forEach(line -> rows.add(line.split(",")));
    return rows;
  }

  @Test
  void aPreEventArrivesAfterItsSynapsesDelayWithItsDefaultWeight() {
    String synapses = file("synapses.csv", "weight,delay\n0.002,1.5\n");
    String events = file("events.csv", "t,synapse\n10,0\n");

    Outcome run = simulate(spec(20, Optional.of(synapses), Optional.of(events), true, List.of("g"), SampleMode.STEPS), ExpSynPopulation.METADATA, ExpSynPopulation::new);

    assertTrue(run.ok(), run.err());
    List<String[]> rows = rows(run.out());
    // Arrival 11.5 ms: delivered in the step that starts at NEURON's t = 11.4999..., row 460.
    assertEquals(0, CsvNumbers.parse(rows.get(460)[1]));
    assertEquals(0.002 * Math.exp(-0.025 / 2), CsvNumbers.parse(rows.get(461)[1]));
  }

  @Test
  void anEventsOwnWeightWinsOverTheSynapses() {
    String synapses = file("synapses.csv", "weight\n0.002\n");
    String events = file("events.csv", "t,synapse,weight\n1,0,0.005\n2,0,\n");

    Outcome run = simulate(spec(3, Optional.of(synapses), Optional.of(events), false, List.of("g"), SampleMode.EVENTS), ExpSynPopulation.METADATA, ExpSynPopulation::new);

    assertTrue(run.ok(), run.err());
    List<String[]> rows = rows(run.out());
    assertEquals(0.005, CsvNumbers.parse(rows.get(0)[3]));
    double decayed = 0.005 * Math.pow(Math.exp(-0.025 / 2), 40);
    assertEquals(decayed + 0.002, CsvNumbers.parse(rows.get(1)[3]), 1e-15);
  }

  @Test
  void aPreEventWithoutAWeightForAHandlerThatTakesOne() {
    String events = file("events.csv", "t,synapse\n1,0\n");

    Outcome run = simulate(spec(3, Optional.empty(), Optional.of(events), true, List.of("g"), SampleMode.STEPS), ExpSynPopulation.METADATA, ExpSynPopulation::new);

    assertFalse(run.ok());
    assertEquals("", run.out());
    assertTrue(run.err().contains(events + ":2:1: error: this pre event has no weight"), run.err());
    assertTrue(run.err().contains("[SYN144]"), run.err());
  }

  @Test
  void aPostEventHasNoWeight() {
    String events = file("events.csv", "t,synapse,kind,weight\n1,0,post,0.5\n1,0,post,\n");

    Outcome run = simulate(spec(3, Optional.empty(), Optional.of(events), false, List.of("w"), SampleMode.EVENTS), PairStdpPopulation.METADATA, PairStdpPopulation::new);

    assertFalse(run.ok());
    assertTrue(run.err().contains(events + ":2:10: error: a post event has no weight"), run.err());
    assertFalse(run.err().contains(":3:"), run.err());
  }

  @Test
  void eventsAfterTheLastDeliveryAreIgnoredWithOneWarning() {
    String events = file("events.csv", "t,synapse,weight\n5,0,0.001\n19.99,0,0.001\n25,0,0.001\n19.98,0,0.001\n");

    Outcome run = simulate(spec(20, Optional.empty(), Optional.of(events), true, List.of("g"), SampleMode.STEPS), ExpSynPopulation.METADATA, ExpSynPopulation::new);

    assertTrue(run.ok(), run.err());
    assertTrue(run.err().contains(events + ":3:1: warning: 2 events arrive after"), run.err());
    assertTrue(run.err().contains("[SYN145]"), run.err());
    assertEquals(801, rows(run.out()).size());
  }

  @Test
  void aPostEventReachesEverySynapseOntoItsCompartment() {
    String synapses = file("synapses.csv", "w0\n0.5\n0.6\n0.7\n");
    String events = file("events.csv", "t,synapse,kind\n1,1,post\n2,2,pre\n");

    Outcome passive = simulate(spec(3, Optional.of(synapses), Optional.of(events), true, List.of("w", "Apost"), SampleMode.EVENTS), PairStdpPopulation.METADATA, PairStdpPopulation::new);
    Outcome clamped = simulate(spec(3, Optional.of(synapses), Optional.of(events), false, List.of("w", "Apost"), SampleMode.EVENTS), PairStdpPopulation.METADATA, PairStdpPopulation::new);

    assertTrue(passive.ok(), passive.err());
    // One compartment: the post event of synapse 1 is every synapse's.
    assertEquals(
        "t,synapse,kind,w,Apost\n1.0,0,post,0.5,-0.0105\n1.0,1,post,0.6,-0.0105\n1.0,2,post,0.7,-0.0105\n2.0,2,pre,"
            + CsvNumbers.format(0.7 - 0.0105 * Math.exp(-1 / 20.0)) + "," + CsvNumbers.format(-0.0105 * Math.exp(-1 / 20.0)) + "\n",
        passive.out());
    // Clamped, synapse k is alone on compartment k.
    assertEquals("t,synapse,kind,w,Apost\n1.0,1,post,0.6,-0.0105\n2.0,2,pre,0.7,0.0\n", clamped.out());
  }

  @Test
  void neuronsOrderOfCallsInAStep() {
    String events = file("events.csv", "t,synapse,weight\n0.0125,0,0.001\n");
    AtomicReference<ExpSynPopulation> made = new AtomicReference<>();

    Outcome run =
        simulate(
            spec(0.05, Optional.empty(), Optional.of(events), true, List.of("g"), SampleMode.STEPS),
            ExpSynPopulation.METADATA,
            (pre, post) -> {
              ExpSynPopulation population = new ExpSynPopulation(pre, post);
              population.logCalls = true;
              made.set(population);
              return population;
            });

    assertTrue(run.ok(), run.err());
    // An event exactly at t + dt/2 goes to the step that starts at t; the handler sees its own
    // time; the currents at v + 0.001 and at v at mid-step; the states from the step's start.
    String[] calls = made.get().calls.toString().split("\n");
    assertEquals("deliverPre 0 0.0125 0.001", calls[0]);
    assertTrue(calls[1].startsWith("addCurrents 0.0125 -64.999"), calls[1]);
    assertEquals("addCurrents 0.0125 -65.0", calls[2]);
    assertEquals("step 0.0", calls[3]);
    assertTrue(calls[4].startsWith("addCurrents 0.037500000000000006 "), calls[4]);
    assertEquals("step 0.025", calls[6]);
    assertEquals(7, calls.length);
  }

  @Test
  void theProgressLineOfALongRun() {
    AtomicLong now = new AtomicLong();
    // Each look at the clock is 0.3 s later: a run of 2000 steps looks 31 times, over 9 s.
    SimulationRun slow = new SimulationRun(spec(50, Optional.empty(), Optional.empty(), true, List.of("g"), SampleMode.STEPS), () -> now.getAndAdd(300_000_000L));

    Outcome run = simulate(slow, ExpSynPopulation.METADATA, ExpSynPopulation::new);

    assertTrue(run.ok(), run.err());
    assertTrue(run.err().startsWith("\rcleft run: step "), run.err());
    assertTrue(run.err().endsWith("\rcleft run: step 2,000 of 2,000 (100%)" + System.lineSeparator()), run.err());
    long lines = run.err().chars().filter(c -> c == '\r').count();
    assertTrue(lines >= 5 && lines <= 11, lines + " updates in\n" + run.err());
  }

  @Test
  void noProgressLineWithinTheFirstSecond() {
    SimulationRun quick = new SimulationRun(spec(50, Optional.empty(), Optional.empty(), true, List.of("g"), SampleMode.STEPS), () -> 0);

    assertEquals("", simulate(quick, ExpSynPopulation.METADATA, ExpSynPopulation::new).err());
  }

  @Test
  void thePlotHasAPanelPerQuantityAndMarksTheEvents() throws IOException {
    String events = file("events.csv", "t,synapse,weight\n10,0,0.002\n12.5,0,0.001\n");
    Path plot = dir.resolve("psp.png");
    SimulationSpec base = spec(40, Optional.empty(), Optional.of(events), true, List.of("g", "i", "v"), SampleMode.STEPS);
    SimulationSpec withPlot =
        new SimulationSpec(
            base.model(), base.grid(), base.synapses(), base.settings(), base.events(), base.compartment(), base.vPre(),
            base.vPost(), base.record(), base.perSynapse(), base.sample(), base.output(), Optional.of(plot.toString()),
            base.mode());

    Outcome run = simulate(withPlot, ExpSynPopulation.METADATA, ExpSynPopulation::new);

    assertTrue(run.ok(), run.err());
    java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(plot.toFile());
    assertEquals(TracePlot.WIDTH, image.getWidth());
    assertEquals(3 * TracePlot.PANEL_HEIGHT, image.getHeight());
  }

  @Test
  void thePlotOfEventRowsHasAPanelPerQuantity() throws IOException {
    String synapses = file("synapses.csv", "w0\n0.5\n0.6\n");
    String events = file("events.csv", "t,synapse,kind\n1,1,post\n2,0,pre\n");
    Path plot = dir.resolve("stdp.png");
    SimulationSpec base = spec(3, Optional.of(synapses), Optional.of(events), false, List.of("w", "Apre", "Apost"), SampleMode.EVENTS);
    SimulationSpec withPlot =
        new SimulationSpec(
            base.model(), base.grid(), base.synapses(), base.settings(), base.events(), base.compartment(), base.vPre(),
            base.vPost(), base.record(), base.perSynapse(), base.sample(), base.output(), Optional.of(plot.toString()),
            base.mode());

    Outcome run = simulate(withPlot, PairStdpPopulation.METADATA, PairStdpPopulation::new);

    assertTrue(run.ok(), run.err());
    assertEquals(3 * TracePlot.PANEL_HEIGHT, javax.imageio.ImageIO.read(plot.toFile()).getHeight());
  }

  @Test
  void voltageTracesInterpolateBetweenRowsAndHoldOutside() {
    String trace = file("v.csv", "t,v\n1,-60\n3,-40\n");
    io.cleft.compiler.diagnostic.DiagnosticCollector diagnostics = new io.cleft.compiler.diagnostic.DiagnosticCollector();
    VoltageTrace read =
        VoltageTrace.read(
                io.cleft.compiler.table.CsvReader.read(new io.cleft.compiler.source.SourceFile(trace, "t,v\n1,-60\n3,-40\n"), diagnostics).orElseThrow(),
                diagnostics)
            .orElseThrow();

    assertEquals(-60, read.at(0));
    assertEquals(-60, read.at(1));
    assertEquals(-50, read.at(2));
    assertEquals(-45, read.at(2.5));
    assertEquals(-40, read.at(3));
    assertEquals(-40, read.at(100));
  }

  @Test
  void timeGrids() {
    assertEquals(8000, TimeGrid.of(200, 0.025).steps());
    assertEquals(10000, TimeGrid.of(1000, 0.1).steps());
    assertEquals(3, TimeGrid.of(0.30000000000000004, 0.1).steps());
    assertThrows(IllegalArgumentException.class, () -> TimeGrid.of(1.01, 0.025));
    assertThrows(IllegalArgumentException.class, () -> TimeGrid.of(0.01, 0.025));
    assertThrows(IllegalArgumentException.class, () -> TimeGrid.of(1, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> TimeGrid.of(1e9, 1e-3));
  }
}
