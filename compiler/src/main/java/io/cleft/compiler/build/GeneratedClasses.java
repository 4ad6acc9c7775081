package io.cleft.compiler.build;

import com.palantir.javapoet.JavaFile;
import io.cleft.compiler.diagnostic.Diagnostic;
import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.diagnostic.Severity;
import io.cleft.compiler.source.SourceSpan;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Java sources one {@link CompilerRun} writes, and which model each came from: a run writes
 * only inside its output directory, and never two models' classes to the same file (the second
 * would silently replace the first).
 */
final class GeneratedClasses {
  /** The output directory as the run names it, which the paths written are resolved against. */
  private final Path root;
  /** The same, absolute and normalised, to check that every path written is inside. */
  private final Path top;
  /** Each file claimed so far, normalised and absolute, with the model it belongs to as the run names it. */
  private final Map<Path, Path> modelOf = new HashMap<>();

  GeneratedClasses(Path root) {
    this.root = root;
    this.top = root.toAbsolutePath().normalize();
  }

  /**
   * Where {@code file}, generated from {@code model}, goes: its package directories under the
   * output directory. Empty, after a diagnostic at {@code synapse}, if that is outside the
   * directory or another model of this run already generated the same class.
   */
  Optional<Path> target(JavaFile file, Path model, SourceSpan synapse, List<Diagnostic> diagnostics) {
    Path target;
    try {
      Path directory = root;
      if (!file.packageName().isEmpty()) {
        for (String segment : file.packageName().split("\\.", -1)) {
          directory = directory.resolve(segment);
        }
      }
      target = directory.resolve(file.typeSpec().name() + ".java");
    } catch (InvalidPathException e) {
      target = null;
    }
    if (target == null || !isInside(target)) {
      // JavaPackageName makes this impossible; checked anyway, as a write outside -d destroys files.
      diagnostics.add(
          Diagnostic.at(
              Severity.ERROR,
              DiagnosticCode.CANNOT_WRITE,
              synapse,
              "the class " + qualifiedName(file) + " would be written outside the output directory " + top));
      return Optional.empty();
    }
    Path key = target.toAbsolutePath().normalize();
    Path other = modelOf.get(key);
    if (other != null && !key(other).equals(key(model))) {
      diagnostics.add(
          Diagnostic.at(
              Severity.ERROR,
              DiagnosticCode.DUPLICATE_CLASS,
              synapse,
              "the class " + qualifiedName(file) + " is also generated from " + other
                  + "; two models of one run must not define the same class"));
      return Optional.empty();
    }
    modelOf.put(key, model);
    return Optional.of(target);
  }

  /**
   * Records that {@code file}, found up to date, belongs to {@code model}; false (and nothing
   * recorded) if another model of this run claimed it first, so that the model is compiled and
   * reported as a duplicate.
   */
  boolean claim(Path file, Path model) {
    Path other = modelOf.putIfAbsent(file.toAbsolutePath().normalize(), model);
    return other == null || key(other).equals(key(model));
  }

  /** Whether {@code file} is strictly inside the output directory, however it is spelt. */
  private boolean isInside(Path file) {
    Path normalized = file.toAbsolutePath().normalize();
    return normalized.startsWith(top) && !normalized.equals(top);
  }

  private static Path key(Path model) {
    return model.toAbsolutePath().normalize();
  }

  private static String qualifiedName(JavaFile file) {
    String name = file.typeSpec().name();
    return "'" + (file.packageName().isEmpty() ? name : file.packageName() + "." + name) + "'";
  }
}
