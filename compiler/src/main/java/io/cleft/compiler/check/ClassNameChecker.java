package io.cleft.compiler.check;

import io.cleft.compiler.ast.Identifier;
import io.cleft.compiler.ast.SynapseDecl;
import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.diagnostic.DiagnosticCollector;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * Rejects a synapse name that cannot name the Java class it becomes: a Java keyword or literal
 * ({@code class}, {@code true}, {@code _}) or a restricted identifier, which Java 17 allows for
 * variables but not for types ({@code var}, {@code record}, {@code yield}, {@code sealed},
 * {@code permits}). Every other name works, even one of a type the class uses, such as
 * {@code Math} or {@code Population}: the generated code qualifies or renames what it must.
 *
 * <p>Checked here rather than when the class is written, so that {@code check} and the Maven
 * build report it at the name, like any other error of the model.
 */
public final class ClassNameChecker {
  /** Identifiers that JLS 3.9 (Java 17) forbids as the name of a class. */
  private static final Set<String> RESTRICTED_TYPE_NAMES = Set.of("var", "yield", "record", "sealed", "permits");

  private ClassNameChecker() {}

  public static void check(SynapseDecl synapse, DiagnosticCollector diagnostics) {
    Identifier name = synapse.name();
    if (SourceVersion.isKeyword(name.name(), SourceVersion.RELEASE_17) || RESTRICTED_TYPE_NAMES.contains(name.name())) {
      diagnostics.error(
          DiagnosticCode.INVALID_CLASS_NAME,
          name.span(),
          "synapse name '" + name.name() + "' cannot be the name of the generated Java class (it is "
              + (RESTRICTED_TYPE_NAMES.contains(name.name()) ? "a restricted identifier" : "a keyword")
              + " in Java); rename the synapse");
    }
  }
}
