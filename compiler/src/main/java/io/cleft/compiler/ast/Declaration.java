package io.cleft.compiler.ast;

import io.cleft.compiler.source.SourceSpan;
import java.util.Optional;

/**
 * {@code name = value unit in [lower, upper] "doc"}: a parameter, constant or state.
 *
 * @param docString the string literal after the declaration, without quotes or escapes
 * @param docComment a {@code /** ... *}{@code /} comment right before the declaration
 * @param shared the {@code shared} keyword before the name, if written: one value for the whole
 *     population (only a parameter may be shared; the checker says so)
 */
public record Declaration(
    Identifier name,
    NumberText value,
    Optional<UnitExpression> unit,
    Optional<ValueRange> range,
    Optional<String> docString,
    Optional<String> docComment,
    SourceSpan span,
    Optional<SourceSpan> shared) {

  /** A declaration without {@code shared}. */
  public Declaration(
      Identifier name,
      NumberText value,
      Optional<UnitExpression> unit,
      Optional<ValueRange> range,
      Optional<String> docString,
      Optional<String> docComment,
      SourceSpan span) {
    this(name, value, unit, range, docString, docComment, span, Optional.empty());
  }

  /** The documentation to show for this declaration: the string if given, else the comment. */
  public Optional<String> doc() {
    return docString.isPresent() ? docString : docComment;
  }

  /** {@code in [lower, upper]}; an empty bound is infinite. */
  public record ValueRange(Bound lower, Bound upper, SourceSpan span) {}

  /** One end of a range: a number, or {@code inf}/{@code -inf} when {@code value} is empty. */
  public record Bound(Optional<NumberText> value, boolean negativeInfinity, SourceSpan span) {}
}
