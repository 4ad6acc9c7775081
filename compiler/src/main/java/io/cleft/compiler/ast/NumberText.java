package io.cleft.compiler.ast;

import io.cleft.compiler.source.SourceSpan;

/**
 * A numeric literal as written, sign included ({@code "-35"}, {@code "1e-4"}). The text is kept
 * rather than a double so that unit conversion can be done exactly before rounding once, and so
 * that the checker, not the parser, reports literals out of range.
 */
public record NumberText(String text, SourceSpan span) {}
