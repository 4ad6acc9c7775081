package io.cleft.compiler.solve;

import static io.cleft.compiler.TestModels.compile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.cleft.compiler.GeneratedAgreement;
import io.cleft.compiler.interp.Interpreter;
import io.cleft.compiler.ir.IrProgram;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code rk2} and {@code rk4} on hand-worked steps, written out here in Brian2's order of
 * operations, compared bit for bit: a system of two states stepped together, a local that reads
 * a state re-evaluated at each stage, a state under another method read as it was at the start
 * of the step, and t at each stage's time.
 */
class RungeKuttaSolverTest {
  private static final String PAIR = """
      synapse Pair {
        parameters {
          a = 0.7 1/ms
          b = 0.3 1/ms
        }
        states {
          x = 0.9
          y = 0.2
        }
        update {
          q = x * y
          x' = -a * q  using METHOD
          y' = b * x - a * y  using METHOD
        }
        current = 1 [nA] * x
      }
      """;

  private static final double A = 0.7;
  private static final double B = 0.3;

  private static double[] pairRate(double x, double y) {
    double q = x * y;
    return new double[] {-A * q, B * x - A * y};
  }

  private static double[] step(String method, double x, double y, double dt) {
    IrProgram program = compile(PAIR.replace("METHOD", method));
    return new Interpreter(program).update(new double[] {A, B}, new double[] {x, y}, 0, dt, 0, 0);
  }

  @Test
  void rk2StepsBothStatesByTheMidpoint() {
    double x = 0.9;
    double y = 0.2;
    double dt = 0.4;
    double[] f1 = pairRate(x, y);
    double kx = dt * f1[0];
    double ky = dt * f1[1];
    double[] f2 = pairRate(x + kx / 2, y + ky / 2);
    double[] expected = {x + dt * f2[0], y + dt * f2[1]};

    double[] actual = step("rk2", x, y, dt);

    assertEquals(expected[0], actual[0], 0);
    assertEquals(expected[1], actual[1], 0);
  }

  @Test
  void rk4StepsBothStatesThroughFourStages() {
    double x = 0.9;
    double y = 0.2;
    double dt = 0.4;
    double[] f1 = pairRate(x, y);
    double k1x = dt * f1[0];
    double k1y = dt * f1[1];
    double[] f2 = pairRate(x + k1x / 2, y + k1y / 2);
    double k2x = dt * f2[0];
    double k2y = dt * f2[1];
    double[] f3 = pairRate(x + k2x / 2, y + k2y / 2);
    double k3x = dt * f3[0];
    double k3y = dt * f3[1];
    double[] f4 = pairRate(x + k3x, y + k3y);
    double k4x = dt * f4[0];
    double k4y = dt * f4[1];
    double[] expected = {
      x + k1x / 6 + k2x / 3 + k3x / 3 + k4x / 6, y + k1y / 6 + k2y / 3 + k3y / 3 + k4y / 6
    };

    double[] actual = step("rk4", x, y, dt);

    assertEquals(expected[0], actual[0], 0);
    assertEquals(expected[1], actual[1], 0);
  }

  @Test
  void aStateUnderAnotherMethodIsReadAsItWasAtTheStartOfTheStep() {
    String model = """
        synapse Mixed {
          parameters {
            tau = 2 ms
          }
          states {
            x = 0
            y = 1
          }
          update {
            x' = y / tau  using rk4
            y' = -y / tau  using exponential_euler
          }
          current = 1 [nA] * x
        }
        """;
    double dt = 0.5;
    double x = 0.25;
    double y = 0.8;
    // y is held, so every stage's increment is the same dt * y / tau.
    double k = dt * (y / 2);
    double expected = x + k / 6 + k / 3 + k / 3 + k / 6;

    double[] actual = new Interpreter(compile(model)).update(new double[] {2}, new double[] {x, y}, 0, dt, 0, 0);

    assertEquals(expected, actual[0], 0);
    assertEquals(y * Math.exp(-dt / 2), actual[1], 1e-16);
  }

  /**
   * Locals that each read the one before twice, the first reading the state: every stage copies
   * all of them, by reference to the stage's copies, so the model grows by a copy per stage (not
   * exponentially) and compiles at once.
   */
  @Test
  void aDoublingChainReadingTheStateIsCopiedOncePerStage() {
    int chain = 60;
    StringBuilder text = new StringBuilder("synapse Dag {\n  states { s = 0.5 }\n  update {\n    a0 = -s / 1 [ms]\n");
    for (int i = 1; i <= chain; i++) {
      text.append("    a").append(i).append(" = a").append(i - 1).append(" + a").append(i - 1).append('\n');
    }
    text.append("    s' = a").append(chain).append(" using rk4\n  }\n  current = 1 [nA] * s\n}\n");

    IrProgram program = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> compile(text.toString()));

    // The model's locals, three stage copies of each, and per stage after the first k and x + k/c.
    assertEquals(4 * (chain + 1) + 4 + 3, program.model().locals().size());
    double dt = 1e-20;
    double z = -Math.pow(2, chain) * dt;
    double expected = 0.5 * (1 + z + z * z / 2 + z * z * z / 6 + z * z * z * z / 24);
    double actual = new Interpreter(program).update(new double[] {}, new double[] {0.5}, 0, dt, 0, 0)[0];
    assertEquals(expected, actual, 1e-15);
  }

  /**
   * The names the solver gives its locals ({@code k1_x}, {@code x_stage2}, {@code q_stage2}) may
   * be the modeller's: locals are told apart by identity, and the generated class still agrees
   * with the interpreter bit for bit.
   */
  @Test
  void theSolversNamesMayBeTheModellers() {
    String model = """
        synapse Names {
          parameters {
            a = 0.7 1/ms
          }
          states {
            x = 0.9
            y = 0.2
          }
          update {
            k1_x = 3
            x_stage2 = x * 2
            q = x * y
            q_stage2 = q + k1_x
            x' = -a * q + x_stage2 * a / q_stage2  using rk4
            y' = a * (x - y)  using rk4
          }
          current = 1 [nA] * x
        }
        """;
    GeneratedAgreement.assertGeneratedEqualsInterpreter(compile(model), "rk4 with the solver's names", 9, 2_000);
  }

  /** A right-hand side that reads t, stepped by rk2 and rk4: generated code agrees bit for bit. */
  @Test
  void stagesThatReadTimeAgreeInGeneratedCode() {
    for (String method : new String[] {"rk2", "rk4"}) {
      String model = """
          synapse Forced {
            parameters {
              tau = 3 ms
            }
            states {
              x = 0.1
            }
            update {
              drive = exp(-t / tau) * x
              x' = drive / tau - x / tau  using METHOD
            }
            current = 1 [nA] * x
          }
          """.replace("METHOD", method);
      GeneratedAgreement.assertGeneratedEqualsInterpreter(compile(model), method + " reading t", 11, 2_000);
    }
  }

  @Test
  void tTakesEachStagesTime() {
    String model = """
        synapse Forced {
          states {
            x = 0
          }
          update {
            x' = t / 1 [ms^2]  using rk4
          }
          current = 1 [nA] * x
        }
        """;
    double t = 1.5;
    double dt = 0.25;
    double k1 = dt * t;
    double k2 = dt * (t + dt / 2);
    double k3 = dt * (t + dt / 2);
    double k4 = dt * (t + dt);
    double expected = 0.5 + k1 / 6 + k2 / 3 + k3 / 3 + k4 / 6;

    double[] actual = new Interpreter(compile(model)).update(new double[] {}, new double[] {0.5}, t, dt, 0, 0);

    assertEquals(expected, actual[0], 0);
  }
}
