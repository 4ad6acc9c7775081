package io.cleft.compiler.parse;

import io.cleft.compiler.Limits;
import io.cleft.compiler.ast.Declaration;
import io.cleft.compiler.ast.Expression;
import io.cleft.compiler.ast.Identifier;
import io.cleft.compiler.ast.NumberText;
import io.cleft.compiler.ast.Section;
import io.cleft.compiler.ast.Statement;
import io.cleft.compiler.ast.SynapseDecl;
import io.cleft.compiler.ast.UnitExpression;
import io.cleft.compiler.ast.UpdateStatement;
import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.diagnostic.DiagnosticCollector;
import io.cleft.compiler.source.SourceSpan;
import io.cleft.grammar.CleftBaseVisitor;
import io.cleft.grammar.CleftLexer;
import io.cleft.grammar.CleftParser;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.BufferedTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Builds the immutable AST from ANTLR's parse tree. This is the only class that sees parse-tree
 * types: one {@code visitX} per labelled alternative, tokens mapped to enums here.
 */
final class AstBuilder extends CleftBaseVisitor<Object> {
  /** The lexer's channel for doc comments (combined grammars cannot name it). */
  private static final int DOC_CHANNEL = 2;

  private final TokenSpans spans;
  private final BufferedTokenStream tokens;
  private final DiagnosticCollector diagnostics;

  AstBuilder(TokenSpans spans, BufferedTokenStream tokens, DiagnosticCollector diagnostics) {
    this.spans = spans;
    this.tokens = tokens;
    this.diagnostics = diagnostics;
  }

  SynapseDecl build(CleftParser.CompilationUnitContext tree) {
    return visitSynapse(tree.synapse());
  }

  // ------------------------------------------------------------------------------------------
  // Structure

  @Override
  public SynapseDecl visitSynapse(CleftParser.SynapseContext context) {
    List<Section> sections =
        context.section().stream().map(section -> (Section) visit(section)).toList();
    return new SynapseDecl(
        identifier(context.name), docCommentBefore(context.getStart()), sections, span(context));
  }

  @Override
  public Section visitParametersSection(CleftParser.ParametersSectionContext context) {
    return declarations(Section.DeclarationKind.PARAMETERS, context.declaration(), context);
  }

  @Override
  public Section visitConstantsSection(CleftParser.ConstantsSectionContext context) {
    return declarations(Section.DeclarationKind.CONSTANTS, context.declaration(), context);
  }

  @Override
  public Section visitStatesSection(CleftParser.StatesSectionContext context) {
    return declarations(Section.DeclarationKind.STATES, context.declaration(), context);
  }

  private Section declarations(
      Section.DeclarationKind kind,
      List<CleftParser.DeclarationContext> declarations,
      ParserRuleContext context) {
    return new Section.Declarations(
        kind, declarations.stream().map(this::visitDeclaration).toList(), span(context));
  }

  @Override
  public Section visitUpdateSection(CleftParser.UpdateSectionContext context) {
    return new Section.Update(
        context.updateStatement().stream().map(s -> (UpdateStatement) visit(s)).toList(),
        span(context));
  }

  @Override
  public Section visitInitialSection(CleftParser.InitialSectionContext context) {
    return new Section.Initial(statements(context.statement()), span(context));
  }

  @Override
  public Section visitHandlerSection(CleftParser.HandlerSectionContext context) {
    return new Section.Handler(
        identifier(context.event),
        context.arguments.stream().map(this::visitHandlerArgument).toList(),
        statements(context.statement()),
        span(context));
  }

  @Override
  public Section.HandlerArgument visitHandlerArgument(CleftParser.HandlerArgumentContext context) {
    return new Section.HandlerArgument(
        identifier(context.name), Optional.ofNullable(context.unit()).map(this::visitUnit), span(context));
  }

  @Override
  public Section visitCurrentSection(CleftParser.CurrentSectionContext context) {
    return new Section.Current(Optional.of(expression(context.value)), List.of(), span(context));
  }

  @Override
  public Section visitCurrentBlockSection(CleftParser.CurrentBlockSectionContext context) {
    return new Section.Current(Optional.empty(), statements(context.statement()), span(context));
  }

  // ------------------------------------------------------------------------------------------
  // Statements of initial, handlers and the current block

  private List<Statement> statements(List<CleftParser.StatementContext> statements) {
    return statements.stream().map(s -> (Statement) visit(s)).toList();
  }

  @Override
  public Statement visitAssignStatement(CleftParser.AssignStatementContext context) {
    Statement.AssignmentOperator operator =
        switch (context.operator.getType()) {
          case CleftLexer.PLUS_ASSIGN -> Statement.AssignmentOperator.ADD;
          case CleftLexer.MINUS_ASSIGN -> Statement.AssignmentOperator.SUBTRACT;
          default -> Statement.AssignmentOperator.SET;
        };
    return new Statement.Assignment(identifier(context.name), operator, expression(context.value), span(context));
  }

  @Override
  public Statement visitEquationStatement(CleftParser.EquationStatementContext context) {
    return new Statement.Equation(
        identifier(context.name),
        expression(context.value),
        Optional.ofNullable(context.method).map(this::identifier),
        span(context));
  }

  @Override
  public Statement visitConditionalStatement(CleftParser.ConditionalStatementContext context) {
    return visitIfStatement(context.ifStatement());
  }

  @Override
  public Statement visitIfStatement(CleftParser.IfStatementContext context) {
    List<Statement> whenFalse =
        context.elseIf != null ? List.of(visitIfStatement(context.elseIf)) : statements(context.whenFalse);
    return new Statement.If(expression(context.condition), statements(context.whenTrue), whenFalse, span(context));
  }

  @Override
  public Declaration visitDeclaration(CleftParser.DeclarationContext context) {
    return new Declaration(
        identifier(context.name),
        visitSignedNumber(context.value),
        Optional.ofNullable(context.unit()).map(this::visitUnit),
        Optional.ofNullable(context.range()).map(this::visitRange),
        Optional.ofNullable(context.doc).map(AstBuilder::unquote),
        docCommentBefore(context.getStart()),
        span(context),
        Optional.ofNullable(context.shared).map(this::span));
  }

  @Override
  public Declaration.ValueRange visitRange(CleftParser.RangeContext context) {
    return new Declaration.ValueRange(
        (Declaration.Bound) visit(context.lower), (Declaration.Bound) visit(context.upper), span(context));
  }

  @Override
  public Declaration.Bound visitFiniteBound(CleftParser.FiniteBoundContext context) {
    return new Declaration.Bound(
        Optional.of(visitSignedNumber(context.signedNumber())), false, span(context));
  }

  @Override
  public Declaration.Bound visitInfiniteBound(CleftParser.InfiniteBoundContext context) {
    boolean negative = context.sign != null && context.sign.getType() == CleftLexer.MINUS;
    return new Declaration.Bound(Optional.empty(), negative, span(context));
  }

  @Override
  public NumberText visitSignedNumber(CleftParser.SignedNumberContext context) {
    String sign = context.sign != null && context.sign.getType() == CleftLexer.MINUS ? "-" : "";
    return new NumberText(sign + context.NUMBER().getText(), span(context));
  }

  @Override
  public UpdateStatement visitAssignment(CleftParser.AssignmentContext context) {
    return new UpdateStatement.Assignment(
        identifier(context.name), expression(context.value), span(context));
  }

  @Override
  public UpdateStatement visitDifferentialEquation(
      CleftParser.DifferentialEquationContext context) {
    return new UpdateStatement.DifferentialEquation(
        identifier(context.name),
        expression(context.value),
        Optional.ofNullable(context.method).map(this::identifier),
        span(context));
  }

  @Override
  public UpdateStatement visitKineticScheme(CleftParser.KineticSchemeContext context) {
    return new UpdateStatement.KineticScheme(
        Optional.ofNullable(context.method).map(this::identifier),
        context.reactions.stream().map(this::visitReaction).toList(),
        context.laws.stream().map(this::visitConservation).toList(),
        span(context));
  }

  @Override
  public UpdateStatement.Reaction visitReaction(CleftParser.ReactionContext context) {
    return new UpdateStatement.Reaction(
        identifier(context.from),
        identifier(context.to),
        expression(context.forward),
        Optional.ofNullable(context.backward).map(this::expression),
        span(context));
  }

  @Override
  public UpdateStatement.Conservation visitConservation(CleftParser.ConservationContext context) {
    return new UpdateStatement.Conservation(expression(context.sum), expression(context.total), span(context));
  }

  // ------------------------------------------------------------------------------------------
  // Units

  @Override
  public UnitExpression visitUnit(CleftParser.UnitContext context) {
    List<CleftParser.UnitFactorContext> factors = context.unitFactor();
    UnitExpression result = (UnitExpression) visit(factors.get(0));
    for (int i = 1; i < factors.size(); i++) {
      UnitExpression right = (UnitExpression) visit(factors.get(i));
      SourceSpan span = result.span().to(right.span());
      result =
          context.operators.get(i - 1).getType() == CleftLexer.STAR
              ? new UnitExpression.Product(result, right, span)
              : new UnitExpression.Quotient(result, right, span);
    }
    return result;
  }

  @Override
  public UnitExpression visitUnitSymbol(CleftParser.UnitSymbolContext context) {
    UnitExpression symbol = new UnitExpression.Symbol(context.symbol.getText(), span(context.symbol));
    return withExponent(symbol, context.exponent, context);
  }

  @Override
  public UnitExpression visitUnitOne(CleftParser.UnitOneContext context) {
    if (!context.one.getText().equals("1")) {
      diagnostics.error(
          DiagnosticCode.INVALID_UNIT_NUMBER,
          span(context.one),
          "'" + context.one.getText() + "' cannot appear in a unit; the only number allowed is 1, as in '1/ms'");
    }
    return new UnitExpression.One(span(context));
  }

  @Override
  public UnitExpression visitUnitGroup(CleftParser.UnitGroupContext context) {
    return withExponent(visitUnit(context.unit()), context.exponent, context);
  }

  private UnitExpression withExponent(
      UnitExpression base, CleftParser.SignedIntegerContext exponent, ParserRuleContext context) {
    if (exponent == null) {
      return base;
    }
    String digits = exponent.NUMBER().getText();
    boolean negative = exponent.sign != null && exponent.sign.getType() == CleftLexer.MINUS;
    // Digits only (the grammar's NUMBER may have a point or an exponent); a long run of digits
    // is out of range without being parsed.
    String magnitude = digits.replaceFirst("^0+(?=.)", "");
    int value;
    if (magnitude.matches("[0-9]{1,9}") && Integer.parseInt(magnitude) <= Limits.MAX_UNIT_EXPONENT) {
      value = Integer.parseInt(magnitude);
    } else {
      diagnostics.error(
          DiagnosticCode.INVALID_UNIT_NUMBER,
          span(exponent),
          "a unit exponent must be a whole number from -" + Limits.MAX_UNIT_EXPONENT + " to "
              + Limits.MAX_UNIT_EXPONENT + ", not '" + exponent.getText() + "'");
      value = 1;
    }
    return new UnitExpression.Power(base, negative ? -value : value, span(context));
  }

  // ------------------------------------------------------------------------------------------
  // Expressions

  private Expression expression(CleftParser.ExpressionContext context) {
    return (Expression) visit(context);
  }

  @Override
  public Expression visitNumberLiteral(CleftParser.NumberLiteralContext context) {
    return new Expression.NumberLiteral(
        new NumberText(context.NUMBER().getText(), span(context.NUMBER().getSymbol())),
        Optional.ofNullable(context.unit()).map(this::visitUnit),
        span(context));
  }

  @Override
  public Expression visitNameReference(CleftParser.NameReferenceContext context) {
    return new Expression.NameReference(context.name.getText(), span(context));
  }

  @Override
  public Expression visitCall(CleftParser.CallContext context) {
    return new Expression.Call(
        identifier(context.function),
        context.arguments.stream().map(this::expression).toList(),
        span(context));
  }

  @Override
  public Expression visitParenthesized(CleftParser.ParenthesizedContext context) {
    return expression(context.inner);
  }

  @Override
  public Expression visitPower(CleftParser.PowerContext context) {
    return new Expression.Binary(
        Expression.BinaryOperator.POWER,
        expression(context.base),
        expression(context.exponent),
        span(context));
  }

  @Override
  public Expression visitUnary(CleftParser.UnaryContext context) {
    Expression.UnaryOperator operator =
        context.operator.getType() == CleftLexer.MINUS
            ? Expression.UnaryOperator.MINUS
            : Expression.UnaryOperator.PLUS;
    return new Expression.Unary(operator, expression(context.operand), span(context));
  }

  @Override
  public Expression visitMultiplicative(CleftParser.MultiplicativeContext context) {
    Expression.BinaryOperator operator =
        context.operator.getType() == CleftLexer.STAR
            ? Expression.BinaryOperator.MULTIPLY
            : Expression.BinaryOperator.DIVIDE;
    return binary(operator, context.left, context.right, context);
  }

  @Override
  public Expression visitAdditive(CleftParser.AdditiveContext context) {
    Expression.BinaryOperator operator =
        context.operator.getType() == CleftLexer.PLUS
            ? Expression.BinaryOperator.ADD
            : Expression.BinaryOperator.SUBTRACT;
    return binary(operator, context.left, context.right, context);
  }

  private Expression binary(
      Expression.BinaryOperator operator,
      CleftParser.ExpressionContext left,
      CleftParser.ExpressionContext right,
      ParserRuleContext context) {
    return new Expression.Binary(operator, expression(left), expression(right), span(context));
  }

  @Override
  public Expression visitComparison(CleftParser.ComparisonContext context) {
    return new Expression.Comparison(
        comparisonOperator(context.operator),
        expression(context.left),
        expression(context.right),
        span(context));
  }

  private static Expression.ComparisonOperator comparisonOperator(Token token) {
    return switch (token.getType()) {
      case CleftLexer.LT -> Expression.ComparisonOperator.LESS;
      case CleftLexer.LE -> Expression.ComparisonOperator.LESS_OR_EQUAL;
      case CleftLexer.GT -> Expression.ComparisonOperator.GREATER;
      case CleftLexer.GE -> Expression.ComparisonOperator.GREATER_OR_EQUAL;
      case CleftLexer.EQ -> Expression.ComparisonOperator.EQUAL;
      case CleftLexer.NE -> Expression.ComparisonOperator.NOT_EQUAL;
      default -> throw new IllegalStateException("not a comparison: " + token.getText());
    };
  }

  @Override
  public Expression visitNot(CleftParser.NotContext context) {
    return new Expression.Not(expression(context.operand), span(context));
  }

  @Override
  public Expression visitAnd(CleftParser.AndContext context) {
    return new Expression.Logical(
        Expression.LogicalOperator.AND, expression(context.left), expression(context.right), span(context));
  }

  @Override
  public Expression visitOr(CleftParser.OrContext context) {
    return new Expression.Logical(
        Expression.LogicalOperator.OR, expression(context.left), expression(context.right), span(context));
  }

  @Override
  public Expression visitConditional(CleftParser.ConditionalContext context) {
    return new Expression.Conditional(
        expression(context.condition),
        expression(context.whenTrue),
        expression(context.whenFalse),
        span(context));
  }

  // ------------------------------------------------------------------------------------------
  // Tokens and positions

  private Identifier identifier(Token token) {
    return new Identifier(token.getText(), span(token));
  }

  private SourceSpan span(Token token) {
    return spans.of(token);
  }

  private SourceSpan span(ParserRuleContext context) {
    return spans.of(context);
  }

  /** The text of the {@code /** ... *}{@code /} comment right before {@code token}, if any. */
  private Optional<String> docCommentBefore(Token token) {
    List<Token> hidden = tokens.getHiddenTokensToLeft(token.getTokenIndex(), DOC_CHANNEL);
    if (hidden == null || hidden.isEmpty()) {
      return Optional.empty();
    }
    String raw = hidden.get(hidden.size() - 1).getText();
    String body = raw.substring(3, raw.length() - 2);
    StringBuilder text = new StringBuilder();
    for (String line : body.split("\\R", -1)) {
      String stripped = line.strip();
      if (stripped.startsWith("*")) {
        stripped = stripped.substring(1).strip();
      }
      if (text.length() > 0) {
        text.append('\n');
      }
      text.append(stripped);
    }
    return Optional.of(text.toString().strip());
  }

  private static String unquote(Token string) {
    String body = string.getText().substring(1, string.getText().length() - 1);
    StringBuilder out = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\' && i + 1 < body.length()) {
        char next = body.charAt(++i);
        out.append(
            switch (next) {
              case 'n' -> '\n';
              case 't' -> '\t';
              default -> next;
            });
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
