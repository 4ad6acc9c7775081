package io.cleft.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The map interface over a tiny hand-made synapse: x' = -x/tau by one Euler step, I = g*x*v. */
class ArraySynapseTest {
  private static final SynapseMetadata METADATA =
      new SynapseMetadata(
          "Leak",
          "",
          List.of(
              new Quantity("g", 2.0, "uS", 0, Double.POSITIVE_INFINITY, ""),
              new Quantity("tau", 4.0, "ms", 0, Double.POSITIVE_INFINITY, "")),
          List.of(new Quantity("x", 0.5, "1", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, "")));

  private static final class Leak extends ArraySynapse {
    Leak(String name) {
      super(name);
    }

    @Override
    public void update(double[] p, double[] s, double t, double dt, double vPre, double vPost, double[] next) {
      next[0] = s[0] - dt * s[0] / p[1];
    }

    @Override
    public double current(double[] p, double[] s, double t, double vPre, double vPost) {
      return p[0] * s[0] * vPost;
    }

    @Override
    public Synapse withName(String name) {
      return new Leak(name);
    }

    @Override
    public SynapseMetadata metadata() {
      return METADATA;
    }

    @Override
    public SynapsePopulation newPopulation(int[] preIndex, int[] postIndex) {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void defaultsAreUnderPrefixedNamesInDeclarationOrder() {
    Synapse leak = new Leak("Leak");
    assertEquals(List.of("Leak_g", "Leak_tau"), List.copyOf(leak.defaultParameters().keySet()));
    assertEquals(Map.of("Leak_x", 0.5), leak.defaultStates());
    assertEquals(List.of("syn1_g", "syn1_tau"), List.copyOf(leak.withName("syn1").defaultParameters().keySet()));
  }

  @Test
  void mapsAreTranslatedToArraysAndBack() {
    Synapse leak = new Leak("Leak");
    Map<String, Double> next = leak.updateStates(Map.of("Leak_x", 1.0), 1.0, 0, 0, leak.defaultParameters());
    assertEquals(Map.of("Leak_x", 0.75), next);
    assertEquals(2.0 * 0.5 * -10.0, leak.computeCurrent(leak.defaultStates(), 0, -10, leak.defaultParameters()));
  }

  @Test
  void aMissingKeyIsNamedWithTheExpectedOnes() {
    Synapse leak = new Leak("Leak");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> leak.computeCurrent(Map.of(), 0, 0, leak.defaultParameters()));
    assertEquals("missing 'Leak_x'; expected keys [Leak_x]", e.getMessage());
  }

  @Test
  void populationIndexArraysAreChecked() {
    assertEquals(
        "postIndex has 1 entries but the population has 2 synapses",
        assertThrows(IllegalArgumentException.class, () -> PopulationSupport.checkedIndex(new int[] {0}, 2, "postIndex"))
            .getMessage());
    assertEquals(
        "preIndex[1] is negative: -3",
        assertThrows(IllegalArgumentException.class, () -> PopulationSupport.checkedIndex(new int[] {0, -3}, 2, "preIndex"))
            .getMessage());
  }
}
