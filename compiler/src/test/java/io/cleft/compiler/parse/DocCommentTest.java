package io.cleft.compiler.parse;

import static io.cleft.compiler.TestModels.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cleft.compiler.ast.Declaration;
import io.cleft.compiler.ast.Section;
import io.cleft.compiler.ast.SynapseDecl;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Doc comments attach to the synapse or declaration right after them; elsewhere they are comments. */
class DocCommentTest {
  private static final String MODEL = """
      // A licence header is not documentation.
      /**
       * Exponential synapse.
       *
       *   Decays with time constant tau.
       */
      synapse Exp {
        /** A doc comment before a section documents nothing. */
        parameters {
          /** Maximal conductance. */
          gS  = 1e-4 uS
          /** Ignored: the string wins. */
          tau = 2 ms  "decay time constant"
          /* An ordinary comment. */
          e   = 0 mV
        }
        states {
          /** Open fraction,
              in [0, 1]. */
          s = 0
        }
        update {
          /** Inside the update block: ignored. */
          s' = -s / tau  using exponential_euler
        }
        current = gS * s * (v_post - e)
      }
      """;

  private static List<Declaration> declarations(SynapseDecl synapse, int section) {
    return ((Section.Declarations) synapse.sections().get(section)).declarations();
  }

  @Test
  void theSynapseDocCommentIsStrippedOfItsStarsAndIndentation() {
    assertEquals(Optional.of("Exponential synapse.\n\nDecays with time constant tau."), parse(MODEL).docComment());
  }

  @Test
  void aDeclarationDocCommentAttachesToTheDeclarationAfterIt() {
    Declaration gS = declarations(parse(MODEL), 0).get(0);
    assertEquals(Optional.of("Maximal conductance."), gS.docComment());
    assertEquals(Optional.of("Maximal conductance."), gS.doc());
  }

  @Test
  void aDocStringTakesPrecedenceOverADocComment() {
    Declaration tau = declarations(parse(MODEL), 0).get(1);
    assertEquals(Optional.of("Ignored: the string wins."), tau.docComment());
    assertEquals(Optional.of("decay time constant"), tau.doc());
  }

  @Test
  void anOrdinaryBlockCommentIsNotDocumentation() {
    assertEquals(Optional.empty(), declarations(parse(MODEL), 0).get(2).doc());
  }

  @Test
  void aMultiLineDocCommentKeepsItsLines() {
    assertEquals(Optional.of("Open fraction,\nin [0, 1]."), declarations(parse(MODEL), 1).get(0).docComment());
  }

  @Test
  void aDocCommentBeforeASectionIsNeitherAttachedNorAnError() {
    // parse() fails on any diagnostic; the first declaration only has its own comment.
    assertEquals(Optional.of("Maximal conductance."), declarations(parse(MODEL), 0).get(0).docComment());
  }

  @Test
  void aSynapseWithoutDocCommentHasNone() {
    assertEquals(Optional.empty(), parse("synapse T {\n  current = 1 [nA]\n}\n").docComment());
  }
}
