package io.cleft.compiler.parse;

import io.cleft.compiler.Limits;
import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.diagnostic.DiagnosticCollector;
import io.cleft.grammar.CleftParser;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * Enforces {@link Limits} on a parse tree before anything recurses over it: the nesting depth of
 * expressions and units, and the number of declarations and update statements. It walks the
 * tree with an explicit stack, so it cannot itself run out of stack however deep the tree is.
 */
final class ModelLimits {
  private ModelLimits() {}

  /** Whether {@code tree} is within the limits; if not, reports where it first leaves them. */
  static boolean check(CleftParser.CompilationUnitContext tree, TokenSpans spans, DiagnosticCollector diagnostics) {
    CleftParser.SynapseContext synapse = tree.synapse();
    return withinCounts(synapse, spans, diagnostics) && withinDepth(synapse, spans, diagnostics);
  }

  private static boolean withinCounts(
      CleftParser.SynapseContext synapse, TokenSpans spans, DiagnosticCollector diagnostics) {
    int declarations = 0;
    int statements = 0;
    for (CleftParser.SectionContext section : synapse.section()) {
      for (ParseTree child : children(section)) {
        if (child instanceof CleftParser.DeclarationContext declaration && ++declarations > Limits.MAX_DECLARATIONS) {
          diagnostics.error(
              DiagnosticCode.TOO_MANY_DECLARATIONS,
              spans.of(declaration.getStart()),
              "a synapse can declare at most " + Limits.MAX_DECLARATIONS
                  + " parameters, constants and states together; this is one more");
          return false;
        }
        if (child instanceof CleftParser.UpdateStatementContext statement && ++statements > Limits.MAX_UPDATE_STATEMENTS) {
          diagnostics.error(
              DiagnosticCode.TOO_MANY_STATEMENTS,
              spans.of(statement.getStart()),
              "an update block can hold at most " + Limits.MAX_UPDATE_STATEMENTS + " statements; this is one more");
          return false;
        }
        // A kinetic scheme's reactions and laws count as statements of the update block.
        if (child instanceof CleftParser.KineticSchemeContext scheme) {
          for (ParseTree line : children(scheme)) {
            if (line instanceof ParserRuleContext rule && !(line instanceof CleftParser.ExpressionContext)
                && ++statements > Limits.MAX_UPDATE_STATEMENTS) {
              diagnostics.error(
                  DiagnosticCode.TOO_MANY_STATEMENTS,
                  spans.of(rule.getStart()),
                  "an update block can hold at most " + Limits.MAX_UPDATE_STATEMENTS
                      + " statements, the reactions and laws of its kinetic schemes included; this is one more");
              return false;
            }
          }
        }
      }
      Optional<CleftParser.StatementContext> beyond = beyondStatementLimit(section);
      if (beyond.isPresent()) {
        diagnostics.error(
            DiagnosticCode.TOO_MANY_STATEMENTS,
            spans.of(beyond.get().getStart()),
            "a block can hold at most " + Limits.MAX_UPDATE_STATEMENTS
                + " statements, those inside its 'if's included; this is one more");
        return false;
      }
    }
    return true;
  }

  /**
   * The first statement of {@code initial}, a handler or the current block past the limit,
   * counting those in every branch; with an explicit stack, as deep nesting is checked later.
   */
  private static Optional<CleftParser.StatementContext> beyondStatementLimit(CleftParser.SectionContext section) {
    int count = 0;
    Deque<ParseTree> nodes = new ArrayDeque<>();
    nodes.push(section);
    while (!nodes.isEmpty()) {
      ParseTree node = nodes.pop();
      if (node instanceof CleftParser.StatementContext statement && ++count > Limits.MAX_UPDATE_STATEMENTS) {
        return Optional.of(statement);
      }
      if (node instanceof CleftParser.ExpressionContext) {
        continue;
      }
      for (int i = node.getChildCount() - 1; i >= 0; i--) {
        if (node.getChild(i) instanceof ParserRuleContext child) {
          nodes.push(child);
        }
      }
    }
    return Optional.empty();
  }

  private static Iterable<ParseTree> children(ParserRuleContext context) {
    return context.children == null ? java.util.List.of() : context.children;
  }

  /**
   * Depth counts the levels of the syntax tree that the compiler's passes recurse through: one
   * per expression node and per unit factor, and for a unit of n factors n - 1 more, because
   * {@code a*b*c} becomes a chain of products.
   */
  private static boolean withinDepth(ParseTree root, TokenSpans spans, DiagnosticCollector diagnostics) {
    Deque<ParseTree> nodes = new ArrayDeque<>();
    Deque<Integer> depths = new ArrayDeque<>();
    nodes.push(root);
    depths.push(0);
    while (!nodes.isEmpty()) {
      ParseTree node = nodes.pop();
      int depth = depths.pop() + weight(node);
      if (depth > Limits.MAX_EXPRESSION_DEPTH) {
        int ifs = enclosingIfs(node);
        if (ifs > 0) {
          // The depth comes (in part) from 'if' statements, which "split it into locals" alone
          // would not help: say how they count, also for an 'else if' chain, which nests each
          // 'if' in the one before. A condition past the limit is reported at its 'if'.
          diagnostics.error(
              DiagnosticCode.NESTED_TOO_DEEPLY,
              spans.of(reportedAt(node).getStart()),
              "this is nested more than " + Limits.MAX_EXPRESSION_DEPTH + " levels deep, cleft's limit, counting "
                  + (ifs == 1 ? "the 'if' statement" : "the " + ifs + " 'if' statements") + " around it (each 'if', each 'else if' of a chain, and each operator,"
                  + " call and parenthesis is a level); use fewer levels of 'if', split a long 'else if' chain"
                  + " into 'if's whose conditions exclude each other, or split an expression into locals");
          return false;
        }
        Token start = ((ParserRuleContext) node).getStart();
        diagnostics.error(
            DiagnosticCode.NESTED_TOO_DEEPLY,
            spans.of(start),
            "this expression is nested more than " + Limits.MAX_EXPRESSION_DEPTH
                + " levels deep, cleft's limit (each operator, call, parenthesis and 'if' is a level,"
                + " so a sum of n terms is n levels); split it into locals");
        return false;
      }
      // Children pushed last to first, so the first problem in reading order is the one reported.
      for (int i = node.getChildCount() - 1; i >= 0; i--) {
        ParseTree child = node.getChild(i);
        if (child instanceof ParserRuleContext) {
          nodes.push(child);
          depths.push(depth);
        }
      }
    }
    return true;
  }

  /** How many 'if' statements {@code node} is in (itself included); walked only at a report. */
  private static int enclosingIfs(ParseTree node) {
    int ifs = 0;
    for (ParseTree at = node; at != null; at = at.getParent()) {
      if (at instanceof CleftParser.IfStatementContext) {
        ifs++;
      }
    }
    return ifs;
  }

  /** {@code node}, or the 'if' whose condition it is in: a condition belongs to its 'if'. */
  private static ParserRuleContext reportedAt(ParseTree node) {
    ParseTree child = null;
    for (ParseTree at = node; at != null; child = at, at = at.getParent()) {
      if (at instanceof CleftParser.IfStatementContext ifStatement) {
        return at == node || child == ifStatement.condition ? ifStatement : (ParserRuleContext) node;
      }
    }
    return (ParserRuleContext) node;
  }

  private static int weight(ParseTree node) {
    if (node instanceof CleftParser.ExpressionContext
        || node instanceof CleftParser.UnitFactorContext
        || node instanceof CleftParser.IfStatementContext) {
      return 1;
    }
    if (node instanceof CleftParser.UnitContext unit) {
      return unit.unitFactor().size();
    }
    return 0;
  }
}
