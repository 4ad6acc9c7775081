package io.cleft.compiler.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.NameAllocator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Allocators for the names of one Java scope (a class's fields, a method's locals, a nested
 * class's names). Every identifier made from a model name goes through one, so that a model
 * name can clash neither with Java nor with the generated code's own names: each allocator
 * starts with every name the generated code needs to mean one thing, and a model name that
 * would take one of them gets a {@code _} appended (JavaPoet's {@link NameAllocator} already
 * does so for keywords and literals).
 *
 * <p>Reserved: the contextual keywords ({@code var}, {@code record}, {@code yield} cannot name
 * a type and are confusing as anything else); every type the generated code refers to by its
 * simple name, since a field or local of that name obscures the type (JLS 6.4.2:
 * {@code double Math} makes {@code Math.min} a field access on a double); the first segment of
 * every package a name may be qualified with, which a local would obscure the same way; and the
 * generated classes' own names.
 */
final class JavaNames {
  /** Contextual keywords and restricted identifiers of Java 17 (JLS 3.9). */
  static final List<String> CONTEXTUAL_KEYWORDS =
      List.of(
          "var", "yield", "record", "sealed", "permits", "non-sealed", "exports", "module", "open", "opens",
          "provides", "requires", "to", "transitive", "uses", "with");

  /** The types generated code names, whose simple names it uses unqualified. */
  static final List<ClassName> REFERENCED_TYPES =
      List.of(
          SynapseEmitter.ARRAY_SYNAPSE,
          SynapseEmitter.METADATA,
          SynapseEmitter.QUANTITY,
          PopulationEmitter.POPULATION,
          PopulationEmitter.SUPPORT,
          ExpressionWriter.CLEFT_MATH,
          ClassName.get(java.util.Arrays.class),
          ClassName.get(java.util.List.class),
          ClassName.get(java.util.Objects.class),
          ClassName.get(java.util.Optional.class),
          ClassName.get(java.util.stream.Stream.class),
          ClassName.get(Math.class),
          ClassName.get(Double.class),
          ClassName.get(String.class),
          ClassName.get(Object.class),
          ClassName.get(AssertionError.class),
          ClassName.get(Override.class));

  private JavaNames() {}

  /**
   * A new allocator for a scope of {@code plan}'s class in which {@code taken} already have
   * their meaning (the scope's parameters, loop variables and fields used unqualified).
   */
  static NameAllocator allocator(GenerationPlan plan, List<String> taken) {
    Set<String> reserved = new LinkedHashSet<>(CONTEXTUAL_KEYWORDS);
    for (ClassName type : REFERENCED_TYPES) {
      reserved.add(type.simpleName());
      reserved.add(firstSegment(type.packageName()));
    }
    reserved.add(firstSegment(plan.packageName()));
    reserved.add(plan.className());
    reserved.add(plan.populationClassName());
    reserved.add(plan.stripClassName());
    reserved.addAll(taken);
    reserved.remove("");
    NameAllocator names = new NameAllocator();
    for (String name : reserved) {
      names.newName(name, new Object());
    }
    return names;
  }

  private static String firstSegment(String packageName) {
    int dot = packageName.indexOf('.');
    return dot < 0 ? packageName : packageName.substring(0, dot);
  }
}
