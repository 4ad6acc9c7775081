package io.cleft.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The view tells its population of every write, and of nothing else, and writes only valid values. */
class ParameterArrayTest {
  private static final SynapseMetadata METADATA =
      new SynapseMetadata(
          "Leak",
          "",
          List.of(
              new Quantity("g", 2.0, "uS", 0, Double.POSITIVE_INFINITY, ""),
              new Quantity("tau", 4.0, "ms", 0.5, 100, "")),
          List.of());

  private final double[] values = {4, 4, 4};
  private final List<String> told = new ArrayList<>();
  private final ParameterArray tau =
      new ParameterArray(METADATA, 1, values, i -> told.add("synapse " + i), () -> told.add("all"));

  @Test
  void eachWriteIsToldOnceAndReadsAreNot() {
    tau.set(2, 8);
    assertEquals(8, values[2], 0.0);
    assertEquals(List.of("synapse 2"), told);
    tau.fill(1);
    tau.setAll(new double[] {1, 2, 3});
    assertEquals(List.of("synapse 2", "all", "all"), told);
    assertArrayEquals(new double[] {1, 2, 3}, values);
    assertEquals(2, tau.get(1), 0.0);
    tau.copyTo(new double[3]);
    tau.toArray()[0] = 99;
    assertEquals(1, values[0], 0.0);
    assertEquals(List.of("synapse 2", "all", "all"), told);
    assertEquals("tau", tau.name());
    assertEquals(3, tau.size());
  }

  @Test
  void aRejectedWriteWritesNothingAndTellsNothing() {
    IllegalArgumentException high = assertThrows(IllegalArgumentException.class, () -> tau.set(1, 100.5));
    assertEquals("parameter tau of Leak, synapse 1: 100.5 is outside its declared range [0.5, 100]", high.getMessage());
    assertThrows(IllegalArgumentException.class, () -> tau.fill(0.25));
    assertThrows(IllegalArgumentException.class, () -> tau.setAll(new double[] {1, Double.NaN, 1}));
    assertThrows(IllegalArgumentException.class, () -> tau.setAll(new double[] {1, 1}));
    assertThrows(IndexOutOfBoundsException.class, () -> tau.set(3, 1));
    assertThrows(IllegalArgumentException.class, () -> tau.copyTo(new double[2]));
    assertArrayEquals(new double[] {4, 4, 4}, values);
    assertEquals(List.of(), told);
    tau.set(0, 0.5); // the bounds are inside
    tau.set(0, 100);
    assertEquals(List.of("synapse 0", "synapse 0"), told);
  }

  @Test
  void rangesAreWrittenAsInTheModel() {
    assertEquals("[0, inf]", METADATA.parameters().get(0).rangeText());
    assertEquals("[0.5, 100]", METADATA.parameters().get(1).rangeText());
    assertEquals("[-inf, inf]", new Quantity("v", 0, "mV", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, "").rangeText());
  }
}
