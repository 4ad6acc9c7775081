package io.cleft.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A shared parameter's view: one number that answers for every synapse, set once for all. */
class SharedParameterArrayTest {
  private static final SynapseMetadata METADATA =
      new SynapseMetadata(
          "Leak",
          "",
          List.of(
              new Quantity("g", 2.0, "uS", 0, Double.POSITIVE_INFINITY, ""),
              new Quantity("tau", 4.0, "ms", 0.5, 100, "")),
          List.of(),
          List.of(),
          Optional.empty(),
          false,
          false,
          false,
          List.of("tau"));

  private final double[] value = {4};
  private final List<String> told = new ArrayList<>();
  private final ParameterArray tau = ParameterArray.shared(METADATA, 1, value, 3, () -> told.add("all"));

  @Test
  void theMetadataSaysWhichParametersAreShared() {
    assertTrue(METADATA.isShared("tau"));
    assertTrue(METADATA.isShared(1));
    assertFalse(METADATA.isShared("g"));
    assertFalse(METADATA.isShared(0));
    assertThrows(
        IllegalArgumentException.class,
        () -> new SynapseMetadata("Leak", "", METADATA.parameters(), List.of(), List.of(), Optional.empty(), false, false, false, List.of("v")));
  }

  @Test
  void everySynapseReadsTheOneValue() {
    assertEquals(3, tau.size());
    assertTrue(tau.isShared());
    tau.fill(8);
    assertEquals(8, value[0], 0.0);
    for (int i = 0; i < 3; i++) {
      assertEquals(8, tau.get(i), 0.0);
    }
    assertArrayEquals(new double[] {8, 8, 8}, tau.toArray());
    double[] target = {0, 0, 0, -1};
    tau.copyTo(target);
    assertArrayEquals(new double[] {8, 8, 8, -1}, target);
    assertEquals(List.of("all"), told);
    assertThrows(IndexOutOfBoundsException.class, () -> tau.get(3));
  }

  @Test
  void setAllTakesOneValueThroughoutAndNothingElse() {
    tau.setAll(new double[] {6, 6, 6});
    assertEquals(6, value[0], 0.0);
    assertEquals(List.of("all"), told);
    IllegalArgumentException varies =
        assertThrows(IllegalArgumentException.class, () -> tau.setAll(new double[] {6, 6, 7}));
    assertTrue(varies.getMessage().contains("synapse 2 has 7.0"), varies.getMessage());
    assertEquals(6, value[0], 0.0);
    assertEquals(List.of("all"), told);
  }

  @Test
  void aWriteToOneSynapseMustLeaveTheValueAsItIs() {
    tau.set(1, 4);
    assertEquals(List.of(), told);
    IllegalArgumentException one = assertThrows(IllegalArgumentException.class, () -> tau.set(1, 5));
    assertTrue(one.getMessage().contains("is shared"), one.getMessage());
    assertEquals(4, value[0], 0.0);
    assertThrows(IllegalArgumentException.class, () -> tau.fill(200));
    assertEquals(4, value[0], 0.0);
    assertThrows(IllegalArgumentException.class, () -> ParameterArray.shared(METADATA, 0, new double[1], 3));
    assertThrows(IllegalArgumentException.class, () -> ParameterArray.shared(METADATA, 1, new double[3], 3));
  }
}
