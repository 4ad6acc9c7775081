package io.cleft.compiler.simulate;

/** {@code --set name=value}: a parameter's value for every synapse. */
public record ParameterSetting(String name, double value) {}
