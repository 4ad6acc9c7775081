package io.cleft.compiler.parse;

import io.cleft.compiler.source.LineMap;
import io.cleft.compiler.source.SourceFile;
import io.cleft.compiler.source.SourceSpan;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Where tokens are in the file. Positions come from the tokens' code point offsets through the
 * file's {@link LineMap}, never from ANTLR's own line and column: ANTLR counts only {@code \n}
 * as a line break, so a file with {@code \r} line endings would be one long line to it.
 */
final class TokenSpans {
  private final SourceFile file;
  private final LineMap lines;

  TokenSpans(SourceFile file) {
    this.file = file;
    this.lines = file.lines();
  }

  /** The span of {@code token}, at least one column wide (the end of file is one column). */
  SourceSpan of(Token token) {
    int start = token.getStartIndex();
    int end = Math.max(start + 1, token.getStopIndex() + 1);
    return between(start, end);
  }

  /** From the start of {@code context}'s first token to the end of its last. */
  SourceSpan of(ParserRuleContext context) {
    SourceSpan start = of(context.getStart());
    Token stop = context.getStop();
    if (stop == null || stop.getTokenIndex() < context.getStart().getTokenIndex()) {
      return start;
    }
    return start.to(of(stop));
  }

  /** The first {@code length} code points of {@code token}. */
  SourceSpan head(Token token, int length) {
    return between(token.getStartIndex(), token.getStartIndex() + length);
  }

  /** The one column right after {@code token}, where something it should be followed by is missing. */
  SourceSpan after(Token token) {
    int end = token.getStopIndex() + 1;
    return between(end, end + 1);
  }

  /** The 1-based line {@code token} starts on. */
  int lineOf(Token token) {
    return lines.lineOf(token.getStartIndex());
  }

  /** Code point offsets {@code start} (inclusive) to {@code end} (exclusive). */
  private SourceSpan between(int start, int end) {
    return new SourceSpan(
        file, lines.lineOf(start), lines.columnOf(start), lines.lineOf(end), lines.columnOf(end));
  }
}
