package io.cleft.compiler.ast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cleft.compiler.TestModels;
import io.cleft.compiler.source.SourceFile;
import io.cleft.compiler.source.SourceSpan;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * {@link AstPrinter#print(Expression)} keeps exactly the parentheses the grammar needs: for any
 * expression tree, the printed text parses back to a tree of the same shape.
 */
class ExpressionRoundTripTest {
  private static final SourceSpan NOWHERE = new SourceSpan(new SourceFile("generated", "x"), 1, 1, 1, 2);

  @Property
  void printedExpressionsParseBackToTheSameTree(@ForAll("expressions") Expression expression) {
    Expression reparsed = TestModels.parseExpression(AstPrinter.print(expression));
    assertEquals(AstPrinter.fullyParenthesized(expression), AstPrinter.fullyParenthesized(reparsed));
  }

  @Property
  void parsePrintParseGivesTheSamePrintedForm(@ForAll("expressions") Expression expression) {
    String printed = AstPrinter.print(TestModels.parseExpression(AstPrinter.print(expression)));
    assertEquals(printed, AstPrinter.print(TestModels.parseExpression(printed)));
  }

  @Property
  void fullyParenthesizedTextParsesBackToTheSameTree(@ForAll("expressions") Expression expression) {
    String shape = AstPrinter.fullyParenthesized(expression);
    assertEquals(shape, AstPrinter.fullyParenthesized(TestModels.parseExpression(shape)));
  }

  @Provide
  Arbitrary<Expression> expressions() {
    // Edge cases of trees this deep are combinatorially many and no more telling than random ones.
    return expression(4).withoutEdgeCases();
  }

  private Arbitrary<Expression> expression(int depth) {
    if (depth == 0) {
      return leaves();
    }
    Arbitrary<Expression> operand = expression(depth - 1);
    return Arbitraries.frequencyOf(
        Tuple.of(3, leaves()),
        Tuple.of(1, Combinators.combine(Arbitraries.of(Expression.UnaryOperator.class), operand)
            .as((operator, e) -> (Expression) new Expression.Unary(operator, e, NOWHERE))),
        Tuple.of(4, Combinators.combine(Arbitraries.of(Expression.BinaryOperator.class), operand, operand)
            .as((operator, l, r) -> (Expression) new Expression.Binary(operator, l, r, NOWHERE))),
        Tuple.of(1, Combinators.combine(Arbitraries.of(Expression.ComparisonOperator.class), operand, operand)
            .as((operator, l, r) -> (Expression) new Expression.Comparison(operator, l, r, NOWHERE))),
        Tuple.of(1, Combinators.combine(Arbitraries.of(Expression.LogicalOperator.class), operand, operand)
            .as((operator, l, r) -> (Expression) new Expression.Logical(operator, l, r, NOWHERE))),
        Tuple.of(1, operand.map(e -> (Expression) new Expression.Not(e, NOWHERE))),
        Tuple.of(1, Combinators.combine(operand, operand, operand)
            .as((c, t, f) -> (Expression) new Expression.Conditional(c, t, f, NOWHERE))),
        Tuple.of(1, Combinators.combine(Arbitraries.of("exp", "min", "safe_exp", "f"), operand.list().ofMinSize(0).ofMaxSize(3))
            .as((name, arguments) -> (Expression) new Expression.Call(new Identifier(name, NOWHERE), arguments, NOWHERE))));
  }

  private Arbitrary<Expression> leaves() {
    Arbitrary<Expression> names =
        Arbitraries.of("s", "v_pre", "tau_s", "x1", "_g", "IN", "iff")
            .map(name -> new Expression.NameReference(name, NOWHERE));
    Arbitrary<Optional<UnitExpression>> maybeUnit =
        Arbitraries.oneOf(Arbitraries.of(units()).map(Optional::of), Arbitraries.just(Optional.<UnitExpression>empty()));
    Arbitrary<Expression> numbers =
        Combinators.combine(Arbitraries.of("0", "1", "2.5", "1e-4", ".5", "3.", "1E+3", "0.025"), maybeUnit)
            .as((text, unit) -> new Expression.NumberLiteral(new NumberText(text, NOWHERE), unit, NOWHERE));
    return Arbitraries.oneOf(names, numbers);
  }

  private static List<UnitExpression> units() {
    UnitExpression mV = new UnitExpression.Symbol("mV", NOWHERE);
    UnitExpression ms = new UnitExpression.Symbol("ms", NOWHERE);
    UnitExpression one = new UnitExpression.One(NOWHERE);
    return List.of(
        mV,
        new UnitExpression.Quotient(one, ms, NOWHERE),
        new UnitExpression.Product(new UnitExpression.Symbol("uS", NOWHERE), mV, NOWHERE),
        new UnitExpression.Power(new UnitExpression.Symbol("um", NOWHERE), -2, NOWHERE),
        new UnitExpression.Power(new UnitExpression.Product(mV, ms, NOWHERE), 3, NOWHERE),
        new UnitExpression.Quotient(
            new UnitExpression.Symbol("mol", NOWHERE),
            new UnitExpression.Product(new UnitExpression.Symbol("l", NOWHERE), new UnitExpression.Symbol("s", NOWHERE), NOWHERE),
            NOWHERE));
  }
}
