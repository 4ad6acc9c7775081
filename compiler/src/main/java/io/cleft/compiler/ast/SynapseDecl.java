package io.cleft.compiler.ast;

import io.cleft.compiler.source.SourceSpan;
import java.util.List;
import java.util.Optional;

/** A whole {@code synapse Name { ... }} definition, its sections in source order. */
public record SynapseDecl(
    Identifier name, Optional<String> docComment, List<Section> sections, SourceSpan span) {
  public SynapseDecl {
    sections = List.copyOf(sections);
  }
}
