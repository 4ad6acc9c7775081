package io.cleft.compiler.parse;

import static io.cleft.compiler.TestModels.parse;
import static io.cleft.compiler.TestModels.parseExpression;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.cleft.compiler.ast.Declaration;
import io.cleft.compiler.ast.Expression;
import io.cleft.compiler.ast.Section;
import io.cleft.compiler.ast.SynapseDecl;
import io.cleft.compiler.ast.UpdateStatement;
import io.cleft.compiler.source.SourceSpan;
import org.junit.jupiter.api.Test;

/** Every AST node knows where it was written: 1-based line and column, end one past the last character. */
class SpanTest {
  private static final String MODEL = """
      synapse Exp2 {
        parameters {
          tau = -2.5 ms in [0, inf]  "decay"
        }
        states {
          g = 0 uS
        }
        update {
          g' = -g / tau  using exponential_euler
        }
        current = g * (v_post -
                       0 [mV])
      }
      """;

  private static void assertSpan(int line, int column, int endLine, int endColumn, SourceSpan span) {
    assertEquals(
        line + ":" + column + "-" + endLine + ":" + endColumn,
        span.line() + ":" + span.column() + "-" + span.endLine() + ":" + span.endColumn());
  }

  @Test
  void aNameReferenceSpansTheName() {
    // "synapse T {\n  current = " puts the expression on line 2 from column 13.
    Expression.Binary sum = assertInstanceOf(Expression.Binary.class, parseExpression("alpha + beta"));
    assertSpan(2, 13, 2, 18, sum.left().span());
    assertSpan(2, 21, 2, 25, sum.right().span());
  }

  @Test
  void anOperationSpansItsOperandsIncludingTheirParentheses() {
    Expression.Binary product = assertInstanceOf(Expression.Binary.class, parseExpression("(a + b) * c"));
    assertSpan(2, 13, 2, 24, product.span());
    // The parenthesised sum has no node of its own; its span is the sum without parentheses.
    assertSpan(2, 14, 2, 19, product.left().span());
  }

  @Test
  void aCallSpansFromItsNameToItsClosingParenthesis() {
    Expression.Call call = assertInstanceOf(Expression.Call.class, parseExpression("max(a, 1)"));
    assertSpan(2, 13, 2, 22, call.span());
    assertSpan(2, 13, 2, 16, call.function().span());
    assertSpan(2, 20, 2, 21, call.arguments().get(1).span());
  }

  @Test
  void declarationsKnowTheirNameValueAndRange() {
    SynapseDecl synapse = parse(MODEL);
    assertSpan(1, 9, 1, 13, synapse.name().span());
    Declaration tau = ((Section.Declarations) synapse.sections().get(0)).declarations().get(0);
    assertSpan(3, 5, 3, 8, tau.name().span());
    assertEquals("-2.5", tau.value().text());
    assertSpan(3, 11, 3, 15, tau.value().span());
    assertSpan(3, 16, 3, 18, tau.unit().orElseThrow().span());
    assertSpan(3, 19, 3, 30, tau.range().orElseThrow().span());
    assertSpan(3, 5, 3, 39, tau.span());
  }

  @Test
  void sectionsAndStatementsSpanTheirText() {
    SynapseDecl synapse = parse(MODEL);
    Section.Update update = (Section.Update) synapse.sections().get(2);
    assertSpan(8, 3, 10, 4, update.span());
    UpdateStatement.DifferentialEquation equation =
        assertInstanceOf(UpdateStatement.DifferentialEquation.class, update.statements().get(0));
    assertSpan(9, 5, 9, 6, equation.target().span());
    assertSpan(9, 10, 9, 18, equation.value().span());
    assertSpan(9, 26, 9, 43, equation.method().orElseThrow().span());
  }

  @Test
  void anExpressionMaySpanLines() {
    SynapseDecl synapse = parse(MODEL);
    Section.Current current = (Section.Current) synapse.sections().get(3);
    assertSpan(11, 13, 12, 25, current.value().orElseThrow().span());
    Expression.Binary product = assertInstanceOf(Expression.Binary.class, current.value().orElseThrow());
    Expression.Binary difference = assertInstanceOf(Expression.Binary.class, product.right());
    Expression.NumberLiteral zero = assertInstanceOf(Expression.NumberLiteral.class, difference.right());
    assertSpan(12, 18, 12, 24, zero.span());
    assertSpan(12, 18, 12, 19, zero.number().span());
  }
}
