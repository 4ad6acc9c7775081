package io.cleft.compiler.solve;

import io.cleft.compiler.ast.Expression.ComparisonOperator;
import io.cleft.compiler.model.BuiltinFunction;
import io.cleft.compiler.model.Expr;
import io.cleft.compiler.model.Symbol;
import io.cleft.compiler.source.SourceSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * The exact step of a linear system {@code x' = A x + b} (A, b read at the start of the step)
 * by a numerical matrix exponential, written as straight-line model expressions: the IR has no
 * loops or arrays, so every entry is a solver local and every run-time choice a conditional.
 *
 * <p>The drive b rides along in the augmented matrix {@code M = [[A dt, b dt], [0, 0]]}, whose
 * exponential is {@code [[exp(A dt), phi(A dt) b dt], [0, 1]]}: its last column is the exactly
 * integrated drive, so no A^-1 is needed and A may be singular (a conserved kinetic scheme).
 * {@code exp(M)} is computed by scaling and squaring with a Pade approximant (Higham 2005, "The
 * scaling and squaring method for the matrix exponential revisited", SIAM J. Matrix Anal. Appl.
 * 26(4), the method of MATLAB's expm, Eigen's MatrixFunctions and so NMODL's matexp):
 *
 * <ol>
 *   <li>s, the least number of halvings that bring {@code ||A dt||_1} within
 *       {@link #THETA_7}, found with conditionals on the norm; {@code X = M / 2^s}, exact
 *       (a power of two);
 *   <li>{@code r_7(X) = (V - U)^-1 (V + U)}, the diagonal [7/7] Pade approximant, with
 *       {@code U = X (b7 X^6 + b5 X^4 + b3 X^2 + b1 I)} and {@code V = b6 X^6 + b4 X^4 + b2 X^2 + b0 I}
 *       (four products and one solve);
 *   <li>squared s times: squaring k is a conditional on the norm in each entry, taken when
 *       {@code ||A dt||_1 > theta_7 2^(k-1)}.
 * </ol>
 *
 * <p>Why degree 7 alone. Higham's theta_7 = 0.95 is the largest norm for which r_7's backward
 * error is within the unit roundoff, so r_7 there is exp to rounding. At that norm the
 * denominator {@code V - U = b0 (I + E)} has {@code ||E||_1 <= sum over k >= 1 of (b_k/b0) theta^k
 * = 0.59 < 1}, so it is column diagonally dominant: Gaussian elimination without pivoting (the
 * only kind straight-line code can do, {@link ExprMatrix#solve}) is then what partial pivoting
 * would do, with growth factor at most 2. Degree 13 (theta 5.4) would need fewer squarings but
 * its denominator is not diagonally dominant there; degrees 3 and 5 would be cheaper at small
 * norms, but the code is written once for every norm, and its size is what counts.
 *
 * <p>Only A's norm sets s: the drive enters M's exponential linearly (its last column is a
 * matrix function of A times b), so its size relative to A, which depends on the states'
 * units, changes nothing in the accuracy.
 *
 * <p>Limits: at most {@link #MAX_SQUARINGS} squarings, so {@code ||A dt||_1} up to
 * {@code theta_7 2^MAX_SQUARINGS} (about 62,000; the 1-norm counts a rate out of a state twice in
 * its column, the loss and the gain, so for a reversible scheme rates of some 1.2e6/ms at
 * dt = 0.025 ms, 6e4/ms at dt = 0.5 ms), a bound set by the size of the generated code (each squaring is a product). Beyond it, or
 * where A or b is infinite or NaN (a time constant of 0), the scale is NaN and so is the step:
 * a visible failure, not a silently inaccurate one.
 */
final class MatrixExponential {
  /** Higham 2005, Table 2.3: the largest ||X||_1 at which r_7(X) is exp(X) to double rounding. */
  static final double THETA_7 = 9.504178996162932e-1;
  /** The most squarings written; each costs a product of the augmented matrix. */
  static final int MAX_SQUARINGS = 16;
  /** The coefficients b_0 .. b_7 of the [7/7] Pade approximant's numerator p(x) = sum b_k x^k. */
  static final double[] PADE_7 = {17297280, 8648640, 1995840, 277200, 25200, 1512, 56, 1};

  private final SolverLocals locals;
  private final String prefix;
  private final SourceSpan span;
  private final Exprs build;

  private MatrixExponential(SolverLocals locals, String prefix, SourceSpan span) {
    this.locals = locals;
    this.prefix = prefix;
    this.span = span;
    this.build = new Exprs(span);
  }

  /**
   * The next values {@code x(dt)} of {@code x' = A x + b}, in the order of {@code states}.
   *
   * @param a A's entries, a literal 0 where an entry is known to be 0
   * @param b the drive, a literal 0 where known to be 0
   * @param prefix how the solver locals written are named
   */
  static List<Expr> step(
      List<Symbol.State> states, Expr[][] a, Expr[] b, SolverLocals locals, String prefix, SourceSpan span) {
    return new MatrixExponential(locals, prefix, span).step(states, a, b);
  }

  private List<Expr> step(List<Symbol.State> states, Expr[][] a, Expr[] b) {
    int n = states.size();
    Expr dt = build.read(Symbol.Input.DT);
    ExprMatrix m = ExprMatrix.of(n + 1, (i, j) -> {
      if (i == n) {
        return build.literal(0);
      }
      Expr entry = j < n ? a[i][j] : b[i];
      return Exprs.isLiteral(entry, 0) ? build.literal(0) : build.multiply(entry, dt);
    }, span).named(prefix + "_m", locals);
    Expr norm = read("norm", norm(m, n));
    Expr scale = read("scale", scale(norm));
    ExprMatrix x = m.times(scale).named(prefix + "_x", locals);
    ExprMatrix propagator = pade7(x);
    for (int k = 1; k <= MAX_SQUARINGS; k++) {
      Expr needed = new Expr.Comparison(
          ComparisonOperator.GREATER, norm, build.literal(Math.scalb(THETA_7, k - 1)), span);
      ExprMatrix previous = propagator;
      ExprMatrix squared = previous.times(previous);
      propagator = ExprMatrix.of(n + 1, (i, j) -> choose(needed, squared.get(i, j), previous.get(i, j)), span)
          .named(prefix + "_sq" + k, locals);
    }
    List<Expr> next = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Expr sum = null;
      for (int j = 0; j <= n; j++) {
        if (propagator.isZero(i, j)) {
          continue;
        }
        Expr term = j < n ? build.multiply(propagator.get(i, j), build.read(states.get(j))) : propagator.get(i, j);
        sum = sum == null ? term : build.add(sum, term);
      }
      next.add(sum == null ? build.literal(0) : sum);
    }
    return next;
  }

  /** ||A dt||_1, the largest sum of magnitudes of a column of M's A block. */
  private Expr norm(ExprMatrix m, int n) {
    Expr norm = null;
    for (int j = 0; j < n; j++) {
      Expr column = null;
      for (int i = 0; i < n; i++) {
        if (!m.isZero(i, j)) {
          Expr magnitude = new Expr.Call(BuiltinFunction.ABS, List.of(m.get(i, j)), span);
          column = column == null ? magnitude : build.add(column, magnitude);
        }
      }
      if (column != null) {
        norm = norm == null ? column : new Expr.Call(BuiltinFunction.MAX, List.of(norm, column), span);
      }
    }
    return norm == null ? build.literal(0) : norm;
  }

  /**
   * 2^-s for the least s with {@code norm <= theta_7 2^s}, s at most {@link #MAX_SQUARINGS};
   * NaN beyond, or when the norm is NaN: {@code norm <= theta ? 1 : norm <= 2 theta ? 0.5 : ...}.
   */
  private Expr scale(Expr norm) {
    Expr scale = build.literal(Double.NaN);
    for (int s = MAX_SQUARINGS; s >= 0; s--) {
      Expr within = new Expr.Comparison(
          ComparisonOperator.LESS_OR_EQUAL, norm, build.literal(Math.scalb(THETA_7, s)), span);
      scale = new Expr.Conditional(within, build.literal(Math.scalb(1.0, -s)), scale, span);
    }
    return scale;
  }

  /** r_7(X) = (V - U)^-1 (V + U), see the class comment. */
  private ExprMatrix pade7(ExprMatrix x) {
    int size = x.size();
    ExprMatrix identity = ExprMatrix.identity(size, span);
    ExprMatrix x2 = x.times(x).named(prefix + "_x2", locals);
    ExprMatrix x4 = x2.times(x2).named(prefix + "_x4", locals);
    ExprMatrix x6 = x4.times(x2).named(prefix + "_x6", locals);
    ExprMatrix odd = x6.times(PADE_7[7]).plus(x4.times(PADE_7[5])).plus(x2.times(PADE_7[3]))
        .plus(identity.times(PADE_7[1]));
    ExprMatrix u = x.times(odd.named(prefix + "_odd", locals)).named(prefix + "_u", locals);
    ExprMatrix v = x6.times(PADE_7[6]).plus(x4.times(PADE_7[4])).plus(x2.times(PADE_7[2]))
        .plus(identity.times(PADE_7[0])).named(prefix + "_v", locals);
    ExprMatrix numerator = v.plus(u).named(prefix + "_p", locals);
    ExprMatrix denominator = v.minus(u).named(prefix + "_q", locals);
    return denominator.solve(numerator, prefix + "_lu", locals).named(prefix + "_r", locals);
  }

  /** {@code needed ? squared : previous}, or the one value where both are the same literal. */
  private Expr choose(Expr needed, Expr squared, Expr previous) {
    if (squared instanceof Expr.Literal s && previous instanceof Expr.Literal p
        && Double.doubleToRawLongBits(s.value()) == Double.doubleToRawLongBits(p.value())) {
      return previous;
    }
    return new Expr.Conditional(needed, squared, previous, span);
  }

  private Expr read(String name, Expr definition) {
    if (definition instanceof Expr.Literal) {
      return definition;
    }
    return build.read(locals.define(prefix + "_" + name, definition, span));
  }
}
