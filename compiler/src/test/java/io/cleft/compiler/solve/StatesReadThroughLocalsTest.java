package io.cleft.compiler.solve;

import static io.cleft.compiler.TestModels.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.cleft.compiler.check.Resolver;
import io.cleft.compiler.diagnostic.DiagnosticCollector;
import io.cleft.compiler.model.Expr;
import io.cleft.compiler.model.ExprWalker;
import io.cleft.compiler.model.OdeMethod;
import io.cleft.compiler.model.StateUpdate;
import io.cleft.compiler.model.Symbol;
import io.cleft.compiler.model.SynapseModel;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link StatesReadThroughLocals} finds what a walk of each equation through the locals finds,
 * and walks each local once for all equations: the work of asking for every equation of a
 * system grows with the locals, not with the locals times the equations (docs/BENCHMARKS.md,
 * "Compile time"). The guard counts walked definitions, not time.
 */
class StatesReadThroughLocalsTest {
  @Test
  void everyEquationGetsTheStatesANaiveWalkFinds() {
    SynapseModel model = chainModel(6, 40);
    List<StateUpdate.Derivative> system = SystemComponents.equations(model, OdeMethod.EULER);
    Set<Symbol.State> states = SystemComponents.states(system);
    Set<Symbol.Local> stepLocals = Set.copyOf(model.locals());
    StatesReadThroughLocals statesRead = new StatesReadThroughLocals(states, stepLocals);
    boolean someEquationReadsSeveral = false;
    for (StateUpdate.Derivative d : system) {
      Set<Symbol.State> expected = naiveStatesRead(d.derivative(), states, stepLocals);
      assertEquals(expected, statesRead.of(d.derivative()), d.state().name());
      someEquationReadsSeveral |= expected.size() > 1;
    }
    // The model is built so that equations differ and reach states only through locals.
    org.junit.jupiter.api.Assertions.assertTrue(someEquationReadsSeveral, "the test model should have equations reading several states");
  }

  @Test
  void asksForAllEquationsWalkingEachLocalOnce() {
    for (int locals : new int[] {100, 1000}) {
      SynapseModel model = chainModel(8, locals);
      List<StateUpdate.Derivative> system = SystemComponents.equations(model, OdeMethod.EULER);
      StatesReadThroughLocals statesRead =
          new StatesReadThroughLocals(SystemComponents.states(system), Set.copyOf(model.locals()));
      system.forEach(d -> statesRead.of(d.derivative()));
      // Every equation reaches the whole chain; walking it per equation would be 8 times this.
      assertEquals(model.locals().size(), statesRead.definitionsWalked());
    }
  }

  /**
   * {@code states} states under euler and a chain of {@code locals} locals, each reading the one
   * before and every seventh a state; equation k reads the local at the chain's k-th eighth.
   */
  private static SynapseModel chainModel(int states, int locals) {
    StringBuilder text = new StringBuilder("synapse Chain {\n  parameters {\n    tau = 1 ms\n  }\n  states {\n");
    for (int k = 0; k < states; k++) {
      text.append("    x").append(k).append(" = 0\n");
    }
    text.append("  }\n  update {\n    l0 = x0\n");
    for (int i = 1; i < locals; i++) {
      text.append("    l").append(i).append(" = l").append(i - 1);
      if (i % 7 == 0) {
        text.append(" + x").append((i / 7) % states);
      }
      text.append('\n');
    }
    for (int k = 0; k < states; k++) {
      int read = (int) ((long) (locals - 1) * (k + 1) / states);
      text.append("    x").append(k).append("' = (l").append(read).append(" - x").append(k).append(") / tau using euler\n");
    }
    text.append("  }\n  current = 1 [uS] * x0 * (v_post - 0 [mV])\n}\n");
    DiagnosticCollector diagnostics = new DiagnosticCollector();
    SynapseModel model = Resolver.resolve(parse(text.toString()), diagnostics);
    assertFalse(diagnostics.hasErrors(), () -> diagnostics.all().toString());
    return model;
  }

  /** The states {@code expr} reaches, walking every local again wherever it is met. */
  private static Set<Symbol.State> naiveStatesRead(Expr expr, Set<Symbol.State> states, Set<Symbol.Local> stepLocals) {
    Set<Symbol.State> read = new HashSet<>();
    Set<Symbol.Local> seen = new HashSet<>();
    Deque<Expr> pending = new ArrayDeque<>(List.of(expr));
    while (!pending.isEmpty()) {
      ExprWalker.forEach(pending.pop(), e -> {
        if (e instanceof Expr.Reference reference) {
          if (reference.symbol() instanceof Symbol.State state && states.contains(state)) {
            read.add(state);
          } else if (reference.symbol() instanceof Symbol.Local local && stepLocals.contains(local) && seen.add(local)) {
            pending.push(local.definition());
          }
        }
      });
    }
    return read;
  }
}
