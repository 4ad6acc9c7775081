package io.cleft.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleft.compiler.ModelSources;
import io.cleft.compiler.load.InMemoryCompiler;
import io.cleft.compiler.optimize.Optimizer;
import io.cleft.runtime.InvalidValueException;
import io.cleft.runtime.SynapsePopulation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * In checked mode a population reports the first synapse whose step gave a state outside its
 * declared range (or NaN), or whose current is NaN, with the model line that computed it; off
 * (the default) it reports nothing. BoundedSynapse: p = p + rate * dt must stay in [0, 1]; the
 * current g * sqrt(q + 1) * v_post is NaN once q = q - rate * dt is below -1.
 */
class CheckedModeTest {
  private static final int N = 600; // three strips
  private static final double DT = 0.025;

  @Test
  void theFirstSynapseWhoseStateLeavesItsRangeIsReportedWithItsLine() throws IOException {
    SynapsePopulation population = bounded();
    population.parameter("rate").set(400, 100); // p = 0.5 + 2.5, in the second strip
    population.parameter("rate").set(300, 40); // p = 0.5 + 1.0: the first bad synapse
    population.parameter("rate").set(550, 1000);
    population.checked(true);
    assertTrue(population.isChecked());
    InvalidValueException error = assertThrows(InvalidValueException.class, () -> population.step(DT, new double[1]));
    assertEquals(300, error.synapse());
    assertEquals("p", error.quantity());
    assertEquals(1.5, error.value(), 0.0);
    String origin = "BoundedSynapse.syn:" + line("p = p + rate * dt") + ": p = p + rate * dt";
    assertEquals(origin, error.origin());
    assertEquals(
        "BoundedSynapse synapse 300: state p = 1.5 is outside its declared range [0, 1], computed by " + origin,
        error.getMessage());
    assertEquals(0.5 + 0.5 * DT, population.state("p")[0], 0.0, "the strips before the bad one were stepped");
  }

  @Test
  void aNaNStateIsReportedThroughAdvanceToo() {
    SynapsePopulation population = bounded();
    population.parameter("rate").set(3, Double.POSITIVE_INFINITY); // in [0, inf]: allowed
    population.checked(true);
    InvalidValueException error =
        assertThrows(InvalidValueException.class, () -> population.advance(0.0, new double[1], new double[1], new double[1]));
    assertEquals(3, error.synapse()); // inf * 0 is NaN
    assertEquals("p", error.quantity());
    assertTrue(Double.isNaN(error.value()));
    assertTrue(error.getMessage().startsWith("BoundedSynapse synapse 3: state p is NaN, computed by BoundedSynapse.syn:"), error.getMessage());
  }

  @Test
  void aNaNCurrentIsReportedWithTheCurrentsLine() throws IOException {
    SynapsePopulation population = bounded();
    population.parameter("rate").set(5, 0);
    population.parameter("rate").set(7, 0);
    population.step(DT, new double[1]); // unchecked: nothing to check yet
    population.state("q")[7] = -2; // sqrt(-1) is NaN
    population.checked(true);
    InvalidValueException error =
        assertThrows(InvalidValueException.class, () -> population.addCurrents(new double[] {-60}, new double[1], new double[1]));
    assertEquals(7, error.synapse());
    assertEquals("current", error.quantity());
    String origin = "BoundedSynapse.syn:" + line("current =") + ": current = g * sqrt(q + 1) * v_post";
    assertEquals("BoundedSynapse synapse 7: the current is NaN, computed by " + origin, error.getMessage());
  }

  @Test
  void offByDefaultAndWhenTurnedOff() {
    SynapsePopulation population = bounded();
    assertFalse(population.isChecked());
    population.parameter("rate").set(1, 100);
    population.advance(DT, new double[1], new double[1], new double[1]);
    assertEquals(0.5 + 100 * DT, population.state("p")[1], 0.0, "unchecked: the value is kept as computed");
    population.checked(true);
    population.checked(false);
    population.state("q")[2] = -5;
    double[] current = new double[1];
    population.advance(DT, new double[] {-60}, current, new double[1]);
    assertTrue(Double.isNaN(current[0]));
  }

  @Test
  void aCheckedPopulationComputesTheSameBitsAsAnUncheckedOne() {
    SynapsePopulation checked = bounded();
    SynapsePopulation unchecked = bounded();
    checked.checked(true);
    double[] voltages = {-60};
    double[][] currents = new double[2][1];
    for (int step = 0; step < 10; step++) {
      checked.advance(DT, voltages, currents[0], new double[1]);
      unchecked.advance(DT, voltages, currents[1], new double[1]);
    }
    assertEquals(currents[1][0], currents[0][0], 0.0);
    assertEquals(unchecked.state("p")[N - 1], checked.state("p")[N - 1], 0.0);
  }

  private static SynapsePopulation bounded() {
    return InMemoryCompiler.load(JavaEmitter.emit(Optimizer.optimize(ModelSources.program("BoundedSynapse")), "io.cleft.models", false))
        .newPopulation(new int[N], new int[N]);
  }

  /** The line of the model that starts with {@code text}, as the report numbers it. */
  private static int line(String text) throws IOException {
    List<String> lines = Files.readAllLines(Path.of("src/test/resources/good/BoundedSynapse.syn"));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().startsWith(text)) {
        return i + 1;
      }
    }
    throw new AssertionError("no line " + text);
  }
}
