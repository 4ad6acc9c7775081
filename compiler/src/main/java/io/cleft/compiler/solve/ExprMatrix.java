package io.cleft.compiler.solve;

import io.cleft.compiler.model.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * An immutable n x n matrix of model expressions, row-major, and the solution of a linear system
 * with it, written as expressions: Gaussian elimination unrolled, for the few states of a system.
 *
 * <p>Entries that are a literal 0 are structural zeros: elimination skips them, so a triangular
 * or sparse matrix (a kinetic scheme, a chain) costs only its non-zero entries.
 *
 * <p><b>No pivoting.</b> The pivots are taken on the diagonal, in order. For the matrices
 * {@code implicit_euler} solves, {@code I - dt A} (with its rows scaled by positive
 * denominators), that is safe when A is a rate matrix (off-diagonal entries non-negative, each
 * column summing to at most 0, as a kinetic scheme's): then {@code I - dt A} is strictly column
 * diagonally dominant for every dt > 0, elimination without pivoting keeps it so (the classical
 * result on diagonally dominant systems, Golub and Van Loan, Matrix Computations), and its
 * pivots are positive; scaling rows by positive denominators scales the pivots and leaves them
 * non-zero. It is safe too when
 * dt times the norm of A (or of the Jacobian) is below 1, the matrix then being near the
 * identity. Otherwise a pivot can be 0 or small: a zero pivot gives infinite or NaN states,
 * visible rather than silently wrong; choosing pivots with conditionals would cost n! branches
 * of code, more than a small system is worth.
 */
final class ExprMatrix {
  private final int size;
  private final List<Expr> entries;

  /** @param entries the n*n entries, row by row */
  ExprMatrix(int size, List<Expr> entries) {
    if (entries.size() != size * size) {
      throw new IllegalArgumentException(entries.size() + " entries for a " + size + " x " + size + " matrix");
    }
    this.size = size;
    this.entries = List.copyOf(entries);
  }

  int size() {
    return size;
  }

  Expr get(int row, int column) {
    return entries.get(row * size + column);
  }

  /**
   * The expressions of x with {@code this * x = rhs}, by elimination without pivoting and back
   * substitution. Every intermediate that is more than a number or a name goes through
   * {@code share} (which may make it a local and return a read of it), so that each is computed
   * once: the result grows as n^3, never exponentially.
   *
   * @param share given a name for the intermediate (such as {@code factor_2_1}) and its value
   */
  List<Expr> solve(List<Expr> rhs, Exprs build, BiFunction<String, Expr, Expr> share) {
    if (rhs.size() != size) {
      throw new IllegalArgumentException(rhs.size() + " right-hand sides for " + size + " rows");
    }
    Expr[][] a = new Expr[size][size];
    for (int i = 0; i < size; i++) {
      for (int j = 0; j < size; j++) {
        a[i][j] = get(i, j);
      }
    }
    Expr[] b = rhs.toArray(new Expr[0]);
    for (int k = 0; k < size; k++) {
      for (int i = k + 1; i < size; i++) {
        if (isZero(a[i][k])) {
          continue;
        }
        Expr factor = share.apply("factor_" + i + "_" + k, build.divide(a[i][k], a[k][k]));
        for (int j = k + 1; j < size; j++) {
          if (!isZero(a[k][j])) {
            a[i][j] = share.apply("entry_" + i + "_" + j + "_" + k, minus(a[i][j], build.multiply(factor, a[k][j]), build));
          }
        }
        if (!isZero(b[k])) {
          b[i] = share.apply("rhs_" + i + "_" + k, minus(b[i], build.multiply(factor, b[k]), build));
        }
        a[i][k] = build.literal(0);
      }
    }
    Expr[] x = new Expr[size];
    for (int i = size - 1; i >= 0; i--) {
      Expr sum = b[i];
      for (int j = i + 1; j < size; j++) {
        if (!isZero(a[i][j]) && !isZero(x[j])) {
          sum = minus(sum, build.multiply(a[i][j], x[j]), build);
        }
      }
      x[i] = isZero(sum) ? sum : share.apply("solution_" + i, build.divide(sum, a[i][i]));
    }
    List<Expr> solution = new ArrayList<>();
    for (Expr value : x) {
      solution.add(value);
    }
    return solution;
  }

  /** a - b, or -b when a is a structural zero. */
  private static Expr minus(Expr a, Expr b, Exprs build) {
    return isZero(a) ? build.negate(b) : build.subtract(a, b);
  }

  static boolean isZero(Expr expr) {
    return Exprs.isLiteral(expr, 0);
  }
}
