package io.cleft.compiler.solve;

import static io.cleft.compiler.symbolic.ModelExprs.SPAN;
import static io.cleft.compiler.symbolic.ModelExprs.evaluate;
import static io.cleft.compiler.symbolic.ModelExprs.number;
import static io.cleft.compiler.symbolic.ModelExprs.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cleft.compiler.model.Expr;
import io.cleft.compiler.model.Symbol;
import io.cleft.compiler.units.Unit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.BiFunction;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * ExprMatrix's solve for one right-hand side, as implicit_euler uses it, evaluated: the solution
 * satisfies the system to rounding for random diagonally dominant matrices of up to five rows
 * (entries parameters, so the expressions are built symbolically and evaluated after), and
 * structural zeros cost nothing.
 */
class ExprMatrixVectorSolveTest {
  /** Makes each shared intermediate a local, as the solver does, counting them. */
  private static final class Shared implements BiFunction<String, Expr, Expr> {
    final List<Symbol.Local> locals = new ArrayList<>();

    @Override
    public Expr apply(String name, Expr value) {
      Symbol.Local local = new Symbol.Local(name, locals.size(), value, SPAN);
      locals.add(local);
      return read(local);
    }
  }

  private static Symbol.Parameter entry(String name) {
    return new Symbol.Parameter(name, 0, Unit.ONE, "", 0, Optional.empty(),
        Optional.empty(), SPAN);
  }

  @Property(tries = 300)
  void theSolutionSatisfiesTheSystem(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int n) {
    Random random = new Random(seed);
    Map<Symbol, Double> values = new HashMap<>();
    double[][] a = new double[n][n];
    List<Expr> entries = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        // Off the diagonal, some structural zeros; on it, dominance so that no pivot is needed.
        if (i != j && random.nextInt(3) == 0) {
          entries.add(number(0));
          continue;
        }
        a[i][j] = i == j ? n + 1 + random.nextDouble() : 2 * random.nextDouble() - 1;
        Symbol.Parameter p = entry("a" + i + j);
        values.put(p, a[i][j]);
        entries.add(read(p));
      }
    }
    double[] b = new double[n];
    List<Expr> rhs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      b[i] = 2 * random.nextDouble() - 1;
      rhs.add(number(b[i]));
    }
    List<Expr> x = matrix(n, entries).solve(rhs, new Shared());
    double[] solution = new double[n];
    for (int i = 0; i < n; i++) {
      solution[i] = evaluate(x.get(i), values);
    }
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (int j = 0; j < n; j++) {
        sum += a[i][j] * solution[j];
      }
      assertEquals(b[i], sum, 1e-14 * (n + 2), "row " + i);
    }
  }

  @Test
  void aDiagonalMatrixIsDividedOnly() {
    List<Expr> entries = List.of(read(entry("p")), number(0), number(0), read(entry("q")));
    Shared shared = new Shared();
    matrix(2, entries).solve(List.of(number(1), number(2)), shared);
    assertEquals(List.of("b_1_0", "b_0_0"), shared.locals.stream().map(Symbol.Local::name).toList());
  }

  @Test
  void aLowerTriangularMatrixEliminatesOnlyItsEntries() {
    // [[p, 0, 0], [r, q, 0], [0, 0, s]]: one factor (row 1 by row 0), one right-hand side update.
    List<Expr> entries = List.of(
        read(entry("p")), number(0), number(0),
        read(entry("r")), read(entry("q")), number(0),
        number(0), number(0), read(entry("s")));
    Shared shared = new Shared();
    matrix(3, entries).solve(List.of(number(1), number(2), number(3)), shared);
    assertEquals(List.of("f_1_0", "x0_1_0", "b_2_0", "b_1_0", "b_0_0"),
        shared.locals.stream().map(Symbol.Local::name).toList());
  }

  @Test
  void sizesMustAgree() {
    ExprMatrix one = matrix(1, List.of(number(2)));
    assertThrows(IllegalArgumentException.class, () -> one.solve(List.of(), new Shared()));
  }

  private static ExprMatrix matrix(int n, List<Expr> entries) {
    return ExprMatrix.of(n, (i, j) -> entries.get(i * n + j), SPAN);
  }
}
