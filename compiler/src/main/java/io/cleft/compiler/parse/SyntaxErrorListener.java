package io.cleft.compiler.parse;

import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.diagnostic.DiagnosticCollector;
import io.cleft.grammar.CleftLexer;
import io.cleft.compiler.source.SourceFile;
import io.cleft.compiler.source.SourceSpan;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Turns the parser's first syntax error into a diagnostic with our own wording. Only the first
 * is kept: after it, ANTLR's recovery mostly reports consequences of the same mistake.
 *
 * <p>The lexer never fails: characters it cannot use become tokens of their own
 * ({@code UNEXPECTED_CHARACTER}, {@code UNTERMINATED_STRING}, ...), which the parser then rejects
 * here with a message naming what they are.
 */
final class SyntaxErrorListener extends BaseErrorListener {
  private final SourceFile file;
  private final DiagnosticCollector diagnostics;
  private boolean reported;

  SyntaxErrorListener(SourceFile file, DiagnosticCollector diagnostics) {
    this.file = file;
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
    Token token = (Token) offendingSymbol;
    SourceSpan span = spanOf(token, line, charPositionInLine);
    switch (token.getType()) {
      case CleftLexer.UNTERMINATED_STRING ->
          diagnostics.error(
              DiagnosticCode.UNTERMINATED_STRING,
              span,
              "unterminated string: a string must end with '\"' on the same line");
      case CleftLexer.UNTERMINATED_COMMENT ->
          diagnostics.error(
              DiagnosticCode.UNTERMINATED_COMMENT,
              new SourceSpan(file, line, charPositionInLine + 1, line, charPositionInLine + 3),
              "unterminated comment: '/*' has no matching '*/'");
      case CleftLexer.UNEXPECTED_CHARACTER ->
          diagnostics.error(
              DiagnosticCode.UNEXPECTED_CHARACTER,
              span,
              "unexpected character '" + token.getText() + "'" + characterHint(token.getText()));
      default -> {
        Parser parser = (Parser) recognizer;
        diagnostics.error(
            DiagnosticCode.SYNTAX, span, unexpectedTokenMessage(parser, token));
      }
    }
  }

  private String unexpectedTokenMessage(Parser parser, Token token) {
    IntervalSet expected = parser.getExpectedTokens();
    Vocabulary vocabulary = parser.getVocabulary();
    String found = describe(token, vocabulary);
    String expectation = describeExpected(expected, vocabulary);
    String message = "unexpected " + found + (expectation.isEmpty() ? "" : ", expected " + expectation);
    if (expected.contains(CleftLexer.IDENTIFIER) && isKeyword(token)) {
      message += " ('" + token.getText() + "' is a keyword and cannot be used as a name)";
    }
    return message;
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
      case "&" -> " (write 'and')";
      case "|" -> " (write 'or')";
      case "!" -> " (write 'not', or '!=' for 'not equal')";
      case "{", "}" -> "";
      default -> "";
    };
  }

  private SourceSpan spanOf(Token token, int line, int charPositionInLine) {
    int length = token.getType() == Token.EOF ? 1 : Math.max(1, token.getText().length());
    return new SourceSpan(
        file, line, charPositionInLine + 1, line, charPositionInLine + 1 + length);
  }
}
