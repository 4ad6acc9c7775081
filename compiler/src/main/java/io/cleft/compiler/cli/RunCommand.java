package io.cleft.compiler.cli;

import io.cleft.compiler.CodeMode;
import io.cleft.compiler.simulate.ParameterSetting;
import io.cleft.compiler.simulate.PassiveCompartment;
import io.cleft.compiler.simulate.SampleMode;
import io.cleft.compiler.simulate.SimulationRun;
import io.cleft.compiler.simulate.SimulationSpec;
import io.cleft.compiler.simulate.SimulationUsageException;
import io.cleft.compiler.simulate.TimeGrid;
import io.cleft.compiler.simulate.VoltageInput;
import io.cleft.compiler.table.CsvNumbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cleft run FILE --tstop MS}: argument handling only; builds one {@link SimulationSpec}
 * and hands it to {@link SimulationRun}, which does the work.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersionProvider.class,
    sortOptions = false,
    description = {
      "Simulates synapses of a model over time and writes a CSV trace (docs/SIMULATION.md).",
      "",
      "With --compartment passive, every synapse feeds one passive compartment, advanced in"
          + " NEURON's fixed-step order; without it, each synapse sits between clamped voltages"
          + " (--v-pre, --v-post) in Brian2's order. Events (--events) are presynaptic spikes,"
          + " delivered after their synapse's delay, or postsynaptic spikes.",
      "",
      "Order of setting up: the parameters in --synapses, then --set (which wins), then the"
          + " model's initial block, then the initial states in --synapses.",
      ""
    })
public final class RunCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "the model file (.syn)")
  private String model;

  @Option(names = "--tstop", required = true, paramLabel = "MS", description = "how long to simulate (ms): a whole number of steps")
  private double tstop;

  @Option(names = "--dt", paramLabel = "MS", defaultValue = "0.025", description = "the time step (ms; default ${DEFAULT-VALUE}, NEURON's)")
  private double dt;

  @Option(
      names = "--synapses",
      paramLabel = "CSV",
      description =
          "one row per synapse: columns named by parameters and states (initial values), optional"
              + " synapse (0, 1, 2, ...), delay (ms, from spike to event) and weight (for events without one);"
              + " default: one synapse with the model's values")
  private String synapses;

  @Option(
      names = "--set",
      paramLabel = "NAME=VALUE",
      description = "set a parameter for every synapse (repeatable); applied after --synapses")
  private List<String> settings = new ArrayList<>();

  @Option(
      names = "--events",
      paramLabel = "CSV",
      description =
          "spikes: columns t (ms) and synapse (a row of --synapses), optional weight and kind"
              + " (pre, the default, or post); rows in any order")
  private String events;

  @Option(
      names = "--compartment",
      paramLabel = "KIND",
      description = "'passive': one passive compartment, NEURON's, that every synapse feeds")
  private String compartment;

  @Option(names = "--L", paramLabel = "UM", description = "the compartment's length (um; default 20)")
  private Double length;

  @Option(names = "--diam", paramLabel = "UM", description = "its diameter (um; default 20)")
  private Double diameter;

  @Option(names = "--cm", paramLabel = "UF_CM2", description = "its specific capacitance (uF/cm2; default 1)")
  private Double cm;

  @Option(names = "--g-pas", paramLabel = "S_CM2", description = "its leak conductance (S/cm2; default 1e-4)")
  private Double gPas;

  @Option(names = "--e-pas", paramLabel = "MV", description = "its leak reversal potential (mV; default -65)")
  private Double ePas;

  @Option(names = "--v-init", paramLabel = "MV", description = "its initial voltage (mV; default -65)")
  private Double vInit;

  @Option(
      names = "--v-pre",
      paramLabel = "MV|CSV",
      defaultValue = "-65",
      description = "the presynaptic voltage: a number of mV or a trace with columns t, v (default ${DEFAULT-VALUE})")
  private String vPre;

  @Option(
      names = "--v-post",
      paramLabel = "MV|CSV",
      description = "without --compartment, the postsynaptic voltage, as --v-pre (default -65)")
  private String vPost;

  @Option(
      names = "--record",
      paramLabel = "NAMES",
      split = ",",
      description =
          "what to record, comma-separated: states, named values of the current, i (the current, nA),"
              + " v (the compartment, mV); default: all of them")
  private List<String> record;

  @Option(names = "--per-synapse", description = "a column name[k] per synapse instead of the sum over synapses")
  private boolean perSynapse;

  @Option(
      names = "--sample",
      paramLabel = "WHEN",
      defaultValue = "steps",
      description =
          "'steps' (default): a row per step; 'events': a row per synapse an event reached,"
              + " right after its handler (columns t, synapse, kind, then the recorded names)")
  private String sample;

  @Option(names = {"-o", "--output"}, paramLabel = "CSV", description = "where to write the trace (default: standard output)")
  private String output;

  @Option(names = "--plot", paramLabel = "PNG", description = "also draw the trace: a panel per quantity, events marked")
  private String plot;

  @Option(names = "--fast-math", description = FastMathOption.DESCRIPTION)
  private boolean fastMath;

  @Option(names = "--simd", description = SimdOption.DESCRIPTION)
  private boolean simd;

  @Override
  public Integer call() {
    UsageChecks.requireNonEmpty(spec, model, "FILE");
    TimeGrid grid;
    try {
      grid = TimeGrid.of(tstop, dt);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    Optional<PassiveCompartment> passive = compartment();
    if (passive.isPresent() && vPost != null) {
      throw usage("--v-post clamps the postsynaptic voltage, which --compartment passive computes; give one of them");
    }
    SampleMode sampleMode = sampleMode();
    if (perSynapse && sampleMode == SampleMode.EVENTS) {
      throw usage("--per-synapse does not apply to --sample events, whose rows are per synapse already");
    }
    VoltageInput pre;
    VoltageInput post;
    try {
      pre = VoltageInput.parse("--v-pre", vPre);
      post = vPost == null ? VoltageInput.RESTING : VoltageInput.parse("--v-post", vPost);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    List<String> inputs = new ArrayList<>(List.of(model));
    Optional.ofNullable(synapses).ifPresent(inputs::add);
    Optional.ofNullable(events).ifPresent(inputs::add);
    pre.file().ifPresent(inputs::add);
    post.file().ifPresent(inputs::add);
    for (String input : inputs) {
      UsageChecks.requireNonEmpty(spec, input, "an input file");
    }
    checkOutput(output, "--output", inputs);
    checkOutput(plot, "--plot", inputs);
    if (output != null && plot != null) {
      UsageChecks.requireDistinct(spec, "--plot", plot, output, "the --output file");
    }
    if (record != null && (record.isEmpty() || record.contains(""))) {
      throw usage("--record needs names separated by commas, such as --record g,i");
    }

    CodeMode mode = CodeMode.of(fastMath, simd);
    SimulationSpec run =
        new SimulationSpec(
            model,
            grid,
            Optional.ofNullable(synapses),
            settings(),
            Optional.ofNullable(events),
            passive,
            pre,
            post,
            Optional.ofNullable(record),
            perSynapse,
            sampleMode,
            Optional.ofNullable(output),
            Optional.ofNullable(plot),
            mode);
    SimdOption.warnIfScalar(mode.simd(), spec.commandLine().getErr());
    try {
      boolean ok = new SimulationRun(run).run(spec.commandLine().getOut(), spec.commandLine().getErr());
      return ok ? ExitCodes.OK : ExitCodes.FAILURE;
    } catch (SimulationUsageException e) {
      throw usage(e.getMessage());
    }
  }

  private void checkOutput(String file, String option, List<String> inputs) {
    if (file == null) {
      return;
    }
    UsageChecks.requireNonEmpty(spec, file, "option '" + option + "'");
    for (String input : inputs) {
      UsageChecks.requireDistinct(spec, option, file, input, input.equals(model) ? "the model" : "an input");
    }
  }

  private Optional<PassiveCompartment> compartment() {
    Map<String, Double> flags = new LinkedHashMap<>();
    flags.put("--L", length);
    flags.put("--diam", diameter);
    flags.put("--cm", cm);
    flags.put("--g-pas", gPas);
    flags.put("--e-pas", ePas);
    flags.put("--v-init", vInit);
    if (compartment == null) {
      for (Map.Entry<String, Double> flag : flags.entrySet()) {
        if (flag.getValue() != null) {
          throw usage(flag.getKey() + " describes the compartment; it needs --compartment passive");
        }
      }
      return Optional.empty();
    }
    if (!compartment.equals("passive")) {
      throw usage("Invalid value for option '--compartment': '" + compartment + "'; the one kind is 'passive'");
    }
    PassiveCompartment defaults = PassiveCompartment.NEURON_DEFAULTS;
    try {
      return Optional.of(
          new PassiveCompartment(
              or(length, defaults.length()),
              or(diameter, defaults.diameter()),
              or(cm, defaults.cm()),
              or(gPas, defaults.gPas()),
              or(ePas, defaults.ePas()),
              or(vInit, defaults.vInit())));
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  private static double or(Double value, double fallback) {
    return value == null ? fallback : value;
  }

  private SampleMode sampleMode() {
    switch (sample) {
      case "steps":
        return SampleMode.STEPS;
      case "events":
        return SampleMode.EVENTS;
      default:
        throw usage("Invalid value for option '--sample': '" + sample + "'; it is 'steps' or 'events'");
    }
  }

  private List<ParameterSetting> settings() {
    List<ParameterSetting> parsed = new ArrayList<>();
    for (String setting : settings) {
      int equals = setting.indexOf('=');
      if (equals <= 0) {
        throw usage("Invalid value for option '--set': '" + setting + "' is not NAME=VALUE");
      }
      String name = setting.substring(0, equals).strip();
      String text = setting.substring(equals + 1);
      double value;
      try {
        value = CsvNumbers.parse(text);
      } catch (NumberFormatException e) {
        throw usage("Invalid value for option '--set': " + name + ": " + e.getMessage());
      }
      parsed.add(new ParameterSetting(name, value));
    }
    return parsed;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
