package io.cleft.compiler.solve;

import io.cleft.compiler.model.Expr;
import io.cleft.compiler.source.SourceSpan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;

/**
 * An immutable square matrix of model expressions, the dense linear algebra the solver writes
 * as straight-line code: sums, products, scaling and the solution of {@code Q X = P}. An entry
 * that is the literal 0 is a <em>structural</em> zero: products and sums leave its terms out
 * instead of writing {@code 0 * x}, so a matrix with a known zero pattern (the augmented matrix
 * {@code [[A, b], [0, 0]]} of the matrix exponential, say) costs only its nonzero entries and
 * keeps its zeros exactly. Leaving a term {@code 0 * x} out changes a result only where
 * {@code x} is infinite or NaN; this is the algorithm the model gets, defined here, not a
 * rewrite of the model's own arithmetic, so the interpreter and the generated code still
 * compute the same operations. Each operation writes its entries in a fixed order (sums left to
 * right, by increasing index), and nothing is reassociated.
 *
 * <p>Entries are expression trees; {@link #named} turns a matrix into reads of new solver
 * locals, so that a product of products shares its factors instead of copying them.
 */
final class ExprMatrix {
  private final Expr[][] entries;
  private final Exprs build;

  private ExprMatrix(Expr[][] entries, Exprs build) {
    this.entries = entries;
    this.build = build;
  }

  /** The n x n matrix whose entry (i, j) is {@code entry.apply(i, j)}. */
  static ExprMatrix of(int n, BiFunction<Integer, Integer, Expr> entry, SourceSpan span) {
    Exprs build = new Exprs(span);
    Expr[][] entries = new Expr[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        entries[i][j] = entry.apply(i, j);
      }
    }
    return new ExprMatrix(entries, build);
  }

  /** The n x n identity: literal 1 on the diagonal, structural zeros elsewhere. */
  static ExprMatrix identity(int n, SourceSpan span) {
    Exprs build = new Exprs(span);
    return of(n, (i, j) -> build.literal(i.equals(j) ? 1 : 0), span);
  }

  int size() {
    return entries.length;
  }

  Expr get(int i, int j) {
    return entries[i][j];
  }

  /** Whether entry (i, j) is a structural zero. */
  boolean isZero(int i, int j) {
    return isZero(entries[i][j]);
  }

  /** Whether {@code e} is a structural zero, the literal +0. */
  static boolean isZero(Expr e) {
    return e instanceof Expr.Literal literal && Double.doubleToRawLongBits(literal.value()) == 0L;
  }

  private ExprMatrix map(BiFunction<Integer, Integer, Expr> entry) {
    int n = size();
    Expr[][] result = new Expr[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        result[i][j] = entry.apply(i, j);
      }
    }
    return new ExprMatrix(result, build);
  }

  /** {@code this + other}, entry by entry; a structural zero adds nothing. */
  ExprMatrix plus(ExprMatrix other) {
    return map((i, j) -> add(get(i, j), other.get(i, j)));
  }

  /** {@code this - other}, entry by entry; a structural zero subtracts nothing. */
  ExprMatrix minus(ExprMatrix other) {
    return map((i, j) -> {
      Expr a = get(i, j);
      Expr b = other.get(i, j);
      if (isZero(b)) {
        return a;
      }
      return isZero(a) ? build.negate(b) : build.subtract(a, b);
    });
  }

  /** {@code factor * this}; structural zeros stay zero. */
  ExprMatrix times(Expr factor) {
    return map((i, j) -> isZero(get(i, j)) ? get(i, j) : build.multiply(factor, get(i, j)));
  }

  /** {@code c * this} for a number c, written as a literal; structural zeros stay zero. */
  ExprMatrix times(double c) {
    return times(build.literal(c));
  }

  /**
   * {@code this * other}: entry (i, j) is {@code sum over k of this(i, k) * other(k, j)}, by
   * increasing k, with the terms of structural zeros left out (all of them: a structural zero).
   */
  ExprMatrix times(ExprMatrix other) {
    int n = size();
    return map((i, j) -> {
      Expr sum = build.literal(0);
      for (int k = 0; k < n; k++) {
        if (!isZero(get(i, k)) && !other.isZero(k, j)) {
          sum = add(sum, build.multiply(get(i, k), other.get(k, j)));
        }
      }
      return sum;
    });
  }

  /**
   * X with {@code this * X = p}, by Gaussian elimination <em>without pivoting</em>, each
   * intermediate entry a solver local named from {@code prefix}: the pivots are on the diagonal
   * in order, fixed when the code is written, since the IR has no way to swap rows at run time
   * but a choice per entry. The caller must know that this is stable: it is for a column
   * diagonally dominant matrix (each diagonal entry at least the sum of the others of its
   * column, in magnitude), for which partial pivoting would swap nothing and the growth factor
   * is at most 2 (Wilkinson), as for the Pade denominator of {@link MatrixExponential} and for
   * {@code I - dt A} of a rate matrix in {@link ImplicitEulerSolver}. (A conservation law's
   * substitution makes that matrix no longer dominant; its pivots stay at least 1, but the growth
   * is no longer bounded by 2: docs/LANGUAGE.md gives what was measured.) A structural zero below a
   * pivot needs no elimination, so a triangular or block-triangular pattern costs nothing.
   */
  ExprMatrix solve(ExprMatrix p, String prefix, SolverLocals locals) {
    Expr[][] x = eliminate(copy(p.entries), (name, e) -> build.read(locals.define(prefix + "_" + name, e, e.span())));
    return new ExprMatrix(x, build);
  }

  /**
   * x with {@code this * x = rhs}, as {@link #solve(ExprMatrix, String, SolverLocals)} does it
   * for one column, each intermediate that is more than a number or a name given to
   * {@code share} (with a name for it, such as {@code f_2_1}), which makes it a local and
   * returns a read of it: each is computed once, and the result grows as n^3, never
   * exponentially.
   */
  List<Expr> solve(List<Expr> rhs, BiFunction<String, Expr, Expr> share) {
    int n = size();
    if (rhs.size() != n) {
      throw new IllegalArgumentException(rhs.size() + " right-hand sides for " + n + " rows");
    }
    Expr[][] x = new Expr[n][1];
    for (int i = 0; i < n; i++) {
      x[i][0] = rhs.get(i);
    }
    List<Expr> solution = new ArrayList<>();
    for (Expr[] row : eliminate(x, share)) {
      solution.add(row[0]);
    }
    return solution;
  }

  /**
   * The elimination and back substitution of both solves, on the columns of {@code x} (n rows),
   * which it overwrites and returns.
   */
  private Expr[][] eliminate(Expr[][] x, BiFunction<String, Expr, Expr> share) {
    int n = size();
    int columns = x.length == 0 ? 0 : x[0].length;
    Expr[][] q = copy(entries);
    for (int k = 0; k < n; k++) {
      for (int i = k + 1; i < n; i++) {
        if (isZero(q[i][k])) {
          continue;
        }
        Expr factor = name("f_" + i + "_" + k, divide(q[i][k], q[k][k]), share);
        q[i][k] = build.literal(0);
        for (int j = k + 1; j < n; j++) {
          q[i][j] = name("q" + k + "_" + i + "_" + j, subtractProduct(q[i][j], factor, q[k][j]), share);
        }
        for (int j = 0; j < columns; j++) {
          x[i][j] = name("x" + k + "_" + i + "_" + j, subtractProduct(x[i][j], factor, x[k][j]), share);
        }
      }
    }
    for (int k = n - 1; k >= 0; k--) {
      for (int j = 0; j < columns; j++) {
        Expr v = x[k][j];
        for (int m = k + 1; m < n; m++) {
          v = subtractProduct(v, q[k][m], x[m][j]);
        }
        x[k][j] = name("b_" + k + "_" + j, isZero(v) ? v : divide(v, q[k][k]), share);
      }
    }
    return x;
  }

  /** {@code e} as {@code share} names it, unless it is a literal or a read already. */
  private static Expr name(String name, Expr e, BiFunction<String, Expr, Expr> share) {
    if (e instanceof Expr.Literal || e instanceof Expr.Reference) {
      return e;
    }
    return share.apply(name, e);
  }

  /**
   * This matrix with each entry that is not a literal defined as a new solver local
   * {@code prefix_i_j} and read; literals (structural zeros among them) stay as they are.
   */
  ExprMatrix named(String prefix, SolverLocals locals) {
    return map((i, j) -> name(prefix + "_" + i + "_" + j, get(i, j), (n, e) -> build.read(locals.define(n, e, e.span()))));
  }

  /** The rows, for tests and messages. */
  List<List<Expr>> rows() {
    List<List<Expr>> rows = new ArrayList<>();
    for (Expr[] row : entries) {
      rows.add(List.of(row));
    }
    return rows;
  }

  /** {@code a - f * b}, with the product left out where either factor is a structural zero. */
  private Expr subtractProduct(Expr a, Expr f, Expr b) {
    if (isZero(f) || isZero(b)) {
      return a;
    }
    Expr product = build.multiply(f, b);
    return isZero(a) ? build.negate(product) : build.subtract(a, product);
  }

  /**
   * {@code a / b}; of two literals, their quotient as a literal, the same double the division
   * gives at run time, so that a structural 1 (b0 / b0 of a Pade denominator's corner) stays one.
   */
  private Expr divide(Expr a, Expr b) {
    if (a instanceof Expr.Literal x && b instanceof Expr.Literal y) {
      return build.literal(x.value() / y.value());
    }
    return build.divide(a, b);
  }

  private Expr add(Expr a, Expr b) {
    if (isZero(a)) {
      return b;
    }
    return isZero(b) ? a : build.add(a, b);
  }

  private static Expr[][] copy(Expr[][] m) {
    Expr[][] c = new Expr[m.length][];
    for (int i = 0; i < m.length; i++) {
      c[i] = Arrays.copyOf(m[i], m[i].length);
    }
    return c;
  }
}
