package io.cleft.compiler.cli;

/**
 * A column {@code cleft eval} knows.
 *
 * @param index the parameter's or state's index in the model for the roles that have one, else 0
 */
record Column(String name, ColumnRole role, int index) {}
