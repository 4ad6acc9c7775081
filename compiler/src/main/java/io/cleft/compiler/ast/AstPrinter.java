package io.cleft.compiler.ast;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints an AST back as cleft source text, for tests that compare trees without their spans and
 * for tools that rewrite models. Spans and ordinary comments are not kept; doc comments and doc
 * strings are.
 *
 * <p>{@link #print(Expression)} writes as few parentheses as the grammar's precedence allows,
 * so that parsing the text gives the same tree; {@link #fullyParenthesized(Expression)} wraps
 * every operation, which shows a tree's shape unambiguously.
 */
public final class AstPrinter {
  // Binding strength, loosest to tightest, as in the grammar's expression rule.
  private static final int CONDITIONAL = 0;
  private static final int OR = 1;
  private static final int AND = 2;
  private static final int NOT = 3;
  private static final int COMPARISON = 4;
  private static final int ADDITIVE = 5;
  private static final int MULTIPLICATIVE = 6;
  private static final int UNARY = 7;
  private static final int POWER = 8;
  private static final int PRIMARY = 9;

  private static final String INDENT = "  ";

  private AstPrinter() {}

  // ------------------------------------------------------------------------------------------
  // Synapses

  /** The whole synapse as source text, one declaration or statement per line. */
  public static String print(SynapseDecl synapse) {
    StringBuilder out = new StringBuilder();
    synapse.docComment().ifPresent(doc -> appendDocComment(out, "", doc));
    out.append("synapse ").append(synapse.name().name()).append(" {\n");
    for (Section section : synapse.sections()) {
      appendSection(out, section);
    }
    return out.append("}\n").toString();
  }

  private static void appendSection(StringBuilder out, Section section) {
    section.accept(
        new Section.Visitor<Void>() {
          @Override
          public Void visitDeclarations(Section.Declarations declarations) {
            out.append(INDENT).append(declarations.kind().keyword()).append(" {\n");
            for (Declaration declaration : declarations.declarations()) {
              declaration.docComment().ifPresent(doc -> appendDocComment(out, INDENT + INDENT, doc));
              out.append(INDENT + INDENT).append(print(declaration)).append('\n');
            }
            out.append(INDENT).append("}\n");
            return null;
          }

          @Override
          public Void visitUpdate(Section.Update update) {
            out.append(INDENT).append("update {\n");
            for (UpdateStatement statement : update.statements()) {
              out.append(INDENT + INDENT).append(print(statement)).append('\n');
            }
            out.append(INDENT).append("}\n");
            return null;
          }

          @Override
          public Void visitInitial(Section.Initial initial) {
            out.append(INDENT).append("initial {\n");
            appendStatements(out, INDENT + INDENT, initial.statements());
            out.append(INDENT).append("}\n");
            return null;
          }

          @Override
          public Void visitHandler(Section.Handler handler) {
            out.append(INDENT).append("on ").append(handler.event().name());
            if (!handler.arguments().isEmpty()) {
              out.append('(')
                  .append(
                      handler.arguments().stream()
                          .map(a -> a.name().name() + a.unit().map(u -> " " + print(u)).orElse(""))
                          .collect(Collectors.joining(", ")))
                  .append(')');
            }
            out.append(" {\n");
            appendStatements(out, INDENT + INDENT, handler.statements());
            out.append(INDENT).append("}\n");
            return null;
          }

          @Override
          public Void visitCurrent(Section.Current current) {
            if (current.value().isPresent()) {
              out.append(INDENT).append("current = ").append(print(current.value().get())).append('\n');
            } else {
              out.append(INDENT).append("current {\n");
              appendStatements(out, INDENT + INDENT, current.statements());
              out.append(INDENT).append("}\n");
            }
            return null;
          }
        });
  }

  private static void appendStatements(StringBuilder out, String indent, List<Statement> statements) {
    for (Statement statement : statements) {
      appendStatement(out, indent, statement);
    }
  }

  private static void appendStatement(StringBuilder out, String indent, Statement statement) {
    statement.accept(
        new Statement.Visitor<Void>() {
          @Override
          public Void visitAssignment(Statement.Assignment assignment) {
            out.append(indent).append(assignment.target().name()).append(' ').append(assignment.operator().symbol)
                .append(' ').append(print(assignment.value())).append('\n');
            return null;
          }

          @Override
          public Void visitEquation(Statement.Equation equation) {
            out.append(indent).append(equation.target().name()).append("' = ").append(print(equation.value()))
                .append(equation.method().map(method -> "  using " + method.name()).orElse("")).append('\n');
            return null;
          }

          @Override
          public Void visitIf(Statement.If conditional) {
            out.append(indent).append("if ").append(print(conditional.condition())).append(" {\n");
            appendStatements(out, indent + INDENT, conditional.whenTrue());
            out.append(indent).append('}');
            if (!conditional.whenFalse().isEmpty()) {
              out.append(" else {\n");
              appendStatements(out, indent + INDENT, conditional.whenFalse());
              out.append(indent).append('}');
            }
            out.append('\n');
            return null;
          }
        });
  }

  /** {@code shared name = value unit in [lower, upper] "doc"}, without its doc comment. */
  public static String print(Declaration declaration) {
    StringBuilder out = new StringBuilder();
    if (declaration.shared().isPresent()) {
      out.append("shared ");
    }
    out.append(declaration.name().name()).append(" = ").append(declaration.value().text());
    declaration.unit().ifPresent(unit -> out.append(' ').append(print(unit)));
    declaration.range().ifPresent(range ->
        out.append(" in [").append(bound(range.lower())).append(", ").append(bound(range.upper())).append(']'));
    declaration.docString().ifPresent(doc -> out.append(' ').append(quote(doc)));
    return out.toString();
  }

  private static String bound(Declaration.Bound bound) {
    return bound.value().map(NumberText::text).orElse(bound.negativeInfinity() ? "-inf" : "inf");
  }

  public static String print(UpdateStatement statement) {
    return statement.accept(
        new UpdateStatement.Visitor<String>() {
          @Override
          public String visitAssignment(UpdateStatement.Assignment assignment) {
            return assignment.target().name() + " = " + print(assignment.value());
          }

          @Override
          public String visitDifferentialEquation(UpdateStatement.DifferentialEquation equation) {
            return equation.target().name() + "' = " + print(equation.value())
                + equation.method().map(method -> "  using " + method.name()).orElse("");
          }

          /** On one line, as statements need no separators: {@code kinetic using m { C <-> O (a, b) }}. */
          @Override
          public String visitKineticScheme(UpdateStatement.KineticScheme scheme) {
            StringBuilder out = new StringBuilder("kinetic");
            scheme.method().ifPresent(method -> out.append(" using ").append(method.name()));
            out.append(" {");
            for (UpdateStatement.Reaction reaction : scheme.reactions()) {
              out.append(' ').append(reaction.from().name())
                  .append(reaction.backward().isPresent() ? " <-> " : " -> ")
                  .append(reaction.to().name()).append(" (").append(print(reaction.forward()));
              reaction.backward().ifPresent(backward -> out.append(", ").append(print(backward)));
              out.append(')');
            }
            for (UpdateStatement.Conservation law : scheme.laws()) {
              out.append(" conserve ").append(print(law.sum())).append(" = ").append(print(law.total()));
            }
            return out.append(" }").toString();
          }
        });
  }

  private static void appendDocComment(StringBuilder out, String indent, String doc) {
    out.append(indent).append("/**\n");
    for (String line : doc.split("\n", -1)) {
      out.append(indent).append(" *").append(line.isEmpty() ? "" : " " + line).append('\n');
    }
    out.append(indent).append(" */\n");
  }

  /** A string literal that reads back as {@code text}. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }

  // ------------------------------------------------------------------------------------------
  // Units

  /** A unit as written in a declaration or between brackets: {@code mV}, {@code 1/ms}, {@code um^-2}. */
  public static String print(UnitExpression unit) {
    return unit.accept(UNITS);
  }

  private static final UnitExpression.Visitor<String> UNITS =
      new UnitExpression.Visitor<>() {
        @Override
        public String visitSymbol(UnitExpression.Symbol symbol) {
          return symbol.symbol();
        }

        @Override
        public String visitOne(UnitExpression.One one) {
          return "1";
        }

        @Override
        public String visitPower(UnitExpression.Power power) {
          String base = power.base() instanceof UnitExpression.Symbol
              ? print(power.base())
              : "(" + print(power.base()) + ")";
          return base + "^" + power.exponent();
        }

        @Override
        public String visitProduct(UnitExpression.Product product) {
          return print(product.left()) + "*" + unitOperand(product.right());
        }

        @Override
        public String visitQuotient(UnitExpression.Quotient quotient) {
          return print(quotient.left()) + "/" + unitOperand(quotient.right());
        }
      };

  /** The right operand of {@code *} or {@code /}: units associate to the left. */
  private static String unitOperand(UnitExpression unit) {
    boolean compound = unit instanceof UnitExpression.Product || unit instanceof UnitExpression.Quotient;
    return compound ? "(" + print(unit) + ")" : print(unit);
  }

  // ------------------------------------------------------------------------------------------
  // Expressions

  /** The expression with only the parentheses its structure needs. */
  public static String print(Expression expression) {
    return print(expression, CONDITIONAL);
  }

  /** The expression with every operation in parentheses: {@code (-(x ^ 2))}. */
  public static String fullyParenthesized(Expression expression) {
    return expression.accept(FULLY_PARENTHESIZED);
  }

  private static final Expression.Visitor<String> FULLY_PARENTHESIZED =
      new Expression.Visitor<>() {
        @Override
        public String visitNumberLiteral(Expression.NumberLiteral literal) {
          return literal(literal);
        }

        @Override
        public String visitNameReference(Expression.NameReference reference) {
          return reference.name();
        }

        @Override
        public String visitCall(Expression.Call call) {
          return call.function().name() + "("
              + call.arguments().stream().map(AstPrinter::fullyParenthesized).collect(Collectors.joining(", ")) + ")";
        }

        @Override
        public String visitUnary(Expression.Unary unary) {
          return "(" + unary.operator().symbol + fullyParenthesized(unary.operand()) + ")";
        }

        @Override
        public String visitNot(Expression.Not not) {
          return "(not " + fullyParenthesized(not.operand()) + ")";
        }

        @Override
        public String visitConditional(Expression.Conditional conditional) {
          return "(if " + fullyParenthesized(conditional.condition())
              + " then " + fullyParenthesized(conditional.whenTrue())
              + " else " + fullyParenthesized(conditional.whenFalse()) + ")";
        }

        @Override
        public String visitBinary(Expression.Binary binary) {
          return infix(Operands.of(binary));
        }

        @Override
        public String visitComparison(Expression.Comparison comparison) {
          return infix(Operands.of(comparison));
        }

        @Override
        public String visitLogical(Expression.Logical logical) {
          return infix(Operands.of(logical));
        }

        private String infix(Operands operands) {
          return "(" + fullyParenthesized(operands.left()) + " " + operands.symbol() + " "
              + fullyParenthesized(operands.right()) + ")";
        }
      };

  /** Prints {@code expression}, in parentheses if it binds more loosely than {@code context}. */
  private static String print(Expression expression, int context) {
    int level = level(expression);
    String text = printBare(expression);
    return level < context ? "(" + text + ")" : text;
  }

  private static String printBare(Expression expression) {
    return expression.accept(BARE);
  }

  private static final Expression.Visitor<String> BARE =
      new Expression.Visitor<>() {
        @Override
        public String visitNumberLiteral(Expression.NumberLiteral literal) {
          return literal(literal);
        }

        @Override
        public String visitNameReference(Expression.NameReference reference) {
          return reference.name();
        }

        @Override
        public String visitCall(Expression.Call call) {
          List<String> arguments = call.arguments().stream().map(AstPrinter::print).toList();
          return call.function().name() + "(" + String.join(", ", arguments) + ")";
        }

        @Override
        public String visitUnary(Expression.Unary unary) {
          // The operand of a sign is a power or tighter: -x^2 is -(x^2), (-x)^2 needs its parentheses.
          return unary.operator().symbol + print(unary.operand(), UNARY);
        }

        @Override
        public String visitNot(Expression.Not not) {
          return "not " + print(not.operand(), NOT);
        }

        @Override
        public String visitConditional(Expression.Conditional conditional) {
          return "if " + print(conditional.condition(), CONDITIONAL)
              + " then " + print(conditional.whenTrue(), CONDITIONAL)
              + " else " + print(conditional.whenFalse(), CONDITIONAL);
        }

        @Override
        public String visitBinary(Expression.Binary binary) {
          return infix(binary, Operands.of(binary));
        }

        @Override
        public String visitComparison(Expression.Comparison comparison) {
          return infix(comparison, Operands.of(comparison));
        }

        @Override
        public String visitLogical(Expression.Logical logical) {
          return infix(logical, Operands.of(logical));
        }

        private String infix(Expression expression, Operands operands) {
          int level = level(expression);
          if (level == POWER) {
            // Right-associative; a signed exponent is parenthesised, which the grammar would not need
            // but a reader does.
            return print(operands.left(), PRIMARY) + "^" + print(operands.right(), POWER);
          }
          // Left-associative: a - (b - c) keeps its parentheses, (a - b) - c does not need them.
          return print(operands.left(), level) + " " + operands.symbol() + " " + print(operands.right(), level + 1);
        }
      };

  private static String literal(Expression.NumberLiteral literal) {
    return literal.number().text() + literal.unit().map(unit -> " [" + print(unit) + "]").orElse("");
  }

  private static int level(Expression expression) {
    return expression.accept(LEVEL);
  }

  /** How tightly each kind of expression binds, from {@link #CONDITIONAL} up to {@link #PRIMARY}. */
  private static final Expression.Visitor<Integer> LEVEL =
      new Expression.Visitor<>() {
        @Override
        public Integer visitNumberLiteral(Expression.NumberLiteral literal) {
          return PRIMARY;
        }

        @Override
        public Integer visitNameReference(Expression.NameReference reference) {
          return PRIMARY;
        }

        @Override
        public Integer visitCall(Expression.Call call) {
          return PRIMARY;
        }

        @Override
        public Integer visitUnary(Expression.Unary unary) {
          return UNARY;
        }

        @Override
        public Integer visitNot(Expression.Not not) {
          return NOT;
        }

        @Override
        public Integer visitConditional(Expression.Conditional conditional) {
          return CONDITIONAL;
        }

        @Override
        public Integer visitComparison(Expression.Comparison comparison) {
          return COMPARISON;
        }

        @Override
        public Integer visitLogical(Expression.Logical logical) {
          return logical.operator() == Expression.LogicalOperator.AND ? AND : OR;
        }

        @Override
        public Integer visitBinary(Expression.Binary binary) {
          return switch (binary.operator()) {
            case ADD, SUBTRACT -> ADDITIVE;
            case MULTIPLY, DIVIDE -> MULTIPLICATIVE;
            case POWER -> POWER;
          };
        }
      };

  /** The two operands and the operator symbol of a binary, comparison or logical expression. */
  private record Operands(Expression left, String symbol, Expression right) {
    static Operands of(Expression.Binary binary) {
      return new Operands(binary.left(), binary.operator().symbol, binary.right());
    }

    static Operands of(Expression.Comparison comparison) {
      return new Operands(comparison.left(), comparison.operator().symbol, comparison.right());
    }

    static Operands of(Expression.Logical logical) {
      return new Operands(logical.left(), logical.operator().symbol, logical.right());
    }
  }
}
