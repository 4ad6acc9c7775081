package io.cleft.compiler.ast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cleft.compiler.source.SourceFile;
import io.cleft.compiler.source.SourceSpan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The visitors of expressions and units as written reach every kind: trees holding each kind (the
 * permitted subclasses, so that a new kind fails here until the tree has it) are walked whole by
 * the default traversal, and printed whole.
 */
class AstVisitorsTest {
  private static final SourceSpan SPAN = new SourceSpan(new SourceFile("generated", "x"), 1, 1, 1, 2);

  /** {@code (um^2*mV/1)}: every kind of unit. */
  private static UnitExpression everyUnitKind() {
    UnitExpression power = new UnitExpression.Power(new UnitExpression.Symbol("um", SPAN), 2, SPAN);
    UnitExpression product = new UnitExpression.Product(power, new UnitExpression.Symbol("mV", SPAN), SPAN);
    return new UnitExpression.Quotient(product, new UnitExpression.One(SPAN), SPAN);
  }

  private static Expression number(String text) {
    return new Expression.NumberLiteral(new NumberText(text, SPAN), Optional.empty(), SPAN);
  }

  private static Expression everyExpressionKind() {
    Expression withUnit =
        new Expression.NumberLiteral(new NumberText("2", SPAN), Optional.of(everyUnitKind()), SPAN);
    Expression condition =
        new Expression.Logical(
            Expression.LogicalOperator.OR,
            new Expression.Comparison(Expression.ComparisonOperator.LESS, new Expression.NameReference("a", SPAN), withUnit, SPAN),
            new Expression.Not(new Expression.NameReference("b", SPAN), SPAN),
            SPAN);
    Expression call =
        new Expression.Call(
            new Identifier("exp", SPAN),
            List.of(new Expression.Unary(Expression.UnaryOperator.MINUS, new Expression.NameReference("c", SPAN), SPAN)),
            SPAN);
    return new Expression.Conditional(
        condition, new Expression.Binary(Expression.BinaryOperator.ADD, call, number("3"), SPAN), number("4"), SPAN);
  }

  @Test
  void theExpressionTraversalReachesEveryKindInOrder() {
    Set<Class<?>> seen = new HashSet<>();
    List<String> names = new ArrayList<>();
    everyExpressionKind().accept(
        new ExpressionTraversal() {
          @Override
          public Void visitNumberLiteral(Expression.NumberLiteral e) {
            seen.add(e.getClass());
            return super.visitNumberLiteral(e);
          }

          @Override
          public Void visitNameReference(Expression.NameReference e) {
            seen.add(e.getClass());
            names.add(e.name());
            return super.visitNameReference(e);
          }

          @Override
          public Void visitCall(Expression.Call e) {
            seen.add(e.getClass());
            return super.visitCall(e);
          }

          @Override
          public Void visitUnary(Expression.Unary e) {
            seen.add(e.getClass());
            return super.visitUnary(e);
          }

          @Override
          public Void visitBinary(Expression.Binary e) {
            seen.add(e.getClass());
            return super.visitBinary(e);
          }

          @Override
          public Void visitComparison(Expression.Comparison e) {
            seen.add(e.getClass());
            return super.visitComparison(e);
          }

          @Override
          public Void visitLogical(Expression.Logical e) {
            seen.add(e.getClass());
            return super.visitLogical(e);
          }

          @Override
          public Void visitNot(Expression.Not e) {
            seen.add(e.getClass());
            return super.visitNot(e);
          }

          @Override
          public Void visitConditional(Expression.Conditional e) {
            seen.add(e.getClass());
            return super.visitConditional(e);
          }
        });
    assertEquals(Set.of(Expression.class.getPermittedSubclasses()), seen);
    assertEquals(List.of("a", "b", "c"), names);
  }

  @Test
  void theUnitVisitorReachesEveryKind() {
    Set<Class<?>> seen = new HashSet<>();
    UnitExpression.Visitor<Void> recording =
        new UnitExpression.Visitor<>() {
          @Override
          public Void visitSymbol(UnitExpression.Symbol symbol) {
            seen.add(symbol.getClass());
            return null;
          }

          @Override
          public Void visitOne(UnitExpression.One one) {
            seen.add(one.getClass());
            return null;
          }

          @Override
          public Void visitPower(UnitExpression.Power power) {
            seen.add(power.getClass());
            return power.base().accept(this);
          }

          @Override
          public Void visitProduct(UnitExpression.Product product) {
            seen.add(product.getClass());
            product.left().accept(this);
            return product.right().accept(this);
          }

          @Override
          public Void visitQuotient(UnitExpression.Quotient quotient) {
            seen.add(quotient.getClass());
            quotient.left().accept(this);
            return quotient.right().accept(this);
          }
        };
    everyUnitKind().accept(recording);
    assertEquals(Set.of(UnitExpression.class.getPermittedSubclasses()), seen);
  }

  @Test
  void thePrinterPrintsEveryKind() {
    assertEquals("um^2*mV/1", AstPrinter.print(everyUnitKind()));
    assertEquals("if a < 2 [um^2*mV/1] or not b then exp(-c) + 3 else 4", AstPrinter.print(everyExpressionKind()));
    assertEquals(
        "(if ((a < 2 [um^2*mV/1]) or (not b)) then (exp((-c)) + 3) else 4)",
        AstPrinter.fullyParenthesized(everyExpressionKind()));
  }
}
