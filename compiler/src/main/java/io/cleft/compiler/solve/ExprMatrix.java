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

  private static boolean isZero(Expr e) {
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
   * intermediate entry a solver local named from {@code prefix}, on the diagonal in order: the pivots are fixed when the code is written, since the IR has no way to
   * swap rows at run time but a choice per entry. The caller must know that this is stable: it
   * is for a column diagonally dominant matrix (each diagonal entry at least the sum of the
   * others of its column, in magnitude), for which partial pivoting would swap nothing and the
   * growth factor is at most 2 (Wilkinson), as for the Pade denominator of
   * {@link MatrixExponential}. A structural zero below a pivot needs no elimination, so a
   * triangular or block-triangular pattern costs nothing.
   */
  ExprMatrix solve(ExprMatrix p, String prefix, SolverLocals locals) {
    int n = size();
    Expr[][] q = copy(entries);
    Expr[][] x = copy(p.entries);
    for (int k = 0; k < n; k++) {
      for (int i = k + 1; i < n; i++) {
        if (isZero(q[i][k])) {
          continue;
        }
        Expr factor = name(prefix + "_f_" + i + "_" + k, divide(q[i][k], q[k][k]), locals);
        q[i][k] = build.literal(0);
        for (int j = k + 1; j < n; j++) {
          q[i][j] = name(prefix + "_q" + k + "_" + i + "_" + j, subtractProduct(q[i][j], factor, q[k][j]), locals);
        }
        for (int j = 0; j < n; j++) {
          x[i][j] = name(prefix + "_x" + k + "_" + i + "_" + j, subtractProduct(x[i][j], factor, x[k][j]), locals);
        }
      }
    }
    for (int k = n - 1; k >= 0; k--) {
      for (int j = 0; j < n; j++) {
        Expr v = x[k][j];
        for (int m = k + 1; m < n; m++) {
          v = subtractProduct(v, q[k][m], x[m][j]);
        }
        x[k][j] = name(prefix + "_b_" + k + "_" + j, isZero(v) ? v : divide(v, q[k][k]), locals);
      }
    }
    return new ExprMatrix(x, build);
  }

  /** {@code e} as a read of a new local, unless it is a literal or a read already. */
  private Expr name(String name, Expr e, SolverLocals locals) {
    if (e instanceof Expr.Literal || e instanceof Expr.Reference) {
      return e;
    }
    return build.read(locals.define(name, e, e.span()));
  }

  /**
   * This matrix with each entry that is not a literal defined as a new solver local
   * {@code prefix_i_j} and read; literals (structural zeros among them) stay as they are.
   */
  ExprMatrix named(String prefix, SolverLocals locals) {
    return map((i, j) -> name(prefix + "_" + i + "_" + j, get(i, j), locals));
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
