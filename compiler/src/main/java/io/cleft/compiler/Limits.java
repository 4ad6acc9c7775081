package io.cleft.compiler;

/**
 * The limits cleft enforces on a model, in one place; docs/LANGUAGE.md ("Limits") states the
 * same numbers. Each is far beyond what a real synapse model needs, and each exists so that
 * input within it is compiled, interpreted and emitted without exhausting the stack or taking
 * time exponential in its size; input beyond it gets a diagnostic instead.
 *
 * <p>Every pass recurses over expressions, so the stack they need grows with an expression's
 * nesting depth. cleft therefore runs on a thread of its own with {@link #STACK_BYTES} of
 * stack ({@link LargeStack}), and rejects nesting deeper than {@link #MAX_EXPRESSION_DEPTH}
 * right after parsing, before any pass recurses over it. The build checks that a model at the
 * depth limit goes through every stage on a stack {@link #STACK_SAFETY_FACTOR} times smaller
 * than the one cleft uses, so the margin does not depend on the JIT's state.
 */
public final class Limits {
  private Limits() {}

  /**
   * The deepest an expression (or a unit) may nest, counted in syntax-tree levels: every
   * operator, call, parenthesis, {@code if} and unit factor is one level, so a sum of n terms
   * is n levels deep; so is every {@code if} statement around the expression.
   */
  public static final int MAX_EXPRESSION_DEPTH = 256;

  /** The most parameters, constants and states a model may declare, together. */
  public static final int MAX_DECLARATIONS = 10_000;

  /**
   * The most statements an update block may hold (locals, next values and equations), and the
   * most any other block may hold ({@code initial}, a handler, the current block), those inside
   * its {@code if}s counted.
   */
  public static final int MAX_UPDATE_STATEMENTS = 10_000;

  /**
   * The largest magnitude of a unit's exponent, written ({@code m^64}) or reached by combining
   * ({@code (m^8)^8}). It keeps exponent arithmetic exact and unit scales representable.
   */
  public static final int MAX_UNIT_EXPONENT = 64;

  /**
   * The largest magnitude of the decimal exponent of a numeric literal's value: the exponent as
   * written plus the position of the first nonzero digit ({@code 0.01e5} has 3). A double's is
   * at most 324; beyond this bound a literal is reported out of range without being read exactly
   * (which for {@code 1e2147483648} a {@code BigDecimal} cannot do at all).
   */
  public static final int MAX_LITERAL_EXPONENT = 100_000;

  /**
   * The most characters a numeric literal may have. 17 significant digits determine any double;
   * reading millions exactly would take time quadratic in their number.
   */
  public static final int MAX_LITERAL_LENGTH = 1000;

  /**
   * The most states of an {@code exact} system that the closed forms do not solve (a cycle, a
   * deeper chain): its matrix exponential's code grows as the cube of the states, and at 4 it
   * is near what one Java method holds (see {@code solve.ExactSolver}).
   */
  public static final int MAX_EXACT_MATRIX_STATES = 4;

  /** The stack of the thread cleft runs on: see {@link LargeStack}. */
  public static final long STACK_BYTES = 512L * 1024 * 1024;

  /** How much smaller a stack the build proves sufficient at {@link #MAX_EXPRESSION_DEPTH}. */
  public static final int STACK_SAFETY_FACTOR = 16;
}
