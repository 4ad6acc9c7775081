package io.cleft.compiler.table;

/**
 * A column {@code cleft eval} knows.
 *
 * @param index the parameter's or state's index in the model for the roles that have one, else 0
 */
public record Column(String name, ColumnRole role, int index) {}
