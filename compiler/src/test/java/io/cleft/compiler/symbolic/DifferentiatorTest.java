package io.cleft.compiler.symbolic;

import static io.cleft.compiler.symbolic.ModelExprs.binary;
import static io.cleft.compiler.symbolic.ModelExprs.call;
import static io.cleft.compiler.symbolic.ModelExprs.choose;
import static io.cleft.compiler.symbolic.ModelExprs.compare;
import static io.cleft.compiler.symbolic.ModelExprs.evaluate;
import static io.cleft.compiler.symbolic.ModelExprs.number;
import static io.cleft.compiler.symbolic.ModelExprs.read;
import static io.cleft.compiler.symbolic.ModelExprs.show;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleft.compiler.ast.Expression.ComparisonOperator;
import io.cleft.compiler.ir.IrBinaryOperator;
import io.cleft.compiler.ir.IrExpr;
import io.cleft.compiler.ir.IrInput;
import io.cleft.compiler.model.BuiltinFunction;
import io.cleft.compiler.model.Expr;
import io.cleft.compiler.model.Expr.ArithmeticOperator;
import io.cleft.compiler.model.ExprWalker;
import io.cleft.compiler.model.Symbol;
import io.cleft.compiler.source.SourceSpan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/**
 * The one differentiator: its rules ({@link DerivativeRules}) through both adapters, {@link
 * Differentiator} on model expressions and {@link IrDerivative} on IR expressions (the current's
 * dI/dv_post), which must build the same derivative from the same tree.
 */
class DifferentiatorTest {
  private static final SourceSpan SPAN = ModelExprs.SPAN;
  private static final Symbol X = Symbol.Input.V_POST;
  private static final Symbol Y = Symbol.Input.V_PRE;

  /** Holds each local's derivative in a new local, as the solver does, and remembers them. */
  private static final class Held implements Differentiator.LocalDerivatives {
    final List<Symbol.Local> locals = new ArrayList<>();
    /** The local each held derivative is the derivative of. */
    final Map<Symbol.Local, Symbol.Local> derivativeOf = new IdentityHashMap<>();
    private int nextIndex = 1000;

    @Override
    public Expr hold(Symbol.Local local, Expr derivative) {
      Symbol.Local held = new Symbol.Local("d_" + local.name(), nextIndex++, derivative, SPAN);
      locals.add(held);
      derivativeOf.put(held, local);
      return read(held);
    }
  }

  private static Expr derivative(Expr expr, Symbol variable, Set<Symbol.Local> locals) {
    return new Differentiator(variable, locals, new Held()).derivative(expr);
  }

  private static Expr derivative(Expr expr) {
    return derivative(expr, X, Set.of());
  }

  private static Symbol.Local local(String name, int index, Expr definition) {
    return new Symbol.Local(name, index, definition, SPAN);
  }

  // --- exact shapes of simple derivatives ---

  @Test
  void aZeroDerivativeIsDroppedNotMultipliedOut() {
    Symbol gS = Symbol.Input.DT; // any symbol but the variable: a constant factor
    Expr conductance = binary(ArithmeticOperator.MULTIPLY, read(gS), read(Y));
    Expr current = binary(ArithmeticOperator.MULTIPLY, conductance, binary(ArithmeticOperator.SUBTRACT, read(X), number(5)));
    Expr d = derivative(current);
    assertSame(conductance, d, show(d));
    assertEquals("(dt * v_pre)", show(d));
  }

  @Test
  void whatTheVariableDoesNotReachHasDerivativeZero() {
    Expr d = derivative(call(BuiltinFunction.EXP, binary(ArithmeticOperator.MULTIPLY, read(Y), number(2))));
    assertTrue(Differentiator.isZero(d), show(d));
  }

  @Test
  void rulesGiveTheTextbookShapes() {
    Expr exp = call(BuiltinFunction.EXP, read(X));
    assertSame(exp, derivative(exp), "d exp(x) = exp(x), the same node");
    assertEquals("(1 / v_post)", show(derivative(call(BuiltinFunction.LOG, read(X)))));
    assertEquals("(2 * v_post)", show(derivative(binary(ArithmeticOperator.POWER, read(X), number(2)))),
        "a literal exponent's v - 1 is folded, and x^1 is x");
    assertEquals("(-1 / (v_post * v_post))",
        show(derivative(binary(ArithmeticOperator.DIVIDE, number(1), read(X)))).replace("-(1", "(-1"),
        "u/v with u' = 0");
    assertEquals("(v_post <= v_pre ? 1 : 0)", show(derivative(call(BuiltinFunction.MIN, read(X), read(Y)))),
        "a kink takes the derivative of the branch taken");
    assertEquals("(((v_post * 3) < 0 ? -1 : 1) * 3)",
        show(derivative(call(BuiltinFunction.ABS, binary(ArithmeticOperator.MULTIPLY, read(X), number(3))))));
    assertEquals("(v_post < 20 ? safe_exp(v_post) : 0)",
        show(derivative(call(BuiltinFunction.SAFE_EXP, read(X)))), "safe_exp's clip has slope 0");
    Expr chosen = choose(compare(ComparisonOperator.GREATER, read(Y), number(0)), read(X), read(Y));
    assertEquals("(v_pre > 0 ? 1 : 0)", show(derivative(chosen)));
  }

  @Test
  void differentiatesThroughLocalsForwardHoldingEachDerivative() {
    Symbol.Local square = local("square", 0, binary(ArithmeticOperator.MULTIPLY, read(X), read(X)));
    Symbol.Local shifted = local("shifted", 1, binary(ArithmeticOperator.ADD, read(square), read(Y)));
    Symbol.Local constant = local("constant", 2, binary(ArithmeticOperator.MULTIPLY, read(Y), read(Y)));
    Expr expr = binary(ArithmeticOperator.MULTIPLY, read(shifted), read(constant));
    Held held = new Held();
    Expr d = new Differentiator(X, Set.of(square, shifted, constant), held).derivative(expr);
    // d square = x + x, held; d shifted = d square (a read, held again); d constant = 0, not held.
    assertEquals(List.of("d_square", "d_shifted"), held.locals.stream().map(Symbol.Local::name).toList());
    assertEquals("(v_post + v_post)", show(held.locals.get(0).definition()));
    assertEquals("d_square", show(held.locals.get(1).definition()));
    assertEquals("(d_shifted * constant)", show(d));
  }

  @Test
  void aLocalNotLookedThroughIsConstant() {
    Symbol.Local derived = local("derived", 0, read(X));
    assertTrue(Differentiator.isZero(derivative(read(derived), X, Set.of())));
    assertEquals("d_derived", show(derivative(read(derived), X, Set.of(derived))));
  }

  @Test
  void withRespectToALocalTheLocalIsTheVariable() {
    Symbol.Local iterate = local("x_newton1", 0, read(X));
    Expr expr = binary(ArithmeticOperator.MULTIPLY, read(iterate), read(iterate));
    assertEquals("(x_newton1 + x_newton1)", show(derivative(expr, iterate, Set.of())));
  }

  @Test
  void theDerivativeOfAChainOfSquaringLocalsGrowsLinearly() {
    // Each local reads the one before twice: copied, its derivative would double at every link.
    List<Symbol.Local> chain = new ArrayList<>();
    Expr previous = read(X);
    for (int i = 0; i < 200; i++) {
      Symbol.Local next = local("l" + i, i, binary(ArithmeticOperator.MULTIPLY, previous, previous));
      chain.add(next);
      previous = read(next);
    }
    Held held = new Held();
    Set<Symbol.Local> through = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    through.addAll(chain);
    new Differentiator(X, through, held).derivative(previous);
    long nodes = 0;
    for (Symbol.Local local : held.locals) {
      long[] count = {0};
      ExprWalker.forEach(local.definition(), e -> count[0]++);
      nodes += count[0];
    }
    assertEquals(200, held.locals.size());
    assertTrue(nodes <= 7 * 200, "nodes in all derivatives: " + nodes);
  }

  // --- the IR adapter, as lowering uses it for dI/dv_post ---

  private static final IrExpr V = new IrExpr.Input(IrInput.V_POST);

  private static IrExpr ir(IrBinaryOperator operator, IrExpr a, IrExpr b) {
    return new IrExpr.Binary(operator, a, b);
  }

  @Test
  void theIrCurrentsConductanceDropsZerosToo() {
    IrExpr conductance = ir(IrBinaryOperator.MULTIPLY, new IrExpr.Parameter(0), new IrExpr.State(0));
    IrExpr current = ir(IrBinaryOperator.MULTIPLY, conductance, ir(IrBinaryOperator.SUBTRACT, V, new IrExpr.Constant(5)));
    assertEquals(conductance, IrDerivative.of(current, IrInput.V_POST));
    assertEquals(new IrExpr.Constant(0), IrDerivative.of(current, IrInput.V_PRE), "v_pre does not move it");
    IrExpr invariant = ir(IrBinaryOperator.MULTIPLY, new IrExpr.Invariant(0), new IrExpr.Input(IrInput.DT));
    assertEquals(new IrExpr.Constant(0), IrDerivative.of(invariant, IrInput.V_POST), "nor an invariant, nor dt");
  }

  @Test
  void theIrAdapterFoldsALiteralExponentAsTheModelOneDoes() {
    IrExpr square = ir(IrBinaryOperator.POWER, V, new IrExpr.Constant(2));
    assertEquals(ir(IrBinaryOperator.MULTIPLY, new IrExpr.Constant(2), V), IrDerivative.of(square, IrInput.V_POST));
  }

  @Test
  void theIrAdapterRefusesALocalWhoseDerivativeItIsNotGiven() {
    assertThrows(IllegalArgumentException.class, () -> IrDerivative.of(new IrExpr.Local(0), IrInput.V_POST));
  }

  @Test
  void throughIrLocalsTheDerivativeGrowsLinearly() {
    // As Lowering does: each local's derivative, if not trivial, a local after the block's own.
    int links = 200;
    IrExpr[] derivatives = new IrExpr[links];
    List<IrExpr> held = new ArrayList<>();
    IrExpr previous = V;
    for (int k = 0; k < links; k++) {
      IrExpr definition = ir(IrBinaryOperator.MULTIPLY, previous, previous);
      IrExpr derivative = IrDerivative.of(definition, IrInput.V_POST, j -> derivatives[j]);
      held.add(derivative);
      derivatives[k] = derivative.isTrivial() ? derivative : new IrExpr.Local(links + held.size() - 1);
      previous = new IrExpr.Local(k);
    }
    long nodes = held.stream().mapToLong(IrExprs::size).sum();
    assertTrue(nodes <= 7 * links, "nodes in all derivatives: " + nodes);
  }

  // --- random expressions against central finite differences, through both adapters ---

  /** A random expression over x, y and the locals given, of at most {@code depth} levels. */
  private static Expr randomExpr(Random random, int depth, List<Symbol.Local> locals) {
    if (depth == 0 || random.nextInt(4) == 0) {
      int leaf = random.nextInt(3 + (locals.isEmpty() ? 0 : 2));
      return switch (leaf) {
        case 0 -> number(0.5 + random.nextInt(8) * 0.25);
        case 1 -> read(Y);
        case 2 -> read(X);
        default -> read(locals.get(random.nextInt(locals.size())));
      };
    }
    Expr u = randomExpr(random, depth - 1, locals);
    switch (random.nextInt(17)) {
      case 0:
        return new Expr.Negate(u, SPAN);
      case 1:
        return binary(ArithmeticOperator.ADD, u, randomExpr(random, depth - 1, locals));
      case 2:
        return binary(ArithmeticOperator.SUBTRACT, u, randomExpr(random, depth - 1, locals));
      case 3:
      case 4:
        return binary(ArithmeticOperator.MULTIPLY, u, randomExpr(random, depth - 1, locals));
      case 5: {
        // A denominator kept away from 0: 1 + v*v.
        Expr v = randomExpr(random, depth - 1, locals);
        return binary(ArithmeticOperator.DIVIDE, u, binary(ArithmeticOperator.ADD, number(1), binary(ArithmeticOperator.MULTIPLY, v, v)));
      }
      case 6:
        return call(BuiltinFunction.EXP, call(BuiltinFunction.TANH, u));
      case 7:
        return call(BuiltinFunction.SAFE_EXP, u);
      case 8:
        return call(BuiltinFunction.LOG, binary(ArithmeticOperator.ADD, number(2), call(BuiltinFunction.TANH, u)));
      case 9:
        return call(BuiltinFunction.SQRT, binary(ArithmeticOperator.ADD, number(1), binary(ArithmeticOperator.MULTIPLY, u, u)));
      case 10:
        return call(BuiltinFunction.TANH, u);
      case 11:
        return call(BuiltinFunction.SIGMOID, u);
      case 12:
        return call(random.nextBoolean() ? BuiltinFunction.MIN : BuiltinFunction.MAX, u, randomExpr(random, depth - 1, locals));
      case 13:
        return call(BuiltinFunction.ABS, u);
      case 14: {
        // A positive base to a power that may depend on x as well.
        Expr base = call(BuiltinFunction.EXP, call(BuiltinFunction.TANH, u));
        Expr exponent = randomExpr(random, depth - 1, locals);
        return random.nextBoolean()
            ? binary(ArithmeticOperator.POWER, base, call(BuiltinFunction.TANH, exponent))
            : call(BuiltinFunction.POW, base, call(BuiltinFunction.TANH, exponent));
      }
      case 15:
        return binary(ArithmeticOperator.POWER, u, number(2 + random.nextInt(2)));
      default:
        return choose(compare(ComparisonOperator.LESS, u, read(Y)), randomExpr(random, depth - 1, locals), u);
    }
  }

  @Property(tries = 400)
  void agreesWithCentralFiniteDifferences(
      @ForAll long seed, @ForAll @DoubleRange(min = -2, max = 2) double x, @ForAll @DoubleRange(min = -2, max = 2) double y) {
    Random random = new Random(seed);
    List<Symbol.Local> locals = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      locals.add(local("l" + i, i, randomExpr(random, 3, List.copyOf(locals))));
    }
    Expr expr = randomExpr(random, 4, locals);
    Set<Symbol.Local> through = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    through.addAll(locals);
    Held held = new Held();
    Expr derivative = new Differentiator(X, through, held).derivative(expr);
    assertIrDerivativeIsTheSame(expr, locals, held, derivative);

    double h = 1e-5;
    double symbolic = at(derivative, x, y);
    double fd = (at(expr, x + h, y) - at(expr, x - h, y)) / (2 * h);
    Assume.that(Double.isFinite(symbolic) && Double.isFinite(fd));
    // A kink or a jump within h of x (min, max, abs, a clip, a conditional) breaks the central
    // difference: there the one-sided differences differ by the jump in slope, and the central
    // one is their mean. So the difference is trusted to within how much they differ (for a
    // smooth function, some h times the second derivative, far below a wrong rule's error).
    double left = (at(expr, x, y) - at(expr, x - h, y)) / h;
    double right = (at(expr, x + h, y) - at(expr, x, y)) / h;
    double scale = 1 + Math.abs(symbolic) + Math.abs(at(expr, x, y));
    // Exactly at a kink the derivative is the branch taken there, which may be neither side's
    // slope (min(x, y) at x = y, where shrinking goes): such a sample says nothing either.
    Assume.that(Math.abs(at(derivative, x + h, y) - symbolic) < 1e-3 * scale
        && Math.abs(at(derivative, x - h, y) - symbolic) < 1e-3 * scale);
    assertEquals(fd, symbolic, 1e-6 * scale + Math.abs(left - right),
        "d/dx of " + show(expr) + " at x = " + x + ", y = " + y);
  }

  /**
   * The same tree as IR, differentiated by the IR adapter forward through its locals (each
   * non-zero derivative held in a local, as the model adapter's holder does), is the model
   * derivative node for node: one rule set, whichever tree it builds.
   */
  private static void assertIrDerivativeIsTheSame(Expr expr, List<Symbol.Local> locals, Held held, Expr derivative) {
    Map<Symbol.Local, Integer> indexOf = new IdentityHashMap<>();
    for (int k = 0; k < locals.size(); k++) {
      indexOf.put(locals.get(k), k);
    }
    IrExpr[] derivatives = new IrExpr[locals.size()];
    List<IrExpr> irHeld = new ArrayList<>();
    int[] heldIndexOf = new int[locals.size()];
    java.util.function.Function<Symbol, IrExpr> references = symbol -> {
      if (symbol.equals(X)) {
        return new IrExpr.Input(IrInput.V_POST);
      }
      if (symbol.equals(Y)) {
        return new IrExpr.Input(IrInput.V_PRE);
      }
      Symbol.Local local = (Symbol.Local) symbol;
      Symbol.Local of = held.derivativeOf.get(local);
      return of != null ? new IrExpr.Local(heldIndexOf[indexOf.get(of)]) : new IrExpr.Local(indexOf.get(local));
    };
    for (int k = 0; k < locals.size(); k++) {
      IrExpr d = IrDerivative.of(IrExprs.lower(locals.get(k).definition(), references), IrInput.V_POST, j -> derivatives[j]);
      if (d.equals(new IrExpr.Constant(0))) {
        derivatives[k] = d;
      } else {
        irHeld.add(d);
        heldIndexOf[k] = locals.size() + irHeld.size() - 1;
        derivatives[k] = new IrExpr.Local(heldIndexOf[k]);
      }
    }
    IrExpr irDerivative = IrDerivative.of(IrExprs.lower(expr, references), IrInput.V_POST, j -> derivatives[j]);
    assertEquals(IrExprs.lower(derivative, references), irDerivative, "d/dx of " + show(expr));
    for (Symbol.Local h : held.locals) {
      int k = indexOf.get(held.derivativeOf.get(h));
      assertEquals(IrExprs.lower(h.definition(), references), irHeld.get(heldIndexOf[k] - locals.size()), h.name());
    }
  }

  private static double at(Expr expr, double x, double y) {
    Map<Symbol, Double> values = new HashMap<>();
    values.put(X, x);
    values.put(Y, y);
    return evaluate(expr, values);
  }
}
