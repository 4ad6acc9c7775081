package io.cleft.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The O(1) checks of a call's arrays rest on the synapse with the largest index. */
class PopulationSupportTest {
  @Test
  void theWidestSynapseIsTheFirstWithTheLargestIndex() {
    assertEquals(-1, PopulationSupport.widest(new int[0]));
    assertEquals(2, PopulationSupport.widest(new int[] {3, 0, 9, 9, 1}));
    assertEquals(0, PopulationSupport.widest(new int[] {0, 0}));
  }

  @Test
  void anArrayOneShortOfTheWidestIndexIsRejectedAndOneLongEnoughIsNot() {
    int[] pre = {3, 0, 9};
    int[] post = {1, 1, 0};
    PopulationSupport.checkVoltages(new double[10], pre, 2, post, 0);
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> PopulationSupport.checkVoltages(new double[9], pre, 2, post, 0));
    assertEquals("synapse 2 has preIndex 9, but voltages has only 9 entries", error.getMessage());
    PopulationSupport.checkCurrents(new double[10], new double[2], new double[2], post, 0);
    assertThrows(
        IllegalArgumentException.class,
        () -> PopulationSupport.checkCurrents(new double[10], new double[2], new double[1], post, 0));
    assertThrows(NullPointerException.class, () -> PopulationSupport.checkVoltages(null, pre, 2, post, 0));
  }
}
