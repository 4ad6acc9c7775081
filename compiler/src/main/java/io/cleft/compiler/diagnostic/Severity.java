package io.cleft.compiler.diagnostic;

/** How bad a diagnostic is; only errors stop a model from being compiled. */
public enum Severity {
  ERROR("error"),
  WARNING("warning"),
  /** Says how cleft reads something that is right, where a reader may expect otherwise. */
  NOTE("note");

  private final String label;

  Severity(String label) {
    this.label = label;
  }

  /** The word that follows the location in a printed diagnostic. */
  public String label() {
    return label;
  }
}
