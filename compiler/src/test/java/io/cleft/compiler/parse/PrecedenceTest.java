package io.cleft.compiler.parse;

import static io.cleft.compiler.TestModels.parseExpression;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.cleft.compiler.ast.AstPrinter;
import io.cleft.compiler.ast.Expression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the parser groups operators: precedence and associativity, as the grammar documents them. */
class PrecedenceTest {
  private static String shape(String expression) {
    return AstPrinter.fullyParenthesized(parseExpression(expression));
  }

  @Test
  void powerBindsTighterThanUnaryMinus() {
    Expression expression = parseExpression("-x^2");
    Expression.Unary negation = assertInstanceOf(Expression.Unary.class, expression);
    assertEquals(Expression.UnaryOperator.MINUS, negation.operator());
    Expression.Binary power = assertInstanceOf(Expression.Binary.class, negation.operand());
    assertEquals(Expression.BinaryOperator.POWER, power.operator());
    assertEquals("(-(x ^ 2))", shape("-x^2"));
  }

  @Test
  void powerIsRightAssociative() {
    Expression.Binary outer = assertInstanceOf(Expression.Binary.class, parseExpression("2^3^2"));
    assertInstanceOf(Expression.NumberLiteral.class, outer.left());
    assertInstanceOf(Expression.Binary.class, outer.right());
    assertEquals("(2 ^ (3 ^ 2))", shape("2^3^2"));
  }

  @Test
  void aSignedExponentBelongsToThePower() {
    assertEquals("(2 ^ (-x))", shape("2^-x"));
    assertEquals("((-a) * b)", shape("-a * b"));
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(delimiter = '|', value = {
    "a - b - c | ((a - b) - c)",
    "a / b / c | ((a / b) / c)",
    "a - b + c | ((a - b) + c)",
    "a / b * c | ((a / b) * c)",
    "a < b == c | ((a < b) == c)",
    "a and b and c | ((a and b) and c)",
    "a or b or c | ((a or b) or c)",
  })
  void binaryOperatorsOtherThanPowerAreLeftAssociative(String expression, String expected) {
    assertEquals(expected, shape(expression));
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(delimiter = '|', value = {
    "a + b * c | (a + (b * c))",
    "a * b + c | ((a * b) + c)",
    "a - b / c | (a - (b / c))",
    "(a + b) * c | ((a + b) * c)",
  })
  void multiplicationBindsTighterThanAddition(String expression, String expected) {
    assertEquals(expected, shape(expression));
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(delimiter = '|', value = {
    "a + b < c * d | ((a + b) < (c * d))",
    "-a >= b^2 | ((-a) >= (b ^ 2))",
    "a != b - 1 | (a != (b - 1))",
  })
  void comparisonsBindLooserThanArithmetic(String expression, String expected) {
    assertEquals(expected, shape(expression));
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(delimiter = '|', value = {
    "not a and b | ((not a) and b)",
    "a or b and c | (a or (b and c))",
    "a and b or c | ((a and b) or c)",
    "not a < b | (not (a < b))",
    "not a or not b and c | ((not a) or ((not b) and c))",
    "x < 1 and y > 2 or z == 3 | (((x < 1) and (y > 2)) or (z == 3))",
  })
  void notBindsTighterThanAndWhichBindsTighterThanOr(String expression, String expected) {
    assertEquals(expected, shape(expression));
  }

  @Test
  void theElseBranchOfAConditionalExtendsAsFarAsItCan() {
    Expression.Conditional conditional =
        assertInstanceOf(Expression.Conditional.class, parseExpression("if c then a else b + 1"));
    assertInstanceOf(Expression.NameReference.class, conditional.whenTrue());
    assertInstanceOf(Expression.Binary.class, conditional.whenFalse());
    assertEquals("(if c then a else (b + 1))", shape("if c then a else b + 1"));
    assertEquals("((if c then a else b) + 1)", shape("(if c then a else b) + 1"));
    assertEquals("(1 + (if c then a else b))", shape("1 + if c then a else b"));
  }

  @Test
  void callArgumentsAreWholeExpressions() {
    assertEquals("max((a + b), (if c then d else e))", shape("max(a + b, if c then d else e)"));
  }

  @Test
  void parenthesesLeaveNoNode() {
    assertEquals(shape("a"), shape("((a))"));
    assertInstanceOf(Expression.NameReference.class, parseExpression("(a)"));
  }
}
