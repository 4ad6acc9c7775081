package org.example.synapses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cleft.runtime.SynapsePopulation;
import org.example.synapses.demo.Ampa;
import org.junit.jupiter.api.Test;

/**
 * Runs the classes the plugin generated in this build: src/main/syn/demo/Ampa.syn as
 * org.example.synapses.demo.Ampa and src/main/syn/Ohmic.syn as org.example.synapses.Ohmic. The
 * expected numbers are worked out by hand from the models. Every value involved is a short
 * binary fraction, so each operation is exact and the comparisons are exact.
 */
class GeneratedSynapsesTest {
  // Compartment 0 is depolarised (above Ampa's -20 mV threshold), 2 is at rest.
  private static final double[] VOLTAGES = {10, -60, -70, -40};

  @Test
  void ampaConvertsUnitsAddsCurrentsAndSteps() {
    // Synapse 0 goes from compartment 0 to 1, synapse 1 from 2 to 3.
    SynapsePopulation ampa = new Ampa().newPopulation(new int[] {0, 2}, new int[] {1, 3});

    // Parameters keep their declared units at the interface: g in nS, tau in us.
    assertArrayEquals(new double[] {500, 500}, ampa.parameter("g").toArray());
    assertArrayEquals(new double[] {2000, 2000}, ampa.parameter("tau").toArray());
    assertArrayEquals(new double[] {0.5, 0.5}, ampa.state("r"));

    // current = g * r * (v_post - e_syn) with g = 500 nS = 0.5 uS, in nA:
    //   synapse 0: 0.5 * 0.5 * (-60 - 0) = -15,  synapse 1: 0.5 * 0.5 * (-40 - 0) = -10.
    // Its derivative with respect to v_post is g * r = 0.5 * 0.5 = 0.25 uS.
    double[] current = new double[4];
    double[] conductance = new double[4];
    ampa.addCurrents(VOLTAGES, current, conductance);
    assertArrayEquals(new double[] {0, -15, 0, -10}, current);
    assertArrayEquals(new double[] {0, 0.25, 0, 0.25}, conductance);

    // Euler step of r' = (r_inf - r) / tau with tau = 2000 us = 2 ms and dt = 0.5 ms:
    //   synapse 0: v_pre = 10 > -20, r_inf = 1:   0.5 + 0.5 * ((1 - 0.5) / 2) = 0.5 + 0.125 = 0.625
    //   synapse 1: v_pre = -70 <= -20, r_inf = 0: 0.5 + 0.5 * ((0 - 0.5) / 2) = 0.5 - 0.125 = 0.375
    ampa.step(0.5, VOLTAGES);
    assertArrayEquals(new double[] {0.625, 0.375}, ampa.state("r"));

    // With the new r: synapse 0: 0.5 * 0.625 * -60 = 0.3125 * -60 = -18.75, g * r = 0.3125;
    //                 synapse 1: 0.5 * 0.375 * -40 = 0.1875 * -40 = -7.5,   g * r = 0.1875.
    current = new double[4];
    conductance = new double[4];
    ampa.addCurrents(VOLTAGES, current, conductance);
    assertArrayEquals(new double[] {0, -18.75, 0, -7.5}, current);
    assertArrayEquals(new double[] {0, 0.3125, 0, 0.1875}, conductance);
  }

  @Test
  void aParameterSetThroughItsViewIsUsedByTheNextStep() {
    SynapsePopulation ampa = new Ampa().newPopulation(new int[] {0, 2}, new int[] {1, 3});
    ampa.step(0.5, VOLTAGES); // what the population keeps of tau is now computed

    // Synapse 1's tau becomes 1000 us = 1 ms: 0.5 + 0.5 * ((0 - 0.5) / 1) = 0.25 from 0.375.
    ampa.state("r")[1] = 0.5;
    ampa.parameter("tau").set(1, 1000);
    ampa.step(0.5, VOLTAGES);
    assertEquals(0.25, ampa.state("r")[1]);
    assertEquals(1000, ampa.parameter("tau").get(1));

    // g is declared in [0, inf]: a negative conductance is refused, and nothing is written.
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> ampa.parameter("g").set(0, -1));
    assertEquals("parameter g of Ampa, synapse 0: -1.0 is outside its declared range [0, inf]", refused.getMessage());
    assertEquals(500, ampa.parameter("g").get(0));
  }

  @Test
  void ohmicAddsToTheCurrentAlreadyThere() {
    // One synapse from compartment 0 to 1; compartment 1 already carries Ampa's -15 nA and 0.25 uS.
    SynapsePopulation ohmic = new Ohmic().newPopulation(new int[] {0}, new int[] {1});
    assertArrayEquals(new double[] {250}, ohmic.parameter("g").toArray());
    double[] current = {0, -15, 0, 0};
    double[] conductance = {0, 0.25, 0, 0};

    // current = g * (v_post - v_pre) with g = 250 nS = 0.25 uS: 0.25 * (-60 - 10) = -17.5 nA,
    // added to -15: -32.5. Its derivative is g = 0.25 uS, added to 0.25: 0.5.
    ohmic.addCurrents(VOLTAGES, current, conductance);
    assertArrayEquals(new double[] {0, -32.5, 0, 0}, current);
    assertArrayEquals(new double[] {0, 0.5, 0, 0}, conductance);

    // No states: a step changes nothing.
    ohmic.step(0.5, VOLTAGES);
    assertEquals(0, ohmic.metadata().states().size());
    assertArrayEquals(new double[] {250}, ohmic.parameter("g").toArray());
  }
}
