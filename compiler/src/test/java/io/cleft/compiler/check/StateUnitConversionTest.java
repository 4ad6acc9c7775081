package io.cleft.compiler.check;

import static io.cleft.compiler.TestModels.compile;
import static io.cleft.compiler.TestModels.defaultParameters;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleft.compiler.interp.Interpreter;
import io.cleft.compiler.ir.IrProgram;
import org.junit.jupiter.api.Test;

/**
 * A state is stored in its declared unit and converted on every read and write: a conductance
 * state in nS behaves as the same state in uS, 1000 times larger.
 */
class StateUnitConversionTest {
  private static final String MODEL = """
      synapse Exp {
        parameters {
          tau   = 2 ms
          e_syn = 0 mV
          w     = 0.5 UNIT
        }
        states {
          g = 0 UNIT
        }
        update {
          g' = (w - g) / tau  using exponential_euler
        }
        current = g * (v_post - e_syn)
      }
      """;

  private final IrProgram nanosiemens = compile(MODEL.replace("UNIT", "nS"));
  private final IrProgram microsiemens = compile(MODEL.replace("UNIT", "uS"));

  @Test
  void theNextStateInNanosiemensIsTheNextStateInMicrosiemensTimesAThousand() {
    Interpreter nS = new Interpreter(nanosiemens);
    Interpreter uS = new Interpreter(microsiemens);
    for (double gInNanosiemens : new double[] {0, 1, 500, 1234.5, 1e6}) {
      // g/1000 is how the nS model reads its state, so both models start from the same working value.
      double gInMicrosiemens = gInNanosiemens / 1000;
      double[] parametersNs = {2, 0, 750};
      double[] parametersUs = {2, 0, 750 / 1000.0};
      for (double dt : new double[] {0.025, 0.1, 3}) {
        double nextNs = nS.update(parametersNs, new double[] {gInNanosiemens}, dt, -20, -65)[0];
        double nextUs = uS.update(parametersUs, new double[] {gInMicrosiemens}, dt, -20, -65)[0];
        assertTrue(nextNs == nextUs * 1000, "g=" + gInNanosiemens + " nS, dt=" + dt + ": " + nextNs + " vs " + nextUs);
      }
    }
  }

  @Test
  void theCurrentIsTheSameWhicheverUnitTheConductanceIsIn() {
    Interpreter nS = new Interpreter(nanosiemens);
    Interpreter uS = new Interpreter(microsiemens);
    for (double gInNanosiemens : new double[] {0, 3, 250, 1e5}) {
      for (double vPost : new double[] {-80, -65, 0, 30}) {
        double currentNs = nS.current(defaultParameters(nanosiemens), new double[] {gInNanosiemens}, -20, vPost);
        double currentUs = uS.current(defaultParameters(microsiemens), new double[] {gInNanosiemens / 1000}, -20, vPost);
        assertTrue(currentNs == currentUs, currentNs + " nA vs " + currentUs + " nA");
      }
    }
  }

  @Test
  void aStateInNanosiemensRelaxesToItsTargetInNanosiemens() {
    // Over a step of 100 time constants the state reaches w: 0.5 nS, not 0.5 uS.
    double next = new Interpreter(nanosiemens).update(defaultParameters(nanosiemens), new double[] {0}, 200, -20, -65)[0];
    assertEquals(0.5, next, 1e-15);
  }
}
