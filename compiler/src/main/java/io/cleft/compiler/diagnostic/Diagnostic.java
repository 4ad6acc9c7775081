package io.cleft.compiler.diagnostic;

import io.cleft.compiler.source.SourceSpan;
import java.util.Objects;
import java.util.Optional;

/**
 * One problem found in a model or data file.
 *
 * @param file the file's display name; always set, also for problems with no position
 * @param span where the problem is; empty for file-level problems such as an unreadable file
 */
public record Diagnostic(
    Severity severity, DiagnosticCode code, String file, Optional<SourceSpan> span, String message) {
  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(message, "message");
  }

  public static Diagnostic at(Severity severity, DiagnosticCode code, SourceSpan span, String message) {
    return new Diagnostic(severity, code, span.file().displayName(), Optional.of(span), message);
  }

  public static Diagnostic inFile(Severity severity, DiagnosticCode code, String file, String message) {
    return new Diagnostic(severity, code, file, Optional.empty(), message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /**
   * The first line as printed: {@code file:line:col: error: message [SYN020]}. Invisible
   * characters are escaped ({@link VisibleText}): the message may quote source or data text, and
   * the line must stay one readable line.
   */
  public String headline() {
    String location = span.map(SourceSpan::toString).orElse(file);
    return VisibleText.escape(location + ": " + severity.label() + ": " + message + " [" + code.id() + "]");
  }
}
