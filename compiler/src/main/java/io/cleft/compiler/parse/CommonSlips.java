package io.cleft.compiler.parse;

import io.cleft.compiler.diagnostic.Spelling;
import io.cleft.compiler.model.OdeMethod;
import io.cleft.compiler.source.SourceSpan;
import io.cleft.compiler.units.UnitTable;
import io.cleft.grammar.CleftLexer;
import io.cleft.grammar.CleftParser;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Recognises, at a syntax error, the slips a modeller commonly makes, so that the message says
 * what is missing where ANTLR would only list the tokens it could have taken:
 *
 * <ul>
 *   <li>a missing {@code =} after the name of a statement or declaration ({@code s sigmoid(x)}),
 *       or {@code ==} written for it, and {@code =} written for {@code ==};
 *   <li>a misspelt or missing {@code using};
 *   <li>{@code using} without a method name;
 *   <li>a unit written before a declaration's value ({@code tau = ms 5}), or in brackets;
 *   <li>a valid range without {@code in}, a documentation string in single quotes, an equation
 *       among declarations;
 *   <li>{@code using} after a next value ({@code s = ... using euler}), where {@code s'} was meant;
 *   <li>the end of the file inside a section or the synapse, whose {@code }} is missing;
 *   <li>a {@code (} that is never closed;
 *   <li>Brian2's {@code (shared)} flag after a declaration, where cleft writes {@code shared}
 *       before the name;
 *   <li>a block named as NMODL or Brian2 name it ({@code NET_RECEIVE}, {@code on_pre},
 *       {@code BREAKPOINT}, ...).
 * </ul>
 */
final class CommonSlips {
  /** What to report instead of ANTLR's view: where, and the whole message. */
  record Explanation(SourceSpan span, String message) {}

  private final Parser parser;
  private final TokenSpans spans;

  CommonSlips(Parser parser, TokenSpans spans) {
    this.parser = parser;
    this.spans = spans;
  }

  /**
   * @param at where the listener would report the error: {@code offending}, or right after the
   *     last token at the end of the file
   * @param unexpected "unexpected X, expected Y" as the listener words it, which most slips
   *     extend with a hint
   */
  Optional<Explanation> explain(Token offending, IntervalSet expected, SourceSpan at, String unexpected) {
    TokenStream tokens = parser.getTokenStream();
    Token before = SyntaxErrorListener.previous(tokens, offending);
    if (before != null && before.getType() == CleftLexer.USING && expected.contains(CleftLexer.IDENTIFIER)) {
      return Optional.of(new Explanation(
          spans.after(before),
          "expected the name of an integration method after 'using': write 'using exponential_euler' or 'using euler'"));
    }
    Optional<Explanation> missingAssign = missingAssign(offending, before, at);
    if (missingAssign.isPresent()) {
      return missingAssign;
    }
    if (offending.getType() == CleftLexer.IDENTIFIER && expected.contains(CleftLexer.ON)) {
      Optional<String> peer = peerBlock(offending.getText());
      if (peer.isPresent()) {
        return Optional.of(new Explanation(at, unexpected + " (" + peer.get() + ")"));
      }
    }
    Optional<String> nextValue = lastNextValueOrLocal();
    if (offending.getType() == CleftLexer.USING && nextValue.isPresent()) {
      return Optional.of(new Explanation(at, "unexpected keyword 'using' after '" + nextValue.get() + " = ...': only"
          + " an equation has a method; write " + nextValue.get() + "' = ... for a derivative, or leave out 'using'"));
    }
    boolean inDeclarations = enclosing(CleftParser.ParametersSectionContext.class).isPresent()
        || enclosing(CleftParser.ConstantsSectionContext.class).isPresent()
        || enclosing(CleftParser.StatesSectionContext.class).isPresent();
    if (inDeclarations && offending.getType() == CleftLexer.PRIME && !expected.contains(CleftLexer.NUMBER)
        && singleQuoted(offending)) {
      return Optional.of(new Explanation(at, unexpected + " (a documentation string is written in double quotes)"));
    }
    if (inDeclarations && offending.getType() == CleftLexer.LPAREN && followedByShared(tokens, offending)) {
      return Optional.of(new Explanation(at, unexpected + " (Brian2's '(shared)' flag: in cleft 'shared' goes before"
          + " the parameter's name, as in 'shared tau = 5 ms')"));
    }
    if (inDeclarations && offending.getType() == CleftLexer.LBRACKET) {
      Optional<String> bracketed = unitInBrackets(offending);
      boolean unitInBrackets = before != null && before.getType() == CleftLexer.NUMBER && bracketed.isPresent();
      return Optional.of(new Explanation(at, unexpected + (unitInBrackets
          ? " (a declaration's unit goes without brackets, as in '" + declaredName(before).map(n -> n + " ").orElse("")
              + "= " + before.getText() + " " + bracketed.get() + "')"
          : " (a valid range is written 'in [lower, upper]')")));
    }
    if (offending.getType() == CleftLexer.ASSIGN
        && !expected.contains(CleftLexer.ASSIGN)
        && endsOperand(before)
        && enclosing(CleftParser.ExpressionContext.class).isPresent()) {
      return Optional.of(new Explanation(at, unexpected + " (write '==' to compare)"));
    }
    if (offending.getType() == CleftLexer.IDENTIFIER
        && expected.contains(CleftLexer.NUMBER)
        && UnitTable.lookup(offending.getText()).isPresent()) {
      Optional<CleftParser.DeclarationContext> declaration = enclosing(CleftParser.DeclarationContext.class);
      if (declaration.isPresent()) {
        String value = valueAfter(tokens, offending);
        return Optional.of(new Explanation(at, unexpected + " (the value comes first, then its unit, as in '"
            + declaration.get().getStart().getText() + " = " + value + " " + offending.getText() + "')"));
      }
    }
    if (offending.getType() == Token.EOF && expected.contains(CleftLexer.RBRACE)) {
      Optional<Token> open = innermostOpenBrace();
      if (open.isPresent()) {
        return Optional.of(new Explanation(at, unexpected + " (is the '}' that closes '" + open.get().getText()
            + "' at line " + spans.lineOf(open.get()) + " missing?)"));
      }
    }
    if (expected.contains(CleftLexer.RPAREN)) {
      Optional<Token> open = unclosedParenthesis(offending);
      if (open.isPresent()) {
        SourceSpan parenthesis = spans.of(open.get());
        return Optional.of(new Explanation(at, unexpected + " (is the ')' for the '(' at " + parenthesis.line()
            + ":" + parenthesis.column() + " missing?)"));
      }
    }
    return Optional.empty();
  }

  /** How cleft writes a block that NMODL or Brian2 users write under another name. */
  private static Optional<String> peerBlock(String word) {
    return switch (word.toLowerCase(java.util.Locale.ROOT)) {
      case "net_receive" -> Optional.of("NMODL's NET_RECEIVE(weight) is 'on pre(weight uS) { ... }' in cleft");
      case "on_pre", "onpre" -> Optional.of("Brian2's on_pre is 'on pre { ... }' in cleft");
      case "on_post", "onpost" -> Optional.of("Brian2's on_post is 'on post { ... }' in cleft");
      case "breakpoint" -> Optional.of("NMODL's BREAKPOINT is 'current = ...' or 'current { ... i = ... }' in cleft");
      case "derivative" -> Optional.of("equations go in 'update { x' = ... using method }' in cleft");
      case "kinetic" -> Optional.of("a kinetic scheme goes in 'update { kinetic using method { C <-> O (kf, kb) } }' in cleft");
      case "initial" -> Optional.of("the initial block is written 'initial { ... }', in lower case");
      default -> Optional.empty();
    };
  }

  /**
   * "expected '=' after 'name'" when {@code offending} follows the name (or {@code name'}) that
   * starts a statement or declaration, where only {@code =} (or {@code '}) can come. A "name"
   * on the line of the statement before it is rather a misspelt {@code using} or a word after
   * an expression that lacks an operator.
   */
  private Optional<Explanation> missingAssign(Token offending, Token before, SourceSpan at) {
    if (before == null || offending.getType() == CleftLexer.ASSIGN) {
      return Optional.empty();
    }
    TokenStream tokens = parser.getTokenStream();
    boolean afterPrime = before.getType() == CleftLexer.PRIME;
    Token name = afterPrime ? SyntaxErrorListener.previous(tokens, before) : before;
    if (name == null || name.getType() != CleftLexer.IDENTIFIER || !startsStatement(name)) {
      return Optional.empty();
    }
    // The end of the statement before, if the name follows one on the same line.
    Token end = SyntaxErrorListener.previous(tokens, name);
    if (end != null && (end.getType() == CleftLexer.LBRACE || spans.lineOf(end) != spans.lineOf(name))) {
      end = null;
    }
    Optional<CleftParser.SectionContext> section = enclosing(CleftParser.SectionContext.class);
    boolean declaration = enclosing(CleftParser.DeclarationContext.class).isPresent();
    if (declaration && offending.getType() == CleftLexer.PRIME && section.isPresent()) {
      return Optional.of(new Explanation(at, "unexpected ''' after '" + name.getText() + "' in '"
          + section.get().getStart().getText() + "': equations go in the 'update' section"));
    }
    if (!afterPrime && declaration && end != null) {
      return Optional.of(new Explanation(spans.of(name), "unexpected '" + name.getText() + "' after a declaration;"
          + " a declaration is 'name = value unit in [lower, upper] \"documentation\"'"));
    }
    if (!afterPrime && end != null) {
      String hint =
          OdeMethod.named(name.getText()).isPresent() ? " (is 'using' missing before it?)"
              : meansUsing(name.getText()) ? " (did you mean 'using'?)"
              : " (is an operator missing before it?)";
      return Optional.of(new Explanation(spans.of(name), "unexpected '" + name.getText() + "'" + hint));
    }
    String expected =
        afterPrime ? "'=' after " + name.getText() + "'"
            : declaration ? "'=' after '" + name.getText() + "'"
            : "'=' or \"'\" after '" + name.getText() + "'";
    String found = offending.getType() == Token.EOF ? "end of file" : "'" + offending.getText() + "'";
    String hint = offending.getType() == CleftLexer.EQ ? " ('==' compares; write '=' to give a value)" : "";
    return Optional.of(new Explanation(at, "unexpected " + found + ", expected " + expected + hint));
  }

  /** The signed number right after the offending token (a unit), as in {@code ms -5}, if there is one. */
  private static String valueAfter(TokenStream tokens, Token unit) {
    if (tokens.LT(1) != unit) {
      return "<number>";
    }
    Token next = tokens.LT(2);
    if (next != null && next.getType() == CleftLexer.NUMBER) {
      return next.getText();
    }
    Token number = tokens.LT(3);
    boolean signed = next != null && (next.getType() == CleftLexer.MINUS || next.getType() == CleftLexer.PLUS);
    return signed && number != null && number.getType() == CleftLexer.NUMBER
        ? next.getText() + number.getText()
        : "<number>";
  }

  /**
   * The text between {@code open} ('[') and the next ']', without blanks, if it can be a unit:
   * no comma (which would make it a range).
   */
  private Optional<String> unitInBrackets(Token open) {
    // Look ahead with LT: the stream has lexed only as far as the parser has looked.
    TokenStream tokens = parser.getTokenStream();
    if (tokens.LT(1) != open) {
      return Optional.empty();
    }
    StringBuilder unit = new StringBuilder();
    for (int k = 2; ; k++) {
      Token token = tokens.LT(k);
      if (token.getType() == CleftLexer.RBRACKET) {
        return unit.length() > 0 ? Optional.of(unit.toString()) : Optional.empty();
      }
      if (token.getType() == CleftLexer.COMMA || token.getType() == Token.EOF || k > 64) {
        return Optional.empty();
      }
      unit.append(token.getText());
    }
  }

  /** Whether {@code token} can end an operand, so that a comparison could follow it. */
  private static boolean endsOperand(Token token) {
    return token != null
        && Set.of(CleftLexer.IDENTIFIER, CleftLexer.NUMBER, CleftLexer.RPAREN, CleftLexer.RBRACKET)
            .contains(token.getType());
  }

  /** Whether {@code quote} (a prime) opens words that another prime closes on the same line: {@code 'a b'}. */
  private boolean singleQuoted(Token quote) {
    TokenStream tokens = parser.getTokenStream();
    if (tokens.LT(1) != quote) {
      return false;
    }
    for (int k = 2; k < 64; k++) {
      Token token = tokens.LT(k);
      if (token.getType() == Token.EOF || spans.lineOf(token) != spans.lineOf(quote)) {
        return false;
      }
      if (token.getType() == CleftLexer.PRIME) {
        return k > 2;
      }
    }
    return false;
  }

  /**
   * Whether the next token on the default channel after {@code token}, the one the parser is
   * at, is {@code shared}; the stream looks ahead (LT skips the comment channel).
   */
  private static boolean followedByShared(TokenStream tokens, Token token) {
    if (tokens.index() != token.getTokenIndex()) {
      return false;
    }
    Token next = tokens.LT(2);
    return next != null && next.getType() == CleftLexer.SHARED;
  }

  /** The name declared by the declaration whose value is {@code number}: the name before its '='. */
  private Optional<String> declaredName(Token number) {
    TokenStream tokens = parser.getTokenStream();
    Token token = SyntaxErrorListener.previous(tokens, number);
    if (token != null && (token.getType() == CleftLexer.MINUS || token.getType() == CleftLexer.PLUS)) {
      token = SyntaxErrorListener.previous(tokens, token);
    }
    if (token == null || token.getType() != CleftLexer.ASSIGN) {
      return Optional.empty();
    }
    Token name = SyntaxErrorListener.previous(tokens, token);
    return name != null && name.getType() == CleftLexer.IDENTIFIER ? Optional.of(name.getText()) : Optional.empty();
  }

  /**
   * The name of the statement just parsed in the update block, if it is a next value or local
   * ({@code s = ...}): the statement a following {@code using} would belong to.
   */
  private Optional<String> lastNextValueOrLocal() {
    return enclosing(CleftParser.UpdateSectionContext.class)
        .flatMap(section -> section.updateStatement().isEmpty()
            ? Optional.empty()
            : Optional.of(section.updateStatement().get(section.updateStatement().size() - 1)))
        .filter(CleftParser.AssignmentContext.class::isInstance)
        .map(statement -> ((CleftParser.AssignmentContext) statement).name.getText());
  }

  /** Words a modeller may write, or misspell, for {@code using}. */
  private static boolean meansUsing(String word) {
    return Set.of("use", "with", "by", "method").contains(word) || Spelling.closest(word, List.of("using")).isPresent();
  }

  /** Whether {@code name} is the first token of the statement or declaration being parsed. */
  private boolean startsStatement(Token name) {
    for (ParserRuleContext context = parser.getContext(); context != null; context = context.getParent()) {
      if (context instanceof CleftParser.UpdateStatementContext || context instanceof CleftParser.DeclarationContext) {
        return context.getStart() == name;
      }
    }
    return false;
  }

  /** The innermost {@code synapse} or section being parsed, by its keyword, if it has a '{'. */
  private Optional<Token> innermostOpenBrace() {
    for (ParserRuleContext context = parser.getContext(); context != null; context = context.getParent()) {
      boolean braced =
          context instanceof CleftParser.SynapseContext
              || (context instanceof CleftParser.SectionContext
                  && !(context instanceof CleftParser.CurrentSectionContext));
      if (braced) {
        return Optional.of(context.getStart());
      }
    }
    return Optional.empty();
  }

  /**
   * The '(' before {@code offending}, in the statement being parsed, that no ')' closes: the one
   * whose ')' is missing when the parser wanted a ')' at {@code offending}.
   */
  private Optional<Token> unclosedParenthesis(Token offending) {
    int statementStart = 0;
    for (ParserRuleContext context = parser.getContext(); context != null; context = context.getParent()) {
      if (context instanceof CleftParser.UpdateStatementContext
          || context instanceof CleftParser.DeclarationContext
          || context instanceof CleftParser.SectionContext) {
        statementStart = context.getStart().getTokenIndex();
        break;
      }
    }
    TokenStream tokens = parser.getTokenStream();
    int depth = 0;
    for (int i = offending.getTokenIndex() - 1; i >= statementStart; i--) {
      int type = tokens.get(i).getType();
      if (type == CleftLexer.RPAREN) {
        depth++;
      } else if (type == CleftLexer.LPAREN) {
        if (depth == 0) {
          return Optional.of(tokens.get(i));
        }
        depth--;
      }
    }
    return Optional.empty();
  }

  private <T extends ParserRuleContext> Optional<T> enclosing(Class<T> type) {
    for (ParserRuleContext context = parser.getContext(); context != null; context = context.getParent()) {
      if (type.isInstance(context)) {
        return Optional.of(type.cast(context));
      }
    }
    return Optional.empty();
  }
}
