package io.cleft.compiler.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.cleft.compiler.ast.Expression.ComparisonOperator;
import io.cleft.compiler.ast.Expression.LogicalOperator;
import io.cleft.compiler.source.SourceFile;
import io.cleft.compiler.source.SourceSpan;
import io.cleft.compiler.units.Dimension;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The default traversals of resolved expressions reach every kind: a tree holding each kind (the
 * permitted subclasses, so that a new kind fails here until the tree has it) is walked whole,
 * rebuilt equal, and rewritten everywhere.
 */
class ExprVisitorsTest {
  private static final SourceSpan SPAN = new SourceSpan(new SourceFile("generated", "x"), 1, 1, 1, 2);

  private static Expr literal(double value) {
    return new Expr.Literal(value, Dimension.NONE, SPAN);
  }

  private static Expr everyKind() {
    Expr condition =
        new Expr.Logical(
            LogicalOperator.AND,
            new Expr.Comparison(ComparisonOperator.LESS, literal(1), new Expr.Reference(Symbol.Input.V_POST, SPAN), SPAN),
            new Expr.Not(new Expr.Comparison(ComparisonOperator.EQUAL, new Expr.Erroneous(SPAN), literal(2), SPAN), SPAN),
            SPAN);
    Expr call = new Expr.Call(BuiltinFunction.EXP, List.of(new Expr.Negate(literal(3), SPAN)), SPAN);
    return new Expr.Conditional(
        condition, new Expr.Arithmetic(Expr.ArithmeticOperator.ADD, call, literal(4), SPAN), literal(5), SPAN);
  }

  @Test
  void theTraversalReachesEveryKindInOrder() {
    Set<Class<?>> seen = new HashSet<>();
    List<Double> literals = new ArrayList<>();
    everyKind().accept(
        new ExprTraversal() {
          @Override
          public Void visitErroneous(Expr.Erroneous e) {
            seen.add(e.getClass());
            return super.visitErroneous(e);
          }

          @Override
          public Void visitLiteral(Expr.Literal e) {
            seen.add(e.getClass());
            literals.add(e.value());
            return super.visitLiteral(e);
          }

          @Override
          public Void visitReference(Expr.Reference e) {
            seen.add(e.getClass());
            return super.visitReference(e);
          }

          @Override
          public Void visitNegate(Expr.Negate e) {
            seen.add(e.getClass());
            return super.visitNegate(e);
          }

          @Override
          public Void visitArithmetic(Expr.Arithmetic e) {
            seen.add(e.getClass());
            return super.visitArithmetic(e);
          }

          @Override
          public Void visitCall(Expr.Call e) {
            seen.add(e.getClass());
            return super.visitCall(e);
          }

          @Override
          public Void visitComparison(Expr.Comparison e) {
            seen.add(e.getClass());
            return super.visitComparison(e);
          }

          @Override
          public Void visitLogical(Expr.Logical e) {
            seen.add(e.getClass());
            return super.visitLogical(e);
          }

          @Override
          public Void visitNot(Expr.Not e) {
            seen.add(e.getClass());
            return super.visitNot(e);
          }

          @Override
          public Void visitConditional(Expr.Conditional e) {
            seen.add(e.getClass());
            return super.visitConditional(e);
          }
        });
    assertEquals(Set.of(Expr.class.getPermittedSubclasses()), seen);
    assertEquals(List.of(1.0, 2.0, 3.0, 4.0, 5.0), literals);
  }

  @Test
  void theRewriterRebuildsEveryKindAndReachesEveryLeaf() {
    Expr tree = everyKind();
    assertEquals(tree, new ExprRewriter().rewrite(tree));
    Expr doubled =
        new ExprRewriter() {
          @Override
          public Expr visitLiteral(Expr.Literal literal) {
            return literal(2 * literal.value());
          }
        }.rewrite(tree);
    List<Double> literals = new ArrayList<>();
    ExprWalker.forEach(doubled, e -> {
      if (e instanceof Expr.Literal l) {
        literals.add(l.value());
      }
    });
    assertEquals(List.of(2.0, 4.0, 6.0, 8.0, 10.0), literals);
    assertSame(SPAN, doubled.span());
  }

  @Test
  void symbolVisitorNamesEveryKind() {
    Symbol.Visitor<String> kinds =
        new Symbol.Visitor<>() {
          @Override
          public String visitParameter(Symbol.Parameter parameter) {
            return "parameter";
          }

          @Override
          public String visitConstant(Symbol.Constant constant) {
            return "constant";
          }

          @Override
          public String visitState(Symbol.State state) {
            return "state";
          }

          @Override
          public String visitLocal(Symbol.Local local) {
            return "local";
          }

          @Override
          public String visitEventArgument(Symbol.EventArgument argument) {
            return "argument";
          }

          @Override
          public String visitInput(Symbol.Input input) {
            return "input";
          }
        };
    Symbol.Local local = new Symbol.Local("l", 0, literal(1), SPAN);
    assertEquals("local", local.accept(kinds));
    assertEquals("argument", new Symbol.EventArgument("w", io.cleft.compiler.units.Unit.ONE, "1", SPAN).accept(kinds));
    for (Symbol.Input input : Symbol.Input.values()) {
      assertEquals("input", input.accept(kinds));
    }
  }
}
