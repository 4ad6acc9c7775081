package io.cleft.compiler.parse;

import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.diagnostic.DiagnosticCollector;
import io.cleft.compiler.diagnostic.VisibleText;
import io.cleft.compiler.source.SourceSpan;
import io.cleft.compiler.units.UnitTable;
import io.cleft.grammar.CleftLexer;
import io.cleft.grammar.CleftParser;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Turns the parser's first syntax error into a diagnostic with our own wording; the common slips
 * get theirs from {@link CommonSlips}. Only the first is kept: after it, ANTLR's recovery mostly
 * reports consequences of the same mistake. Positions come from {@link TokenSpans}, never from
 * ANTLR's line and column.
 *
 * <p>The lexer never fails: characters it cannot use become tokens of their own
 * ({@code UNEXPECTED_CHARACTER}, {@code UNTERMINATED_STRING}, ...), which the parser then rejects
 * here with a message naming what they are.
 */
final class SyntaxErrorListener extends BaseErrorListener {
  private final TokenSpans spans;
  private final DiagnosticCollector diagnostics;
  private boolean reported;

  SyntaxErrorListener(TokenSpans spans, DiagnosticCollector diagnostics) {
    this.spans = spans;
    this.diagnostics = diagnostics;
  }

  boolean reported() {
    return reported;
  }

  @Override
  public void syntaxError(
      Recognizer<?, ?> recognizer,
      Object offendingSymbol,
      int line,
      int charPositionInLine,
      String antlrMessage,
      RecognitionException e) {
    if (reported) {
      return;
    }
    reported = true;
    // ANTLR's line and charPositionInLine count only '\n' as a line break; TokenSpans does not.
    Token token = (Token) offendingSymbol;
    SourceSpan span = spans.of(token);
    switch (token.getType()) {
      case CleftLexer.UNTERMINATED_STRING ->
          diagnostics.error(
              DiagnosticCode.UNTERMINATED_STRING,
              span,
              "unterminated string: a string must end with '\"' on the same line");
      case CleftLexer.UNTERMINATED_COMMENT ->
          diagnostics.error(
              DiagnosticCode.UNTERMINATED_COMMENT,
              spans.head(token, 2),
              "unterminated comment: '/*' has no matching '*/'");
      case CleftLexer.UNEXPECTED_CHARACTER ->
          diagnostics.error(
              DiagnosticCode.UNEXPECTED_CHARACTER,
              span,
              "unexpected character " + VisibleText.quote(token.getText().codePointAt(0))
                  + characterHint(token.getText()));
      default -> {
        Parser parser = (Parser) recognizer;
        Optional<UnitAfterNumber> unitAfterNumber = unitAfterNumber(parser, token, spans);
        if (unitAfterNumber.isPresent()) {
          Token number = unitAfterNumber.get().number();
          Token unit = unitAfterNumber.get().unit();
          diagnostics.error(
              DiagnosticCode.SYNTAX,
              spans.of(unit),
              "unexpected '" + unit.getText() + "' after the number " + number.getText()
                  + "; a unit in an expression goes in brackets, as in '" + number.getText() + " ["
                  + unit.getText() + "]'");
        } else {
          String message = unexpectedTokenMessage(parser, token);
          SourceSpan where = token.getType() == Token.EOF ? endOfFileSpan(parser, token) : span;
          CommonSlips.Explanation explanation =
              new CommonSlips(parser, spans)
                  .explain(token, parser.getExpectedTokens(), where, message)
                  .orElse(new CommonSlips.Explanation(where, message));
          diagnostics.error(DiagnosticCode.SYNTAX, explanation.span(), explanation.message());
        }
      }
    }
  }

  private String unexpectedTokenMessage(Parser parser, Token token) {
    IntervalSet expected = parser.getExpectedTokens();
    Vocabulary vocabulary = parser.getVocabulary();
    String found = describe(token, vocabulary);
    String expectation = describeExpected(expected, vocabulary);
    String message = "unexpected " + found + (expectation.isEmpty() ? "" : ", expected " + expectation);
    Optional<ParserRuleContext> openSection = sectionMissingItsBrace(parser, token, expected);
    if (openSection.isPresent()) {
      Token keyword = openSection.get().getStart();
      message += " (is the '}' that closes '" + keyword.getText() + "' at line " + spans.lineOf(keyword) + " missing?)";
    } else if (expected.contains(CleftLexer.IDENTIFIER) && isKeyword(token)) {
      message += " ('" + token.getText() + "' is a keyword and cannot be used as a name)";
    } else if (token.getType() == CleftLexer.STAR
        && adjacentAfter(previous(parser.getTokenStream(), token), token, CleftLexer.STAR)) {
      message += " (write '^' for a power)";
    }
    return message;
  }

  /**
   * A section keyword where a section's closing brace could have been: {@code states} inside
   * an unclosed {@code parameters} section, or {@code current =} inside an unclosed
   * {@code update}. The section that is still open, if that is what happened.
   */
  private static Optional<ParserRuleContext> sectionMissingItsBrace(Parser parser, Token token, IntervalSet expected) {
    boolean sectionKeyword = token.getType() >= CleftLexer.PARAMETERS && token.getType() <= CleftLexer.CURRENT;
    if (!sectionKeyword || !expected.contains(CleftLexer.RBRACE)) {
      return Optional.empty();
    }
    Token next = parser.getTokenStream().LT(2);
    boolean startsSection =
        token.getType() == CleftLexer.CURRENT
            ? next != null && next.getType() == CleftLexer.ASSIGN
            : next != null && next.getType() == CleftLexer.LBRACE;
    if (!startsSection || parser.getTokenStream().LT(1) != token) {
      return Optional.empty();
    }
    for (ParserRuleContext context = parser.getContext(); context != null; context = context.getParent()) {
      if (context instanceof CleftParser.SectionContext) {
        return Optional.of(context);
      }
    }
    return Optional.empty();
  }

  /** A number in an expression followed by a unit symbol outside brackets. */
  private record UnitAfterNumber(Token number, Token unit) {}

  /**
   * {@code 10 mV} in an expression, where the unit must be written {@code 10 [mV]}: the number
   * and the unit, if the error is at the unit or right after it (where the parser took the unit
   * for the name that starts the next statement).
   */
  private static Optional<UnitAfterNumber> unitAfterNumber(Parser parser, Token offending, TokenSpans spans) {
    TokenStream tokens = parser.getTokenStream();
    Token unit = offending;
    for (int attempt = 0; attempt < 2 && unit != null; attempt++) {
      Token number = previous(tokens, unit);
      if (number != null
          && number.getType() == CleftLexer.NUMBER
          && unit.getType() == CleftLexer.IDENTIFIER
          && spans.lineOf(unit) == spans.lineOf(number)
          && UnitTable.lookup(unit.getText()).isPresent()
          && isExpressionLiteral(parser, number)) {
        return Optional.of(new UnitAfterNumber(number, unit));
      }
      unit = previous(tokens, unit);
    }
    return Optional.empty();
  }

  /**
   * Whether the parser read {@code number} as a literal in an expression (not a declaration's
   * value). The tree is searched from every open rule outward: ANTLR attaches the contexts of a
   * left-recursive rule to their parent only when the rule returns.
   */
  private static boolean isExpressionLiteral(Parser parser, Token number) {
    for (ParserRuleContext context = parser.getContext(); context != null; context = context.getParent()) {
      Optional<TerminalNode> node = terminal(context, number.getTokenIndex());
      if (node.isPresent()) {
        return node.get().getParent() instanceof CleftParser.NumberLiteralContext;
      }
    }
    return false;
  }

  private static Optional<TerminalNode> terminal(ParseTree tree, int tokenIndex) {
    if (tree instanceof TerminalNode terminal) {
      return terminal.getSymbol().getTokenIndex() == tokenIndex ? Optional.of(terminal) : Optional.empty();
    }
    for (int i = 0; i < tree.getChildCount(); i++) {
      Optional<TerminalNode> found = terminal(tree.getChild(i), tokenIndex);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** The token before {@code token} that the parser sees (comments and blanks skipped). */
  static Token previous(TokenStream tokens, Token token) {
    for (int i = token.getTokenIndex() - 1; i >= 0; i--) {
      Token candidate = tokens.get(i);
      if (candidate.getChannel() == Token.DEFAULT_CHANNEL) {
        return candidate;
      }
    }
    return null;
  }

  private static boolean adjacentAfter(Token before, Token token, int type) {
    return before != null && before.getType() == type && before.getStopIndex() + 1 == token.getStartIndex();
  }

  /**
   * Where to report an unexpected end of file: right after the last token, on the line where
   * the text stops, rather than on the empty line after it (which is not in the file). The last
   * token may be a comment: a file of nothing but a doc comment ends after its {@code *}{@code /}.
   */
  private SourceSpan endOfFileSpan(Parser parser, Token eof) {
    Token last = previous(parser.getTokenStream(), eof);
    if (last == null) {
      last = lastNonBlank(parser.getTokenStream(), eof);
    }
    return last == null ? spans.of(eof) : spans.after(last);
  }

  /** The last token before {@code token} on any channel that is not whitespace, if any. */
  private static Token lastNonBlank(TokenStream tokens, Token token) {
    for (int i = token.getTokenIndex() - 1; i >= 0; i--) {
      Token candidate = tokens.get(i);
      if (candidate.getType() != CleftLexer.WHITESPACE) {
        return candidate;
      }
    }
    return null;
  }

  private static String describe(Token token, Vocabulary vocabulary) {
    if (token.getType() == Token.EOF) {
      return "end of file";
    }
    if (isKeyword(token)) {
      return "keyword '" + token.getText() + "'";
    }
    return "'" + token.getText() + "'";
  }

  private static boolean isKeyword(Token token) {
    return token.getType() >= CleftLexer.SYNAPSE && token.getType() <= CleftLexer.NOT;
  }

  /**
   * Names the expected tokens the way a user thinks of them: the start of an expression is
   * "an expression", not a list of eleven tokens.
   */
  private static String describeExpected(IntervalSet expected, Vocabulary vocabulary) {
    Set<Integer> types = new LinkedHashSet<>(expected.toList());
    List<String> names = new ArrayList<>();
    Set<Integer> expressionStart =
        Set.of(
            CleftLexer.NUMBER,
            CleftLexer.IDENTIFIER,
            CleftLexer.LPAREN,
            CleftLexer.MINUS,
            CleftLexer.PLUS,
            CleftLexer.NOT,
            CleftLexer.IF);
    if (types.contains(CleftLexer.IDENTIFIER)) {
      // 'shared' only prefixes a declaration's name: "a name" already says what may come.
      types.remove(CleftLexer.SHARED);
    }
    if (types.containsAll(expressionStart)) {
      types.removeAll(expressionStart);
      names.add("an expression");
    }
    for (int type : types) {
      names.add(nameOf(type, vocabulary));
    }
    if (names.size() > 8) {
      return "";
    }
    if (names.size() <= 1) {
      return String.join("", names);
    }
    return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
  }

  private static String nameOf(int type, Vocabulary vocabulary) {
    return switch (type) {
      case Token.EOF -> "end of file";
      case CleftLexer.NUMBER -> "a number";
      case CleftLexer.IDENTIFIER -> "a name";
      case CleftLexer.STRING -> "a string";
      default -> {
        String literal = vocabulary.getLiteralName(type);
        yield literal != null ? literal : vocabulary.getDisplayName(type);
      }
    };
  }

  private static String characterHint(String character) {
    return switch (character) {
      case ";" -> " (statements end at the end of the line; remove the ';')";
      case "#" -> " (comments start with '//')";
      case ":" -> " (a value is given with '=', not ':' or ':=')";
      case "&" -> " (write 'and')";
      case "|" -> " (write 'or')";
      case "!" -> " (write 'not', or '!=' for 'not equal')";
      case "{", "}" -> "";
      default -> "";
    };
  }
}
