package io.cleft.compiler.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random model texts of two kinds, for the fuzz test of the whole pipeline.
 *
 * <p>{@link #wellTyped} writes models that are mostly right (names declared before use, units
 * that balance, ODEs linear where the method needs it), so that many pass {@code check} and go
 * on to code generation; the expressions are random trees of every operator, function and
 * conditional of the language. {@link #mutated} damages a model of the library a few
 * characters or tokens at a time, to walk the edges of the parser and the checker.
 */
final class RandomModels {
  /**
   * Methods for any right-hand side; each stage of rk2 and rk4 copies it, each Newton iteration
   * of implicit_euler copies it and its derivatives.
   */
  private static final String[] EXPLICIT_METHODS = {"euler", "rk2", "rk4", "implicit_euler"};
  /** Methods that need a right-hand side linear in the states; exact rejects coupled systems of more than 4. */
  private static final String[] LINEAR_METHODS = {"exponential_euler", "exact"};

  private static final String[] FUNCTIONS_1 = {"exp", "safe_exp", "log", "sqrt", "tanh", "sigmoid", "abs"};
  private static final String[] FUNCTIONS_2 = {"min", "max", "pow"};
  private static final String[] COMPARISONS = {"<", "<=", ">", ">=", "==", "!="};

  /** Tokens a mutation may insert: the language's own, and known troublemakers. */
  private static final String[] INSERTIONS = {
    "+", "-", "*", "/", "^", "(", ")", "{", "}", "[", "]", "=", "'", ",", "\"", "\n", " ", "\r", "\t",
    "exp(", "if", "then", "else", "and", "not", "using euler", "using exponential_euler", "in [0, 1]",
    "1e400", "1e-400", "0", "-1", "2.5e3", "mV", "1/ms", "uS", "nA", "ms^2", "m^1000000000", "[ms]",
    "v_pre", "v_post", "dt", "s", "x", "class", "var", "Population", "Math", "name", "/*", "*/", "//",
    "/** doc */", "\\u000a", "\\u002a/", "@deprecated", "\u00a0", "\u2028", "\0", "synapse", "states",
    "parameters", "constants", "update", "current", "é", "\uD83D\uDE00",
    // The event language: blocks, statements and names that are visible only in some blocks.
    "initial", "on", "on pre", "on post", "pre", "post", "(weight uS)", "(weight)", "()", "+=", "-=",
    "if x > 0 {", "} else {", "} else if", "else", "clip(", "clip(1, 0, 1)", "t", "weight", "i =", "i",
    "initial { x = 1 }", "on pre(w uS) { }", "current { i = 1 [nA] }", "[uS]", "[ms]", "x' = 1",
    // Kinetic schemes.
    "kinetic", "kinetic using rk4 {", "<->", "->", "conserve", "conserve s = 1", "s <-> s (1 [1/ms], 1 [1/ms])",
  };

  private RandomModels() {}

  static String wellTyped(SplittableRandom random, int serial) {
    String model = new WellTyped(random).model("Fuzz" + serial);
    return random.nextInt(8) == 0 ? mistaken(random, model) : model;
  }

  /**
   * Lines a modeller might get wrong in the event language, each to be put at the start of one
   * kind of block: a wrong unit, a name not visible there, an equation in a handler, an
   * assignment to a parameter, a misspelt state.
   */
  private static final String[][] MISTAKES = {
    {"  on pre", "    s0 += 1 [mV]\n"},
    {"  on pre", "    s0' = -s0 / tau  using euler\n"},
    {"  on pre", "    s0 = s0 + v_post / 1 [mV]\n"},
    {"  on pre", "    tau = 2 [ms]\n"},
    {"  on post", "    s0 = weight\n"},
    {"  on post", "    s9 += 1\n"},
    {"  initial", "    d_t = t / 1 [ms]\n"},
    {"  initial", "    s0 = s0 + 1\n"},
    {"  initial", "    x = 1 [uS]\n    x = 2 [ms]\n"},
    {"  update", "    u = weight\n"},
    {"  current {", "    s0 = 1\n"},
    {"  current {", "    y = dt / 1 [ms]\n"},
    {"  current {", "    if s0 > 0 {\n      z = 1\n    }\n    zz = z\n"},
  };

  /** The model with one mistake of the event language, or with its current block's 'i' renamed. */
  private static String mistaken(SplittableRandom random, String model) {
    if (random.nextInt(4) == 0 && model.contains("    i = ")) {
      return model.replace("    i = ", "    j = ");
    }
    String[] mistake = MISTAKES[random.nextInt(MISTAKES.length)];
    int block = model.indexOf(mistake[0]);
    if (block < 0) {
      return model;
    }
    int bodyStart = model.indexOf('\n', block) + 1;
    return model.substring(0, bodyStart) + mistake[1] + model.substring(bodyStart);
  }

  static String mutated(SplittableRandom random, String model) {
    StringBuilder text = new StringBuilder(model);
    int mutations = random.nextInt(1, 4);
    for (int m = 0; m < mutations; m++) {
      int at = text.length() == 0 ? 0 : random.nextInt(text.length());
      switch (random.nextInt(6)) {
        case 0 -> text.delete(at, Math.min(text.length(), at + random.nextInt(1, 6)));
        case 1, 2 -> text.insert(at, INSERTIONS[random.nextInt(INSERTIONS.length)]);
        case 3 -> {
          // Repeat a stretch of the model elsewhere: duplicated declarations, statements, braces.
          int length = Math.min(text.length() - at, random.nextInt(1, 80));
          String stretch = text.substring(at, at + length);
          text.insert(random.nextInt(text.length() + 1), stretch);
        }
        case 4 -> {
          if (at < text.length() && Character.isDigit(text.charAt(at))) {
            text.setCharAt(at, (char) ('0' + random.nextInt(10)));
          } else {
            text.insert(at, random.nextInt(1000));
          }
        }
        default -> {
          if (at < text.length()) {
            text.setCharAt(at, (char) random.nextInt(32, 127));
          }
        }
      }
    }
    return text.toString();
  }

  /** One model being written: what has been declared so far, and so may be read. */
  private static final class WellTyped {
    private final SplittableRandom random;
    private final List<String> dimensionless = new ArrayList<>();
    private final List<String> times = new ArrayList<>();
    private final List<String> voltages = new ArrayList<>();
    private final List<String> conductances = new ArrayList<>();
    private final List<String> states = new ArrayList<>();
    /** The locals visible at this point of the block being written (all dimensionless). */
    private final List<String> locals = new ArrayList<>();
    /** Values the initial block derives at its top level: visible in every block after it. */
    private final List<String> derived = new ArrayList<>();
    private boolean dtVisible;
    private boolean timeVisible;
    private boolean statesVisible = true;
    private boolean voltagesVisible = true;
    /** The handler's argument as an atom (already made dimensionless), or null outside one. */
    private String weightAtom;
    /** The handler's argument as a conductance, when it is one; else null. */
    private String weightConductance;
    /** A conductance state in a unit of its own (nS, mS, ...), jumped by handlers: or null. */
    private String conductanceUnit;
    /** Whether the model has a state 'tlast' in ms or s, the time of the last event. */
    private boolean lastEventTime;
    private int localSerial;

    WellTyped(SplittableRandom random) {
      this.random = random;
    }

    String model(String name) {
      StringBuilder text = new StringBuilder("synapse ").append(name).append(" {\n  parameters {\n");
      int parameters = random.nextInt(0, 5);
      for (int i = 0; i < parameters; i++) {
        text.append("    p").append(i).append(" = ").append(number()).append(range()).append('\n');
        dimensionless.add("p" + i);
      }
      text.append("    tau = ").append(positive()).append(" ms in [0, inf]\n");
      text.append("    g = ").append(positive()).append(" uS\n");
      text.append("    e = ").append(number()).append(" mV\n");
      text.append("  }\n");
      times.add("tau");
      conductances.add("g");
      voltages.add("e");
      if (random.nextBoolean()) {
        text.append("  constants {\n    c0 = ").append(number()).append("\n    tau_c = ").append(positive())
            .append(" ms\n  }\n");
        dimensionless.add("c0");
        times.add("tau_c");
      }
      int stateCount = random.nextInt(1, 4);
      text.append("  states {\n");
      for (int i = 0; i < stateCount; i++) {
        text.append("    s").append(i).append(" = ").append(number()).append('\n');
        states.add("s" + i);
      }
      // States with units, which handlers jump in their own unit: conversions both ways.
      if (random.nextBoolean()) {
        conductanceUnit = new String[] {"nS", "uS", "mS", "pS"}[random.nextInt(4)];
        text.append("    gq = ").append(positive()).append(' ').append(conductanceUnit).append('\n');
      }
      // A kinetic scheme's states: the first starts at 1, the rest at 0, as a law of total 1 says.
      int kineticCount = random.nextInt(3) == 0 ? random.nextInt(2, 5) : 0;
      for (int i = 0; i < kineticCount; i++) {
        text.append("    k").append(i).append(" = ").append(i == 0 ? "1" : "0").append('\n');
      }
      if (random.nextInt(3) == 0) {
        lastEventTime = true;
        text.append("    tlast = ").append(random.nextInt(0, 3)).append(random.nextBoolean() ? " ms\n" : " s\n");
      }
      text.append("  }\n");
      if (random.nextBoolean()) {
        initial(text);
      }
      text.append("  update {\n");
      dtVisible = true;
      timeVisible = true;
      int localCount = random.nextInt(0, 5);
      for (int i = 0; i < localCount; i++) {
        text.append("    l").append(i).append(" = ").append(expression(3)).append('\n');
        locals.add("l" + i);
      }
      for (String state : states) {
        switch (random.nextInt(4)) {
          case 0 -> text.append("    ").append(state).append(" = ").append(expression(3)).append('\n');
          case 1 -> text.append("    ").append(state).append("' = ").append(expression(2))
              .append(" / ").append(time()).append("  using ").append(EXPLICIT_METHODS[random.nextInt(EXPLICIT_METHODS.length)])
              .append('\n');
          case 2 -> text.append("    ").append(state).append("' = (").append(expressionWithout(state, 2))
              .append(" - ").append(state).append(") / ").append(time()).append("  using ")
              .append(LINEAR_METHODS[random.nextInt(LINEAR_METHODS.length)]).append('\n');
          default -> { } // not updated: a warning, and the state keeps its value
        }
      }
      if (conductanceUnit != null && random.nextInt(4) != 0) {
        text.append("    gq' = -gq / ").append(time()).append("  using exponential_euler\n");
      }
      if (kineticCount > 0) {
        kineticScheme(text, kineticCount);
      }
      text.append("  }\n");
      dtVisible = false;
      locals.clear();
      if (random.nextBoolean()) {
        handler(text, "pre", preArgument());
      }
      if (random.nextInt(3) == 0) {
        handler(text, "post", null);
      }
      if (random.nextBoolean()) {
        text.append("  current = ").append(current()).append("\n");
      } else {
        currentBlock(text);
      }
      text.append("}\n");
      return text.toString();
    }

    /**
     * A kinetic scheme over the states k0, k1, ...: random reactions, reversible or one-way,
     * whose rates are random expressions per time (which may read any state), under any method,
     * and, most of the time, the law that they sum to 1.
     */
    private void kineticScheme(StringBuilder text, int count) {
      String[] methods = {"euler", "rk2", "rk4", "exponential_euler", "exact"};
      text.append("    kinetic using ").append(methods[random.nextInt(methods.length)]).append(" {\n");
      for (int i = 1; i < count; i++) {
        // Each state reacts with one before it, so every state is in the scheme.
        String from = "k" + random.nextInt(i);
        String to = "k" + i;
        boolean forward = random.nextBoolean();
        text.append("      ").append(forward ? from : to);
        String other = forward ? to : from;
        if (random.nextBoolean()) {
          text.append(" <-> ").append(other).append(" (").append(rate()).append(", ").append(rate()).append(")\n");
        } else {
          text.append(" -> ").append(other).append(" (").append(rate()).append(")\n");
        }
      }
      if (random.nextInt(4) != 0) {
        text.append("      conserve ");
        for (int i = 0; i < count; i++) {
          text.append(i == 0 ? "" : " + ").append('k').append(i);
        }
        text.append(" = 1\n");
      }
      text.append("    }\n");
    }

    private String rate() {
      return random.nextBoolean() ? "1 / " + time() : "(" + expression(2) + ") / " + time();
    }

    /** Derived values and initial values of states, from the parameters and constants only. */
    private void initial(StringBuilder text) {
      text.append("  initial {\n");
      timeVisible = false;
      statesVisible = false;
      voltagesVisible = false;
      statements(text, "    ", random.nextInt(1, 6), 0, true, false);
      if (conductanceUnit != null && random.nextBoolean()) {
        text.append("    gq = g * ").append(expression(2)).append('\n');
      }
      // Only what the block defines at its top level outlives it.
      derived.addAll(locals);
      locals.clear();
      statesVisible = true;
      voltagesVisible = true;
      text.append("  }\n");
    }

    /** The weight's declaration, and how a handler reads it as a dimensionless number; or none. */
    private String[] preArgument() {
      return switch (random.nextInt(4)) {
        case 0 -> new String[] {"(weight " + (random.nextBoolean() ? "uS" : "nS") + ")",
            "(weight / " + (random.nextBoolean() ? "g" : positive() + " [uS]") + ")", "weight"};
        case 1 -> new String[] {"(w)", "w"};
        case 2 -> new String[] {"(w ms)", "(w / " + time() + ")"};
        default -> null; // 'on pre' without an argument, as Brian2's on_pre
      };
    }

    private void handler(StringBuilder text, String event, String[] argument) {
      text.append("  on ").append(event);
      if (argument != null) {
        text.append(argument[0]);
        weightAtom = argument[1];
        weightConductance = argument.length > 2 ? argument[2] : null;
      }
      text.append(" {\n");
      timeVisible = true;
      voltagesVisible = false;
      statements(text, "    ", random.nextInt(1, 6), 0, false, true);
      if (conductanceUnit != null && random.nextInt(4) != 0) {
        String jump = weightConductance != null && random.nextBoolean() ? weightConductance : "g";
        text.append("    gq").append(random.nextBoolean() ? " += " : " -= ").append(jump).append(" * ").append(expression(1)).append('\n');
      }
      if (lastEventTime && random.nextBoolean()) {
        text.append("    tlast = t\n");
      }
      locals.clear();
      weightAtom = null;
      weightConductance = null;
      voltagesVisible = true;
      text.append("  }\n");
    }

    /** A current block: named values (with ifs and reassignments), then 'i' at the top level. */
    private void currentBlock(StringBuilder text) {
      text.append("  current {\n");
      timeVisible = true;
      statements(text, "    ", random.nextInt(0, 4), 0, false, false);
      text.append("    i = ").append(current()).append('\n');
      if (random.nextInt(4) == 0) {
        // A named value after 'i', read by nothing: a warning at most.
        text.append("    after_i = ").append(expression(2)).append('\n');
      }
      locals.clear();
      text.append("  }\n");
    }

    /**
     * {@code count} statements of initial, a handler or the current block: new locals, their
     * reassignment with =, += and -=, jumps of states (where {@code writesStates}), and ifs whose
     * branches define locals of their own, which end with the branch.
     */
    private void statements(StringBuilder text, String indent, int count, int nesting, boolean initial, boolean handler) {
      for (int n = 0; n < count; n++) {
        int choice = random.nextInt(10);
        if (choice < 3 || locals.isEmpty() && choice < 5) {
          String name = (initial ? "d" : handler ? "h" : "cv") + localSerial++;
          text.append(indent).append(name).append(" = ").append(maybeClipped(2)).append('\n');
          locals.add(name);
        } else if (choice < 5) {
          String name = locals.get(random.nextInt(locals.size()));
          text.append(indent).append(name).append(assignment()).append(maybeClipped(2)).append('\n');
        } else if (choice < 7 && (initial || handler)) {
          String state = states.get(random.nextInt(states.size()));
          // Initial values do not read the states, so there a state is only set.
          String operator = initial ? " = " : assignment();
          text.append(indent).append(state).append(operator).append(maybeClipped(2)).append('\n');
        } else if (nesting < 3) {
          ifStatement(text, indent, nesting, initial, handler);
        }
      }
    }

    private void ifStatement(StringBuilder text, String indent, int nesting, boolean initial, boolean handler) {
      text.append(indent).append("if ").append(condition(1)).append(" {\n");
      branch(text, indent, nesting, initial, handler);
      int elseIfs = random.nextInt(3) == 0 ? random.nextInt(1, 4) : 0;
      for (int e = 0; e < elseIfs; e++) {
        text.append(indent).append("} else if ").append(condition(1)).append(" {\n");
        branch(text, indent, nesting, initial, handler);
      }
      if (random.nextBoolean()) {
        text.append(indent).append("} else {\n");
        branch(text, indent, nesting, initial, handler);
      }
      text.append(indent).append("}\n");
    }

    /** A branch's statements (maybe none); the locals it defines are not visible after it. */
    private void branch(StringBuilder text, String indent, int nesting, boolean initial, boolean handler) {
      int visible = locals.size();
      statements(text, indent + "  ", random.nextInt(0, 3), nesting + 1, initial, handler);
      locals.subList(visible, locals.size()).clear();
    }

    private String assignment() {
      return switch (random.nextInt(3)) {
        case 0 -> " += ";
        case 1 -> " -= ";
        default -> " = ";
      };
    }

    private String maybeClipped(int depth) {
      if (random.nextInt(4) == 0) {
        double low = random.nextDouble(-2, 1);
        return "clip(" + expression(depth) + ", " + low + ", " + (low + random.nextDouble(0, 2)) + ")";
      }
      return expression(depth);
    }

    private String current() {
      String current = switch (random.nextInt(3)) {
        case 0 -> "g * " + expression(3) + " * (v_post - " + voltage() + ")";
        case 1 -> expression(3) + " * 1 [nA]";
        default -> "g * " + states.get(random.nextInt(states.size())) + " * (v_post - e)";
      };
      return conductanceUnit == null ? current : current + " + gq * (v_post - e)";
    }

    private String expressionWithout(String state, int depth) {
      String e;
      do {
        e = expression(depth);
      } while (e.matches(".*\\b" + state + "\\b.*"));
      return e;
    }

    /** A dimensionless expression. */
    private String expression(int depth) {
      if (depth == 0 || random.nextInt(4) == 0) {
        return atom();
      }
      return switch (random.nextInt(9)) {
        case 0 -> "-" + expression(depth - 1);
        case 1, 2 -> "(" + expression(depth - 1) + " " + "+-*/".charAt(random.nextInt(4)) + " " + expression(depth - 1) + ")";
        case 3 -> "(" + expression(depth - 1) + ") ^ " + random.nextInt(0, 4);
        case 4, 5 -> FUNCTIONS_1[random.nextInt(FUNCTIONS_1.length)] + "(" + expression(depth - 1) + ")";
        case 6 -> FUNCTIONS_2[random.nextInt(FUNCTIONS_2.length)] + "(" + expression(depth - 1) + ", " + expression(depth - 1) + ")";
        case 7 -> "(if " + condition(depth - 1) + " then " + expression(depth - 1) + " else " + expression(depth - 1) + ")";
        default -> "((" + voltageExpression() + " - " + voltageExpression() + ") / " + positive() + " [mV])";
      };
    }

    private String condition(int depth) {
      String compare = expression(depth) + " " + COMPARISONS[random.nextInt(COMPARISONS.length)] + " " + expression(depth);
      return switch (random.nextInt(5)) {
        case 0 -> "not (" + compare + ")";
        case 1 -> "(" + compare + " and " + expression(0) + " > 0)";
        case 2 -> "(" + compare + " or " + expression(0) + " < 0)";
        default -> compare;
      };
    }

    private String atom() {
      int choice = random.nextInt(14);
      if (choice < 2) {
        return number();
      }
      if (choice < 4 && !dimensionless.isEmpty()) {
        return dimensionless.get(random.nextInt(dimensionless.size()));
      }
      if (choice < 6 && statesVisible) {
        return states.get(random.nextInt(states.size()));
      }
      if (choice < 7 && !locals.isEmpty()) {
        return locals.get(random.nextInt(locals.size()));
      }
      if (choice < 8 && dtVisible) {
        return "(dt / " + time() + ")";
      }
      if (choice < 9) {
        return "(" + voltageExpression() + " / " + positive() + " [mV])";
      }
      if (choice < 10 && timeVisible) {
        return lastEventTime && statesVisible && random.nextBoolean() ? "((t - tlast) / " + time() + ")" : "(t / " + time() + ")";
      }
      if (choice < 11 && weightAtom != null) {
        return weightAtom;
      }
      if (choice < 12 && !derived.isEmpty()) {
        return derived.get(random.nextInt(derived.size()));
      }
      if (choice < 13) {
        return "clip(" + atom() + ", " + atom() + ", " + atom() + ")";
      }
      return "(g * " + time() + " / 1 [nA*ms/mV])";
    }

    private String voltageExpression() {
      if (!voltagesVisible) {
        return voltage();
      }
      return switch (random.nextInt(3)) {
        case 0 -> "v_pre";
        case 1 -> "v_post";
        default -> voltage();
      };
    }

    private String voltage() {
      return random.nextBoolean() ? voltages.get(random.nextInt(voltages.size())) : number() + " [mV]";
    }

    private String time() {
      return random.nextBoolean() ? times.get(random.nextInt(times.size())) : positive() + " [ms]";
    }

    private String range() {
      return random.nextInt(4) == 0 ? " in [-inf, inf]" : "";
    }

    private String number() {
      return (random.nextBoolean() ? "-" : "") + positive();
    }

    private String positive() {
      return switch (random.nextInt(4)) {
        case 0 -> Integer.toString(random.nextInt(1, 100));
        case 1 -> random.nextInt(1, 10) + "." + random.nextInt(0, 1000);
        case 2 -> random.nextInt(1, 10) + "e" + random.nextInt(-4, 4);
        default -> "0." + random.nextInt(1, 100);
      };
    }
  }
}
