package io.cleft.compiler.simulate;

/**
 * One passive compartment as NEURON builds it: a cylinder with a {@code pas} leak and a
 * capacitance, one segment.
 *
 * @param length L (um)
 * @param diameter diam (um)
 * @param cm specific capacitance (uF/cm2)
 * @param gPas leak conductance g_pas (S/cm2)
 * @param ePas leak reversal potential e_pas (mV)
 * @param vInit the membrane potential at initialisation (mV)
 */
public record PassiveCompartment(double length, double diameter, double cm, double gPas, double ePas, double vInit) {
  /** NEURON's defaults: L = diam = 20 um, cm = 1 uF/cm2, g_pas = 1e-4 S/cm2, e_pas = v_init = -65 mV. */
  public static final PassiveCompartment NEURON_DEFAULTS = new PassiveCompartment(20, 20, 1, 1e-4, -65, -65);

  public PassiveCompartment {
    requirePositive(length, "--L");
    requirePositive(diameter, "--diam");
    requirePositive(cm, "--cm");
    if (!(gPas >= 0) || Double.isInfinite(gPas)) {
      throw new IllegalArgumentException("--g-pas must be a finite number >= 0, not " + gPas);
    }
    if (!Double.isFinite(ePas) || !Double.isFinite(vInit)) {
      throw new IllegalArgumentException("--e-pas and --v-init must be finite");
    }
  }

  private static void requirePositive(double value, String option) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(option + " must be a positive number, not " + value);
    }
  }

  /** The membrane area pi * L * diam (um2), which turns a point current in nA into mA/cm2. */
  public double area() {
    return Math.PI * length * diameter;
  }
}
