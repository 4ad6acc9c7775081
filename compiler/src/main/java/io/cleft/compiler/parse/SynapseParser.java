package io.cleft.compiler.parse;

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
      // Where the parser had got to is the best position known: inside the deepest nesting.
      diagnostics.error(
          DiagnosticCode.SYNTAX,
          spans.of(parser.getCurrentToken()),
          "the model is nested too deeply to parse");
      return Optional.empty();
    }
    if (errors.reported()) {
      return Optional.empty();
    }
    return Optional.of(new AstBuilder(spans, tokens, diagnostics).build(tree));
  }
}
