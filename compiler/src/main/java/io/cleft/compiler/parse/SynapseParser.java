package io.cleft.compiler.parse;

import io.cleft.compiler.Limits;
import io.cleft.compiler.ast.SynapseDecl;
import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.diagnostic.DiagnosticCollector;
import io.cleft.grammar.CleftLexer;
import io.cleft.grammar.CleftParser;
import io.cleft.compiler.source.SourceFile;
import java.util.Optional;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;

/** Parses one model file into its AST: the only entry point to the ANTLR-generated code. */
public final class SynapseParser {
  private SynapseParser() {}

  /**
   * Parses {@code file}. On a syntax error, reports it to {@code diagnostics} and returns empty:
   * a tree recovered from a syntax error would only produce misleading follow-up errors.
   */
  public static Optional<SynapseDecl> parse(SourceFile file, DiagnosticCollector diagnostics) {
    CleftLexer lexer = new CleftLexer(CharStreams.fromString(file.text(), file.displayName()));
    lexer.removeErrorListeners();
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    CleftParser parser = new CleftParser(tokens);
    TokenSpans spans = new TokenSpans(file);
    SyntaxErrorListener errors = new SyntaxErrorListener(spans, diagnostics);
    parser.removeErrorListeners();
    parser.addErrorListener(errors);
    CleftParser.CompilationUnitContext tree;
    try {
      tree = parser.compilationUnit();
    } catch (StackOverflowError e) {
      // Only far beyond Limits.MAX_EXPRESSION_DEPTH, on cleft's large stack (see LargeStack);
      // where the parser had got to is the best position known: inside the deepest nesting.
      diagnostics.error(
          DiagnosticCode.NESTED_TOO_DEEPLY,
          spans.of(parser.getCurrentToken()),
          "the model is nested too deeply to parse; cleft's limit is " + Limits.MAX_EXPRESSION_DEPTH + " levels");
      return Optional.empty();
    }
    if (errors.reported() || !ModelLimits.check(tree, spans, diagnostics)) {
      return Optional.empty();
    }
    return Optional.of(new AstBuilder(spans, tokens, diagnostics).build(tree));
  }
}
