package io.cleft.compiler.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleft.compiler.model.Expr;
import io.cleft.compiler.model.ExprWalker;
import io.cleft.compiler.model.Symbol;
import io.cleft.compiler.source.SourceFile;
import io.cleft.compiler.source.SourceSpan;
import io.cleft.compiler.units.Dimension;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * {@link ExprMatrix} on matrices of numbers: its expressions, evaluated, are the double
 * arithmetic of the same operations in the same order (so sums and products to the bit), its
 * solve satisfies {@code Q X = P} to rounding for column diagonally dominant Q, and structural
 * zeros stay zeros and cost no terms.
 */
class ExprMatrixTest {
  private static final SourceSpan SPAN = new SourceSpan(new SourceFile("m.syn", "x"), 1, 1, 1, 2);

  private static ExprMatrix numbers(int n, double[] values) {
    return ExprMatrix.of(n, (i, j) -> new Expr.Literal(values[i * n + j], Dimension.NONE, SPAN), SPAN);
  }

  @Property(tries = 200)
  void productsAndSumsAreTheDoubleArithmeticInOrder(
      @ForAll @IntRange(min = 1, max = 5) int n,
      @ForAll @Size(25) List<@DoubleRange(min = -10, max = 10) Double> aList,
      @ForAll @Size(25) List<@DoubleRange(min = -10, max = 10) Double> bList) {
    double[] a = array(aList);
    double[] b = array(bList);
    ExprMatrix x = numbers(n, a);
    ExprMatrix y = numbers(n, b);
    ExprMatrix product = x.times(y);
    ExprMatrix sum = x.plus(y);
    ExprMatrix difference = x.minus(y);
    ExprMatrix scaled = x.times(2.5);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double expected = 0;
        boolean first = true;
        for (int k = 0; k < n; k++) {
          double term = a[i * n + k] * b[k * n + j];
          if (Double.doubleToRawLongBits(a[i * n + k]) != 0 && Double.doubleToRawLongBits(b[k * n + j]) != 0) {
            expected = first ? term : expected + term;
            first = false;
          }
        }
        assertEquals(expected, value(product.get(i, j)), 0, "product " + i + "," + j);
        assertEquals(a[i * n + j] + b[i * n + j], value(sum.get(i, j)), 0);
        assertEquals(a[i * n + j] - b[i * n + j], value(difference.get(i, j)), 0);
        assertEquals(2.5 * a[i * n + j], value(scaled.get(i, j)), 0);
      }
    }
  }

  /** Q with each diagonal entry above the sum of the magnitudes of its column's others. */
  @Property(tries = 200)
  void solveSatisfiesTheSystemToRounding(
      @ForAll @IntRange(min = 1, max = 5) int n,
      @ForAll @Size(25) List<@DoubleRange(min = -1, max = 1) Double> qList,
      @ForAll @Size(25) List<@DoubleRange(min = -10, max = 10) Double> pList) {
    double[] q = array(qList);
    double[] p = array(pList);
    double[] dominant = q.clone();
    for (int j = 0; j < n; j++) {
      double column = 0;
      for (int i = 0; i < n; i++) {
        column += i == j ? 0 : Math.abs(q[i * n + j]);
      }
      dominant[j * n + j] = (q[j * n + j] < 0 ? -1 : 1) * (column + 0.5);
    }
    SolverLocals locals = new SolverLocals(0);
    ExprMatrix x = numbers(n, dominant).solve(numbers(n, p), "lu", locals);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double residual = -p[i * n + j];
        double size = Math.abs(p[i * n + j]);
        for (int k = 0; k < n; k++) {
          double term = dominant[i * n + k] * value(x.get(k, j));
          residual += term;
          size += Math.abs(term);
        }
        assertTrue(Math.abs(residual) <= 1e-14 * size, "residual " + residual + " of " + size);
      }
    }
  }

  /** The identity's zeros leave terms out: I * M is M's own entries, and M * 0 is all zeros. */
  @Test
  void structuralZerosCostNoTerms() {
    Symbol.Local a = new Symbol.Local("a", 0, new Expr.Literal(2, Dimension.NONE, SPAN), SPAN);
    Symbol.Local b = new Symbol.Local("b", 1, new Expr.Literal(3, Dimension.NONE, SPAN), SPAN);
    ExprMatrix m = ExprMatrix.of(2, (i, j) -> new Expr.Reference(i == 0 ? a : b, SPAN), SPAN);
    ExprMatrix product = ExprMatrix.identity(2, SPAN).times(m);
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        assertSame(m.get(i, j), product.get(i, j));
      }
    }
    ExprMatrix zero = ExprMatrix.of(2, (i, j) -> new Expr.Literal(0, Dimension.NONE, SPAN), SPAN);
    ExprMatrix none = m.times(zero);
    assertTrue(none.isZero(0, 0) && none.isZero(1, 1));
    // An upper triangular Q needs no elimination: the solve makes no factor.
    SolverLocals locals = new SolverLocals(0);
    ExprMatrix upper = ExprMatrix.of(2, (i, j) -> i > j ? new Expr.Literal(0, Dimension.NONE, SPAN) : new Expr.Reference(a, SPAN), SPAN);
    upper.solve(m, "lu", locals);
    assertFalse(locals.added().stream().anyMatch(l -> l.name().startsWith("lu_f")), locals.added().toString());
  }

  /** named() makes each entry a local read, so a product of products shares its factors. */
  @Test
  void namedEntriesAreReadsOfLocals() {
    SolverLocals locals = new SolverLocals(0);
    ExprMatrix m = numbers(2, new double[] {1, 2, 3, 4}).times(numbers(2, new double[] {5, 6, 7, 8})).named("p", locals);
    assertEquals(4, locals.added().size());
    AtomicInteger nodes = new AtomicInteger();
    ExprWalker.forEach(m.times(m).get(0, 0), e -> nodes.incrementAndGet());
    assertEquals(7, nodes.get(), "p00*p00 + p01*p10: four reads, two products, a sum");
    assertEquals(19 * 19 + 22 * 43, value(m.times(m).get(0, 0)), 0);
  }

  private static double[] array(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** The value of an expression of numbers, references to locals, and what ExprMatrix writes. */
  private static double value(Expr expr) {
    return expr.accept(new Expr.Visitor<Double>() {
      @Override
      public Double visitErroneous(Expr.Erroneous erroneous) {
        throw new AssertionError();
      }

      @Override
      public Double visitLiteral(Expr.Literal literal) {
        return literal.value();
      }

      @Override
      public Double visitReference(Expr.Reference reference) {
        return value(((Symbol.Local) reference.symbol()).definition());
      }

      @Override
      public Double visitNegate(Expr.Negate negate) {
        return -value(negate.operand());
      }

      @Override
      public Double visitArithmetic(Expr.Arithmetic arithmetic) {
        double l = value(arithmetic.left());
        double r = value(arithmetic.right());
        return switch (arithmetic.operator()) {
          case ADD -> l + r;
          case SUBTRACT -> l - r;
          case MULTIPLY -> l * r;
          case DIVIDE -> l / r;
          case POWER -> Math.pow(l, r);
        };
      }

      @Override
      public Double visitCall(Expr.Call call) {
        throw new AssertionError();
      }

      @Override
      public Double visitComparison(Expr.Comparison comparison) {
        throw new AssertionError();
      }

      @Override
      public Double visitLogical(Expr.Logical logical) {
        throw new AssertionError();
      }

      @Override
      public Double visitNot(Expr.Not not) {
        throw new AssertionError();
      }

      @Override
      public Double visitConditional(Expr.Conditional conditional) {
        throw new AssertionError();
      }
    });
  }
}
