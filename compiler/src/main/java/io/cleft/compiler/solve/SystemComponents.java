package io.cleft.compiler.solve;

import io.cleft.compiler.model.OdeMethod;
import io.cleft.compiler.model.StateUpdate;
import io.cleft.compiler.model.Symbol;
import io.cleft.compiler.model.SynapseModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A method's system (the equations of a model that name it) and its independent parts: the
 * connected components of its "reads" graph, where the equations of x and y are joined when
 * x's right-hand side mentions y, directly or through the update block's locals (read either
 * way, so undirected). A component's states read no state of another component, so each can be
 * stepped on its own, and one that cannot be solved (a matrix exponential out of range, a Newton
 * iteration that does not converge) leaves the others alone.
 */
public final class SystemComponents {
  private SystemComponents() {}

  /** The equations of {@code model} that say {@code using method}, in the model's order. */
  public static List<StateUpdate.Derivative> equations(SynapseModel model, OdeMethod method) {
    List<StateUpdate.Derivative> system = new ArrayList<>();
    for (StateUpdate update : model.updates()) {
      if (update instanceof StateUpdate.Derivative d && d.method() == method) {
        system.add(d);
      }
    }
    return system;
  }

  /** The states {@code system} steps, in its order. */
  public static Set<Symbol.State> states(List<StateUpdate.Derivative> system) {
    Set<Symbol.State> states = new LinkedHashSet<>();
    system.forEach(d -> states.add(d.state()));
    return states;
  }

  /**
   * The connected components of {@code system}'s reads graph, each in the system's order, in the
   * order of their first equations (so one component is the system as it was).
   *
   * @param stepLocals the update block's locals, the only ones looked through (as the
   *     decomposers do: any other local is fixed over the step)
   */
  public static List<List<StateUpdate.Derivative>> of(List<StateUpdate.Derivative> system, Set<Symbol.Local> stepLocals) {
    List<Symbol.State> order = new ArrayList<>(states(system));
    Map<Symbol.State, Integer> position = new LinkedHashMap<>();
    order.forEach(s -> position.put(s, position.size()));
    int[] parent = new int[order.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    // One walk of the locals for all equations: each reaches much the same locals.
    StatesReadThroughLocals statesRead = new StatesReadThroughLocals(position.keySet(), stepLocals);
    for (StateUpdate.Derivative d : system) {
      int i = position.get(d.state());
      for (Symbol.State read : statesRead.of(d.derivative())) {
        union(parent, i, position.get(read));
      }
    }
    Map<Integer, List<StateUpdate.Derivative>> components = new LinkedHashMap<>();
    for (StateUpdate.Derivative d : system) {
      components.computeIfAbsent(root(parent, position.get(d.state())), r -> new ArrayList<>()).add(d);
    }
    return List.copyOf(components.values());
  }

  /**
   * How the solver locals of {@code component} are told from those of the other components of
   * its system: empty when it is the only one (so a system in one piece keeps the names it
   * always had), else its first state's name.
   */
  static String label(List<StateUpdate.Derivative> component, List<List<StateUpdate.Derivative>> components) {
    return components.size() == 1 ? "" : component.get(0).state().name();
  }

  private static int root(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int i, int j) {
    int a = root(parent, i);
    int b = root(parent, j);
    // The smaller root wins, so a component's root is its first state.
    if (a < b) {
      parent[b] = a;
    } else {
      parent[a] = b;
    }
  }
}
