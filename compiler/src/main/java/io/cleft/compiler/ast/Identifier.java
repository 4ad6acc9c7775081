package io.cleft.compiler.ast;

import io.cleft.compiler.source.SourceSpan;

/** A name as written, with where it was written. */
public record Identifier(String name, SourceSpan span) {}
