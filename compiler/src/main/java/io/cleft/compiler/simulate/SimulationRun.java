package io.cleft.compiler.simulate;

import io.cleft.compiler.GenerationOptions;
import io.cleft.compiler.Pipeline;
import io.cleft.compiler.build.ModelFile;
import io.cleft.compiler.build.TextFiles;
import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.diagnostic.DiagnosticCollector;
import io.cleft.compiler.diagnostic.DiagnosticReporter;
import io.cleft.compiler.diagnostic.Spelling;
import io.cleft.compiler.ir.IrProgram;
import io.cleft.compiler.load.InMemoryCompiler;
import io.cleft.compiler.table.CsvNumbers;
import io.cleft.compiler.table.CsvReader;
import io.cleft.compiler.table.CsvTable;
import io.cleft.runtime.EventKind;
import io.cleft.runtime.Quantity;
import io.cleft.runtime.Synapse;
import io.cleft.runtime.SynapseMetadata;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * {@code cleft run}: compiles the model as {@code cleft eval} does (generated Java, compiled in
 * memory), reads and checks the run's files against it, simulates, and writes the trace (and
 * the plot). Every problem with a file is a diagnostic at its place; a command-line value that
 * is wrong for this model is a {@link SimulationUsageException}.
 */
public final class SimulationRun {
  private final SimulationSpec spec;
  private final LongSupplier nanoClock;

  public SimulationRun(SimulationSpec spec) {
    this(spec, System::nanoTime);
  }

  /** With a clock of its own, so tests can see the progress line of a long run in no time. */
  SimulationRun(SimulationSpec spec, LongSupplier nanoClock) {
    this.spec = spec;
    this.nanoClock = nanoClock;
  }

  /**
   * Runs the simulation; true on success.
   *
   * @throws SimulationUsageException for a {@code --set} or {@code --record} the model rejects
   */
  public boolean run(PrintWriter out, PrintWriter err) {
    DiagnosticReporter reporter = new DiagnosticReporter(err);
    // Where the results go is checked first: a long run must not end in "cannot write".
    DiagnosticCollector destinations = new DiagnosticCollector();
    boolean writable = spec.output().map(f -> TextFiles.canWrite(f, destinations)).orElse(true)
        & spec.plot().map(f -> TextFiles.canWrite(f, destinations)).orElse(true);
    reporter.report(destinations.all());
    if (!writable) {
      return false;
    }
    Optional<IrProgram> program = ModelFile.compile(spec.model(), reporter);
    if (program.isEmpty()) {
      return false;
    }
    Synapse synapse = InMemoryCompiler.load(Pipeline.generate(program.get(), new GenerationOptions(spec.mode(), "cleft.run")));
    return simulate(synapse.metadata(), synapse::newPopulation, out, err);
  }

  /**
   * Everything after compiling: checks the options and reads the files against
   * {@code metadata}, simulates on the populations {@code factory} makes, writes the trace and
   * the plot. The reference tests call it with hand-written populations.
   */
  boolean simulate(SynapseMetadata metadata, Simulation.PopulationFactory factory, PrintWriter out, PrintWriter err) {
    DiagnosticReporter reporter = new DiagnosticReporter(err);
    checkSettings(metadata);
    List<Probe> probes = Probe.resolve(metadata, spec.record(), spec.compartment().isPresent());

    DiagnosticCollector diagnostics = new DiagnosticCollector();
    Optional<SynapseTable> synapses = Optional.of(SynapseTable.single());
    if (spec.synapses().isPresent()) {
      synapses = csv(spec.synapses().get(), diagnostics).flatMap(t -> SynapseTable.read(t, metadata, diagnostics));
    }
    Optional<List<SpikeEvent>> events = Optional.of(List.of());
    if (spec.events().isPresent() && synapses.isPresent()) {
      SynapseTable table = synapses.get();
      events = csv(spec.events().get(), diagnostics).flatMap(t -> EventTable.read(t, metadata, table, diagnostics));
    }
    Optional<VoltageSource> vPre = voltage(spec.vPre(), diagnostics);
    Optional<VoltageSource> vPost = voltage(spec.vPost(), diagnostics);
    if (diagnostics.hasErrors() || synapses.isEmpty() || events.isEmpty() || vPre.isEmpty() || vPost.isEmpty()) {
      reporter.report(diagnostics.all());
      return false;
    }

    SimulationSetup setup =
        new SimulationSetup(
            spec.grid(),
            spec.compartment(),
            vPre.get(),
            vPost.get(),
            synapses.get(),
            spec.settings(),
            events.get(),
            probes,
            spec.perSynapse(),
            spec.sample());
    ProgressLine progress = new ProgressLine(err, spec.grid().steps(), nanoClock);
    Simulation.Result result = Simulation.run(factory, setup, progress);
    if (result.undelivered() > 0) {
      warnUndelivered(events.get(), synapses.get(), result, diagnostics);
    }

    String csv = result.trace().csv();
    if (spec.output().isPresent()) {
      TextFiles.write(spec.output().get(), csv, diagnostics);
    } else {
      out.print(csv);
      out.flush();
    }
    if (spec.plot().isPresent() && !diagnostics.hasErrors()) {
      TextFiles.write(spec.plot().get(), TracePlot.png(result.trace().panels(), result.trace().eventTimes()), diagnostics);
    }
    reporter.report(diagnostics.all());
    return !diagnostics.hasErrors();
  }

  private void checkSettings(SynapseMetadata metadata) {
    List<String> names = metadata.parameters().stream().map(Quantity::name).toList();
    for (ParameterSetting setting : spec.settings()) {
      Optional<Quantity> parameter = metadata.parameter(setting.name());
      if (parameter.isEmpty()) {
        String state = metadata.state(setting.name()).isPresent() ? " (a state: give initial states in --synapses)" : "";
        throw new SimulationUsageException(
            "Invalid value for option '--set': " + metadata.name() + " has no parameter '" + setting.name() + "'" + state
                + Spelling.suggestion(setting.name(), names) + "; its parameters are " + String.join(", ", names));
      }
      if (!parameter.get().inRange(setting.value())) {
        throw new SimulationUsageException(
            "Invalid value for option '--set': " + setting.name() + " = " + CsvNumbers.compact(setting.value())
                + " is outside its declared range " + parameter.get().rangeText());
      }
    }
  }

  private static Optional<CsvTable> csv(String file, DiagnosticCollector diagnostics) {
    return TextFiles.read(file, CsvReader.MAX_BYTES, diagnostics).flatMap(s -> CsvReader.read(s, diagnostics));
  }

  private static Optional<VoltageSource> voltage(VoltageInput input, DiagnosticCollector diagnostics) {
    if (input.millivolts().isPresent()) {
      return Optional.of(VoltageSource.constant(input.millivolts().getAsDouble()));
    }
    return csv(input.file().get(), diagnostics).flatMap(t -> VoltageTrace.read(t, diagnostics)).map(VoltageSource.class::cast);
  }

  /** One warning for all events the run ended before, at the first of them in the file. */
  private static void warnUndelivered(
      List<SpikeEvent> events, SynapseTable synapses, Simulation.Result result, DiagnosticCollector diagnostics) {
    for (SpikeEvent event : events) {
      double arrival = event.kind() == EventKind.PRE ? event.time() + synapses.delays()[event.synapse()] : event.time();
      if (arrival > result.lastDue()) {
        diagnostics.warning(
            DiagnosticCode.EVENTS_AFTER_END,
            event.row(),
            String.format(
                Locale.ROOT,
                "%s arrive%s after %s ms, when the last step delivers, and %s ignored (this is the first)",
                DiagnosticReporter.plural(result.undelivered(), "event"),
                result.undelivered() == 1 ? "s" : "",
                CsvNumbers.compact(result.lastDue()),
                result.undelivered() == 1 ? "is" : "are"));
        return;
      }
    }
  }
}
