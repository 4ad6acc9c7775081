/*
 * The cleft synapse language. docs/LANGUAGE.md is the user-facing reference; this grammar is
 * the single source of truth for the syntax. It holds no actions: the compiler's AstBuilder
 * turns the parse tree into an immutable AST, and every semantic rule lives in the checker.
 *
 * Doc comments travel on channel 2 (combined grammars cannot name channels) so that the AstBuilder can attach the one that
 * precedes a synapse or a declaration, while a doc comment anywhere else is ignored like any
 * other comment instead of being a syntax error.
 */
grammar Cleft;

// ---------------------------------------------------------------------------------------------
// Structure

compilationUnit
    : synapse EOF
    ;

synapse
    : SYNAPSE name=IDENTIFIER LBRACE section* RBRACE
    ;

section
    : PARAMETERS LBRACE declaration* RBRACE           #parametersSection
    | CONSTANTS LBRACE declaration* RBRACE            #constantsSection
    | STATES LBRACE declaration* RBRACE               #statesSection
    | UPDATE LBRACE updateStatement* RBRACE           #updateSection
    | INITIAL LBRACE statement* RBRACE                #initialSection
    | ON event=IDENTIFIER (LPAREN (arguments+=handlerArgument (COMMA arguments+=handlerArgument)*)? RPAREN)?
      LBRACE statement* RBRACE                        #handlerSection
    | CURRENT ASSIGN value=expression                 #currentSection
    | CURRENT LBRACE statement* RBRACE                #currentBlockSection
    ;

// `on pre(weight uS)`: an argument each event brings, with its unit (dimensionless without one).
handlerArgument
    : name=IDENTIFIER unit?
    ;

// `gS = 1e-4 uS in [0, inf] "maximal conductance"`: value, unit, range and doc string; all but
// the value are optional. `shared tau = 4 ms` in `parameters`: one value for the whole population.
declaration
    : shared=SHARED? name=IDENTIFIER ASSIGN value=signedNumber unit? range? doc=STRING?
    ;

range
    : IN LBRACKET lower=bound COMMA upper=bound RBRACKET
    ;

bound
    : signedNumber                                     #finiteBound
    | sign=(MINUS | PLUS)? INF                         #infiniteBound
    ;

signedNumber
    : sign=(MINUS | PLUS)? NUMBER
    ;

updateStatement
    : name=IDENTIFIER ASSIGN value=expression                                   #assignment
    | name=IDENTIFIER PRIME ASSIGN value=expression (USING method=IDENTIFIER)?  #differentialEquation
    | KINETIC (USING method=IDENTIFIER)? LBRACE (reactions+=reaction | laws+=conservation)* RBRACE  #kineticScheme
    ;

// The lines of `kinetic using method { ... }`: reactions between states with their rates (a
// reversible one its forward and backward rate), and the conservation law the modeller states.
reaction
    : from=IDENTIFIER REVERSIBLE to=IDENTIFIER LPAREN forward=expression COMMA backward=expression RPAREN
    | from=IDENTIFIER ARROW to=IDENTIFIER LPAREN forward=expression RPAREN
    ;

conservation
    : CONSERVE sum=expression ASSIGN total=expression
    ;

// The statements of `initial`, event handlers and `current { ... }`: they run in order, each
// reading what the ones before it wrote. An equation is parsed here too, so that the checker can
// say where it belongs instead of a syntax error.
statement
    : name=IDENTIFIER operator=(ASSIGN | PLUS_ASSIGN | MINUS_ASSIGN) value=expression  #assignStatement
    | name=IDENTIFIER PRIME ASSIGN value=expression (USING method=IDENTIFIER)?         #equationStatement
    | ifStatement                                                                      #conditionalStatement
    ;

// `else if` nests: the else branch of the outer `if` is the inner one.
ifStatement
    : IF condition=expression LBRACE whenTrue+=statement* RBRACE
      (ELSE (LBRACE whenFalse+=statement* RBRACE | elseIf=ifStatement))?
    ;

// ---------------------------------------------------------------------------------------------
// Units: `mV`, `1/ms`, `uS*mV`, `mol/(l*s)`, `um^2`.

unit
    : unitFactor (operators+=(STAR | SLASH) unitFactor)*
    ;

unitFactor
    : symbol=IDENTIFIER (CARET exponent=signedInteger)?   #unitSymbol
    | one=NUMBER                                          #unitOne
    | LPAREN unit RPAREN (CARET exponent=signedInteger)?  #unitGroup
    ;

signedInteger
    : sign=(MINUS | PLUS)? NUMBER
    ;

// ---------------------------------------------------------------------------------------------
// Expressions, from tightest to loosest binding. `^` binds tighter than unary minus and is
// right-associative, so `-x^2` is `-(x^2)` and `2^3^2` is `2^(3^2)`.

expression
    : NUMBER (LBRACKET unit RBRACKET)?                                          #numberLiteral
    | name=IDENTIFIER                                                           #nameReference
    | function=IDENTIFIER LPAREN (arguments+=expression (COMMA arguments+=expression)*)? RPAREN  #call
    | LPAREN inner=expression RPAREN                                            #parenthesized
    | <assoc=right> base=expression CARET exponent=expression                   #power
    | operator=(MINUS | PLUS) operand=expression                                #unary
    | left=expression operator=(STAR | SLASH) right=expression                  #multiplicative
    | left=expression operator=(PLUS | MINUS) right=expression                  #additive
    | left=expression operator=(LT | LE | GT | GE | EQ | NE) right=expression   #comparison
    | NOT operand=expression                                                    #not
    | left=expression AND right=expression                                      #and
    | left=expression OR right=expression                                       #or
    | IF condition=expression THEN whenTrue=expression ELSE whenFalse=expression #conditional
    ;

// ---------------------------------------------------------------------------------------------
// Lexer

SYNAPSE    : 'synapse';
PARAMETERS : 'parameters';
CONSTANTS  : 'constants';
STATES     : 'states';
UPDATE     : 'update';
INITIAL    : 'initial';
ON         : 'on';
CURRENT    : 'current';
USING      : 'using';
IN         : 'in';
INF        : 'inf';
IF         : 'if';
THEN       : 'then';
ELSE       : 'else';
AND        : 'and';
OR         : 'or';
KINETIC    : 'kinetic';
CONSERVE   : 'conserve';
SHARED     : 'shared';
// NOT stays the last keyword: the parser's diagnostics take SYNAPSE to NOT as the keywords.
NOT        : 'not';

LBRACE   : '{';
RBRACE   : '}';
LPAREN   : '(';
RPAREN   : ')';
LBRACKET : '[';
RBRACKET : ']';
COMMA    : ',';
REVERSIBLE : '<->';
ARROW    : '->';
PRIME    : '\'';
ASSIGN   : '=';
PLUS_ASSIGN  : '+=';
MINUS_ASSIGN : '-=';
PLUS     : '+';
MINUS    : '-';
STAR     : '*';
SLASH    : '/';
CARET    : '^';
LE       : '<=';
GE       : '>=';
LT       : '<';
GT       : '>';
EQ       : '==';
NE       : '!=';

NUMBER
    : DIGITS ('.' DIGITS?)? EXPONENT?
    | '.' DIGITS EXPONENT?
    ;

IDENTIFIER
    : [a-zA-Z_] [a-zA-Z_0-9]*
    ;

STRING
    : '"' (~["\\\r\n] | '\\' ~[\r\n])* '"'
    ;

UNTERMINATED_STRING
    : '"' (~["\\\r\n] | '\\' ~[\r\n])*
    ;

DOC_COMMENT
    : '/**' .*? '*/' -> channel(2)
    ;

BLOCK_COMMENT
    : '/*' .*? '*/' -> channel(HIDDEN)
    ;

// A '/*' that no '*/' closes: the body may not contain '*/', or this would outrun real comments.
UNTERMINATED_COMMENT
    : '/*' (~'*' | '*'+ ~[*/])* '*'* EOF
    ;

LINE_COMMENT
    : '//' ~[\r\n]* -> channel(HIDDEN)
    ;

WHITESPACE
    : [ \t\r\n\f]+ -> channel(HIDDEN)
    ;

// Anything else is one token of its own so that the parser reports it with its position.
UNEXPECTED_CHARACTER
    : .
    ;

fragment DIGITS   : [0-9]+;
fragment EXPONENT : [eE] [+-]? DIGITS;
