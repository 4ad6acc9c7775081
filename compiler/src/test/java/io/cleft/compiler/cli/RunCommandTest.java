package io.cleft.compiler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleft.compiler.table.CsvNumbers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cleft run} end to end on the compiled IonotropicSynapse (no events: clamped voltages),
 * and every option and diagnostic of the command line. The event-driven references are in
 * {@code simulate.ReferenceTracesTest}, on hand-written populations until the emitter
 * generates events.
 */
class RunCommandTest {
  private static final String MODEL = TestModels.IONOTROPIC;
  private static final double GS = 1e-4;
  private static final double E_SYN = 0;

  @TempDir Path dir;

  private static CliRun run(String... options) {
    String[] args = new String[options.length + 2];
    args[0] = "run";
    args[1] = MODEL;
    System.arraycopy(options, 0, args, 2, options.length);
    return CliRun.of(args);
  }

  private String file(String name, String text) {
    return TestModels.write(dir, name, text);
  }

  private static List<double[]> rows(String csv) {
    List<double[]> rows = new ArrayList<>();
    csv.lines().skip(1).forEach(line -> {
      String[] fields = line.split(",");
      double[] row = new double[fields.length];
      for (int i = 0; i < fields.length; i++) {
        row[i] = CsvNumbers.parse(fields[i]);
      }
      rows.add(row);
    });
    return rows;
  }

  private static String header(String csv) {
    return csv.lines().findFirst().orElseThrow();
  }

  /** Jaxley's exponential-Euler step of s at a clamped presynaptic voltage, as the model writes it. */
  private static double nextS(double s, double dt, double vPre) {
    double sInf = 1 / (1 + Math.exp((-35 - vPre) / 10));
    double tauS = (1 - sInf) / 0.025;
    double decay = Math.exp(-1 / tauS * dt);
    return s * decay + sInf * (1 - decay);
  }

  private static void assertClose(double expected, double actual, String what) {
    assertTrue(
        Math.abs(expected - actual) <= 1e-12 * Math.max(Math.abs(expected), Math.abs(actual)),
        what + ": expected " + expected + ", got " + actual);
  }

  @Test
  void clampedRunRecordsStatesAndCurrentInNeuronsRows() {
    CliRun run = run("--tstop", "1", "--record", "s,i");

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertEquals("", run.err());
    assertEquals("t,s,i", header(run.out()));
    List<double[]> rows = rows(run.out());
    assertEquals(41, rows.size());
    double s = 0.2;
    for (int n = 0; n < rows.size(); n++) {
      assertClose(n * 0.025, rows.get(n)[0], "t in row " + n);
      assertClose(s, rows.get(n)[1], "s in row " + n);
      s = nextS(s, 0.025, -65);
    }
    // Row n + 1 holds the current of step n, from the states before that step: rows 0 and 1
    // both have s = 0.2, and row 2 the first new s.
    assertEquals(rows.get(0)[2], rows.get(1)[2]);
    assertClose(GS * 0.2 * (-65 - E_SYN), rows.get(1)[2], "i in row 1");
    assertClose(GS * rows.get(1)[1] * (-65 - E_SYN), rows.get(2)[2], "i in row 2");
  }

  @Test
  void theDefaultRecordIsEveryStateAndTheCurrent() {
    CliRun run = run("--tstop", "0.05");

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertEquals("t,s,i", header(run.out()));
  }

  @Test
  void clampsFollowNumbersAndTracesInterpolatedBetweenTheirRows() {
    String trace = file("vpost.csv", "t,v\n0,-80\n1,-60\n");

    CliRun run = run("--tstop", "2", "--dt", "0.25", "--v-pre", "-20", "--v-post", trace, "--record", "s,i");

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    List<double[]> rows = rows(run.out());
    double s = 0.2;
    for (int n = 0; n < 8; n++) {
      double t = n * 0.25;
      double vPost = t >= 1 ? -60 : -80 + 20 * t;
      assertClose(GS * s * (vPost - E_SYN), rows.get(n + 1)[2], "i in row " + (n + 1));
      s = nextS(s, 0.25, -20);
      assertClose(s, rows.get(n + 1)[1], "s in row " + (n + 1));
    }
  }

  @Test
  void perSynapseColumnsAndSumsFromTheSynapseTableAndSet() {
    String synapses = file("synapses.csv", "synapse,gS,s\n0,1e-4,0.2\n1,3e-4,0.4\n");

    CliRun each = run("--tstop", "0.1", "--synapses", synapses, "--per-synapse");
    CliRun sum = run("--tstop", "0.1", "--synapses", synapses);
    CliRun set = run("--tstop", "0.1", "--synapses", synapses, "--set", "gS=2e-4", "--per-synapse");

    assertEquals(ExitCodes.OK, each.exitCode(), each.err());
    assertEquals("t,s[0],s[1],i[0],i[1]", header(each.out()));
    double[] first = rows(each.out()).get(0);
    assertEquals(0.2, first[1]);
    assertEquals(0.4, first[2]);
    assertClose(3e-4 * 0.4 * -65, first[4], "i[1]");
    List<double[]> summed = rows(sum.out());
    List<double[]> separate = rows(each.out());
    for (int n = 0; n < summed.size(); n++) {
      assertEquals(separate.get(n)[1] + separate.get(n)[2], summed.get(n)[1]);
      assertEquals(separate.get(n)[3] + separate.get(n)[4], summed.get(n)[2]);
    }
    // --set wins over the table, for every synapse.
    double[] setFirst = rows(set.out()).get(0);
    assertClose(2e-4 * 0.2 * -65, setFirst[3], "i[0] after --set");
    assertClose(2e-4 * 0.4 * -65, setFirst[4], "i[1] after --set");
  }

  @Test
  void passiveCompartmentRecordsItsVoltage() {
    CliRun run = run("--tstop", "5", "--compartment", "passive", "--set", "gS=0.01", "--e-pas", "-70", "--v-init", "-70");

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertEquals("t,s,i,v", header(run.out()));
    List<double[]> rows = rows(run.out());
    assertEquals(-70, rows.get(0)[3]);
    // The synapse (reversal 0 mV) depolarises the cell from rest.
    assertTrue(rows.get(rows.size() - 1)[3] > -70, "v after 5 ms: " + rows.get(rows.size() - 1)[3]);
    // NEURON's accumulated time, not n * dt.
    assertEquals(0.025 * 200, rows.get(200)[0], 1e-12);
  }

  @Test
  void writesTheOutputFileAndThePlot() throws IOException {
    Path output = dir.resolve("trace.csv");
    Path plot = dir.resolve("trace.png");

    CliRun run = run("--tstop", "20", "--compartment", "passive", "--output", output.toString(), "--plot", plot.toString());

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertEquals("", run.out());
    assertEquals(801, Files.readAllLines(output).size() - 1);
    byte[] png = Files.readAllBytes(plot);
    assertTrue(png.length > 10_000, "a PNG of three panels has more than " + png.length + " bytes");
    assertEquals((byte) 0x89, png[0]);
    assertEquals("PNG", new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
  }

  @Test
  void fastMathStaysWithinAFewUlpsOfIeee() {
    List<double[]> exact = rows(run("--tstop", "5", "--compartment", "passive", "--set", "gS=0.01").out());
    CliRun fast = run("--tstop", "5", "--compartment", "passive", "--set", "gS=0.01", "--fast-math");

    assertEquals(ExitCodes.OK, fast.exitCode(), fast.err());
    List<double[]> rows = rows(fast.out());
    assertEquals(exact.size(), rows.size());
    for (int n = 0; n < rows.size(); n++) {
      for (int c = 0; c < rows.get(n).length; c++) {
        assertClose(exact.get(n)[c], rows.get(n)[c], "column " + c + " of row " + n);
      }
    }
  }

  @Test
  void helpNamesEveryOption() {
    CliRun run = CliRun.of("run", "--help");

    assertEquals(ExitCodes.OK, run.exitCode());
    for (String option :
        List.of("--tstop", "--dt", "--synapses", "--set", "--events", "--compartment", "--L", "--diam", "--cm", "--g-pas",
            "--e-pas", "--v-init", "--v-pre", "--v-post", "--record", "--per-synapse", "--sample", "--output", "--plot")) {
      assertTrue(run.out().contains(option), option + " in\n" + run.out());
    }
  }

  // ---------------------------------------------------------------------------------------
  // Usage errors: exit 2, one message, no trace.

  private static void assertUsage(CliRun run, String message) {
    assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
    assertEquals("", run.out());
    assertTrue(run.err().contains(message), run.err());
    assertFalse(run.err().contains("Exception"), run.err());
  }

  @Test
  void aVoltageThatIsNotFiniteIsAUsageErrorNotAFileName() {
    assertUsage(run("--tstop", "1", "--v-pre", "nan"), "--v-pre must be a finite number of mV or a CSV trace");
    assertUsage(run("--tstop", "1", "--v-post", "-inf"), "--v-post must be a finite number of mV or a CSV trace");
    assertUsage(run("--tstop", "1", "--v-pre", "1e999"), "--v-pre must be a finite number of mV or a CSV trace");
    assertUsage(run("--tstop", "1", "--v-pre", "NaN"), "not NaN");
  }

  @Test
  void tooManyStepsSaysHowManyInAFewDigits() {
    assertUsage(run("--tstop", "1", "--dt", "1e-300"), "--tstop / --dt is 1.00e+300 steps; a run takes at most 10,000,000");
  }

  @Test
  void tstopMustBeAWholeNumberOfSteps() {
    assertUsage(run("--tstop", "1.01", "--dt", "0.025"), "is not a whole number of steps of --dt 0.025");
    assertUsage(run("--tstop", "1", "--dt", "0"), "--dt must be a positive number");
    assertUsage(run("--tstop", "1", "--dt", "-0.1"), "--dt must be a positive number");
    assertUsage(run("--tstop", "0"), "--tstop must be a positive number");
    assertUsage(run(), "Missing required option: '--tstop=MS'");
  }

  @Test
  void unknownRecordAndSetNamesAreUsageErrorsWithASuggestion() {
    assertUsage(run("--tstop", "1", "--record", "s,ii"), "unknown name 'ii' (did you mean 'i'?)");
    assertUsage(run("--tstop", "1", "--record", "v"), "only --compartment passive computes");
    assertUsage(run("--tstop", "1", "--set", "gs=1"), "has no parameter 'gs' (did you mean 'gS'?)");
    assertUsage(run("--tstop", "1", "--set", "gS"), "'gS' is not NAME=VALUE");
    assertUsage(run("--tstop", "1", "--set", "gS=-1"), "gS = -1 is outside its declared range [0, inf]");
    assertUsage(run("--tstop", "1", "--set", "s=1"), "(a state: give initial states in --synapses)");
  }

  @Test
  void optionsThatDoNotGoTogether() {
    assertUsage(run("--tstop", "1", "--compartment", "passive", "--v-post", "-60"), "--v-post clamps the postsynaptic voltage");
    assertUsage(run("--tstop", "1", "--L", "30"), "--L describes the compartment; it needs --compartment passive");
    assertUsage(run("--tstop", "1", "--compartment", "active"), "the one kind is 'passive'");
    assertUsage(run("--tstop", "1", "--compartment", "passive", "--diam", "0"), "--diam must be a positive number");
    assertUsage(run("--tstop", "1", "--sample", "rows"), "it is 'steps' or 'events'");
    assertUsage(run("--tstop", "1", "--sample", "events", "--per-synapse"), "--per-synapse does not apply");
  }

  @Test
  void refusesToWriteOverAnInput() {
    String synapses = file("synapses.csv", "gS\n1e-4\n");

    assertUsage(run("--tstop", "1", "--synapses", synapses, "--output", synapses), "is an input");
    assertUsage(run("--tstop", "1", "--output", MODEL), "is the model");
    assertUsage(run("--tstop", "1", "--plot", synapses, "--synapses", synapses), "Invalid value for option '--plot'");
    String out = dir.resolve("same.csv").toString();
    assertUsage(run("--tstop", "1", "--output", out, "--plot", out), "is the --output file");
    assertTrue(Files.exists(Path.of(synapses)));
  }

  // ---------------------------------------------------------------------------------------
  // Data errors: exit 1, a diagnostic at file:line:col with the line and a caret.

  private static void assertDiagnostic(CliRun run, String location, String code, String message) {
    assertEquals(ExitCodes.FAILURE, run.exitCode(), run.err());
    assertEquals("", run.out());
    assertTrue(run.err().contains(location + ": error: "), "no error at " + location + " in\n" + run.err());
    assertTrue(run.err().contains("[" + code + "]"), code + " in\n" + run.err());
    assertTrue(run.err().contains(message), message + " in\n" + run.err());
    assertTrue(run.err().contains("^"), "a caret in\n" + run.err());
  }

  @Test
  void malformedSynapseTable() {
    String synapses = file("bad.csv", "gS,s\n1e-4,0.2\n2e-4\n");

    assertDiagnostic(run("--tstop", "1", "--synapses", synapses), synapses + ":3:5", "SYN102", "has 1 field but the header has 2");
  }

  @Test
  void unknownSynapseColumnWithASuggestion() {
    String synapses = file("synapses.csv", "gs,s\n1e-4,0.2\n");

    assertDiagnostic(
        run("--tstop", "1", "--synapses", synapses), synapses + ":1:1", "SYN103", "unknown column 'gs' (did you mean 'gS'?)");
  }

  @Test
  void synapseColumnMustNumberTheRows() {
    String synapses = file("synapses.csv", "synapse,gS\n0,1e-4\n2,1e-4\n");

    assertDiagnostic(run("--tstop", "1", "--synapses", synapses), synapses + ":3:1", "SYN141", "synapse 2 where 1 belongs");
  }

  @Test
  void synapseValuesOutsideTheirRange() {
    String synapses = file("synapses.csv", "gS,delay\n-1,-2\n");

    CliRun run = run("--tstop", "1", "--synapses", synapses);

    assertDiagnostic(run, synapses + ":2:1", "SYN109", "parameter gS = -1 is outside its declared range [0, inf]");
    assertDiagnostic(run, synapses + ":2:4", "SYN147", "a delay must be a finite number of ms >= 0");
  }

  @Test
  void aModelQuantityNamedDelayMakesTheColumnAmbiguous() {
    String model =
        file(
            "Delayed.syn",
            TestModels.DECAY.replace("tau = 4 ms  \"decay time constant\"", "tau = 4 ms  \"decay time constant\"\n    delay = 1 ms \"a delay\"")
                .replace("x * exp(-dt / tau)", "x * exp(-dt / (tau + delay))"));
    String synapses = file("synapses.csv", "g,delay\n1,2\n");

    CliRun run = CliRun.of("run", model, "--tstop", "1", "--synapses", synapses);

    assertDiagnostic(run, synapses + ":1:3", "SYN140", "column 'delay' is ambiguous");
  }

  @Test
  void eventsTheModelHasNoHandlerFor() {
    String events = file("events.csv", "t,synapse,kind\n1,0,pre\n2,0,post\n");

    CliRun run = run("--tstop", "5", "--events", events);

    assertDiagnostic(run, events + ":2:5", "SYN143", "IonotropicSynapse has no 'on pre' handler");
    assertDiagnostic(run, events + ":3:5", "SYN143", "no 'on post' handler");
  }

  @Test
  void badEventKindSynapseAndTime() {
    String events = file("events.csv", "t,synapse,kind\n1,0,pree\n-1,0,pre\n1,3,pre\n1,0.5,pre\nx,0,pre\n");

    CliRun run = run("--tstop", "5", "--events", events);

    assertDiagnostic(run, events + ":2:5", "SYN142", "unknown event kind 'pree' (did you mean 'pre'?)");
    assertDiagnostic(run, events + ":3:1", "SYN147", "an event time must be a finite number of ms >= 0");
    assertDiagnostic(run, events + ":4:3", "SYN141", "synapse 3 is not one of the run's synapse, 0");
    assertDiagnostic(run, events + ":5:3", "SYN141", "synapse 0.5 is not");
    assertDiagnostic(run, events + ":6:1", "SYN105", "'x' is not a number");
  }

  @Test
  void eventListColumns() {
    String events = file("events.csv", "time,synapse\n1,0\n");

    CliRun run = run("--tstop", "5", "--events", events);

    assertDiagnostic(run, events + ":1:1", "SYN103", "unknown column 'time'");
    assertTrue(run.err().contains("missing column 't': an event list needs t, synapse"), run.err());
  }

  @Test
  void voltageTracesMustIncrease() {
    String trace = file("v.csv", "t,v\n0,-65\n1,-60\n1,-55\n");

    assertDiagnostic(run("--tstop", "1", "--v-pre", trace), trace + ":4:1", "SYN146", "times must increase: 1 comes after 1");
    String empty = file("empty.csv", "t,v\n");
    assertDiagnostic(run("--tstop", "1", "--v-post", empty), empty + ":1:1", "SYN146", "the trace has no rows");
  }

  @Test
  void aMissingFileIsADiagnostic() {
    String missing = dir.resolve("nowhere.csv").toString();

    CliRun run = run("--tstop", "1", "--synapses", missing);

    assertEquals(ExitCodes.FAILURE, run.exitCode());
    assertTrue(run.err().contains("[SYN100]"), run.err());
  }

  @Test
  void aModelWithErrorsStopsBeforeTheRun() {
    String model = file("Broken.syn", TestModels.DECAY.replace("exp(-dt / tau)", "exp(-dt / tua)"));

    CliRun run = CliRun.of("run", model, "--tstop", "1");

    assertEquals(ExitCodes.FAILURE, run.exitCode());
    assertEquals("", run.out());
    assertTrue(run.err().contains("[SYN020]"), run.err());
  }

  @Test
  void aPlotThatCannotBeWrittenIsReportedBeforeTheRun() {
    CliRun run = run("--tstop", "0.05", "--plot", dir.resolve("missing/trace.png").toString());

    assertEquals(ExitCodes.FAILURE, run.exitCode());
    assertEquals("", run.out(), "nothing simulated, nothing written");
    assertTrue(run.err().contains("cannot write file: directory"), run.err());
    assertTrue(run.err().contains("[SYN101]"), run.err());
  }
}
