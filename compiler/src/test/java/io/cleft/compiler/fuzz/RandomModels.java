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
  };

  private RandomModels() {}

  static String wellTyped(SplittableRandom random, int serial) {
    return new WellTyped(random).model("Fuzz" + serial);
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
    private final List<String> locals = new ArrayList<>();
    private boolean dtVisible;

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
      text.append("  }\n  update {\n");
      dtVisible = true;
      int localCount = random.nextInt(0, 5);
      for (int i = 0; i < localCount; i++) {
        text.append("    l").append(i).append(" = ").append(expression(3)).append('\n');
        locals.add("l" + i);
      }
      for (String state : states) {
        switch (random.nextInt(4)) {
          case 0 -> text.append("    ").append(state).append(" = ").append(expression(3)).append('\n');
          case 1 -> text.append("    ").append(state).append("' = ").append(expression(2))
              .append(" / ").append(time()).append("  using euler\n");
          case 2 -> text.append("    ").append(state).append("' = (").append(expressionWithout(state, 2))
              .append(" - ").append(state).append(") / ").append(time()).append("  using exponential_euler\n");
          default -> { } // not updated: a warning, and the state keeps its value
        }
      }
      text.append("  }\n");
      dtVisible = false;
      locals.clear();
      text.append("  current = ").append(current()).append("\n}\n");
      return text.toString();
    }

    private String current() {
      return switch (random.nextInt(3)) {
        case 0 -> "g * " + expression(3) + " * (v_post - " + voltage() + ")";
        case 1 -> expression(3) + " * 1 [nA]";
        default -> "g * " + states.get(random.nextInt(states.size())) + " * (v_post - e)";
      };
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
        default -> "(" + voltageExpression() + " - " + voltageExpression() + ") / " + positive() + " [mV]";
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
      int choice = random.nextInt(10);
      if (choice < 2) {
        return number();
      }
      if (choice < 4 && !dimensionless.isEmpty()) {
        return dimensionless.get(random.nextInt(dimensionless.size()));
      }
      if (choice < 6) {
        return states.get(random.nextInt(states.size()));
      }
      if (choice < 7 && !locals.isEmpty()) {
        return locals.get(random.nextInt(locals.size()));
      }
      if (choice < 8 && dtVisible) {
        return "dt / " + time();
      }
      if (choice < 9) {
        return voltageExpression() + " / " + positive() + " [mV]";
      }
      return "g * " + time() + " / 1 [nA*ms/mV]";
    }

    private String voltageExpression() {
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
