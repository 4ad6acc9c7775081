package io.cleft.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Where ParallelAdvance cuts a step: sorted synapses (and, in the second of two phases, the
 * synapses in compartment order) only where the compartment changes, the first phase's ranges
 * at multiples of the strip; every cut list
 * covers everything once, in order. (That the bits do not depend on the cuts is tested on
 * generated populations, in the compiler's ParallelAdvanceTest.)
 */
class ParallelAdvanceCutsTest {
  @Test
  void sortedSynapsesAreCutOnlyWhereTheCompartmentChanges() {
    Random random = new Random(1);
    for (int trial = 0; trial < 200; trial++) {
      int size = random.nextInt(3000);
      int[] post = new int[size];
      for (int i = 0; i < size; i++) {
        post[i] = random.nextInt(1 + random.nextInt(50));
      }
      Arrays.sort(post);
      int parts = 1 + random.nextInt(9);
      int[] cuts = ParallelAdvance.compartmentBoundaryCuts(post, parts);
      assertCovers(cuts, size, parts);
      for (int p = 1; p < parts; p++) {
        int cut = cuts[p];
        assertTrue(cut == 0 || cut == size || post[cut] != post[cut - 1], "cut " + cut + " splits a compartment");
      }
    }
  }

  @Test
  void oneCompartmentForAllIsOnePart() {
    int[] cuts = ParallelAdvance.compartmentBoundaryCuts(new int[1000], 4);
    assertEquals(1000, cuts[4]);
    assertEquals(0, cuts[0]);
    assertTrue(cuts[1] == 0 || cuts[1] == 1000);
    assertCovers(cuts, 1000, 4);
  }

  @Test
  void twoPhaseRangesAreCutAtMultiplesOfTheStrip() {
    for (int size : new int[] {0, 1, 255, 256, 257, 3000, 100_000}) {
      for (int parts = 1; parts <= 9; parts++) {
        int[] cuts = ParallelAdvance.stripCuts(size, parts);
        assertCovers(cuts, size, parts);
        for (int p = 1; p < parts; p++) {
          assertTrue(cuts[p] % 256 == 0 || cuts[p] == size, size + " in " + parts + ": " + cuts[p]);
        }
      }
    }
    int[] even = ParallelAdvance.stripCuts(256 * 10, 2);
    assertEquals(256 * 5, even[1]);
  }

  @Test
  void sortedMeansNonDecreasing() {
    assertTrue(ParallelAdvance.isSorted(new int[] {}));
    assertTrue(ParallelAdvance.isSorted(new int[] {0, 0, 3, 3, 7}));
    assertFalse(ParallelAdvance.isSorted(new int[] {0, 2, 1}));
  }

  @Test
  void aPopulationCleftDidNotGenerateCannotAdvanceInParts() {
    UnsupportedOperationException error =
        assertThrows(UnsupportedOperationException.class, () -> new ParallelAdvance(new RecordingPopulation(3), 2));
    assertEquals(
        "this population of Recording cannot advance in ranges of synapses: only populations cleft generates can",
        error.getMessage());
  }

  private static void assertCovers(int[] cuts, int end, int parts) {
    assertEquals(parts + 1, cuts.length);
    assertEquals(0, cuts[0]);
    assertEquals(end, cuts[parts]);
    for (int p = 1; p <= parts; p++) {
      assertTrue(cuts[p - 1] <= cuts[p], Arrays.toString(cuts));
    }
  }
}
