package io.cleft.compiler.optimize;

import io.cleft.compiler.ir.IrBinaryOperator;
import io.cleft.compiler.ir.IrBlock;
import io.cleft.compiler.ir.IrExpr;
import io.cleft.compiler.ir.IrInput;
import io.cleft.compiler.ir.IrKernel;
import io.cleft.compiler.ir.IrLocal;
import io.cleft.compiler.ir.IrProgram;
import io.cleft.compiler.ir.IrRewriter;
import io.cleft.compiler.ir.IrWalker;
import io.cleft.compiler.ir.KernelKind;
import io.cleft.compiler.model.Symbol;
import io.cleft.compiler.model.SynapseModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Moves what a step computes from parameters, constants and {@code dt} alone out of the step,
 * into the program's invariants: {@code exp(-dt / tau)} of an exponential decay, say, or a
 * normalisation factor of parameters. A population computes a per-synapse invariant once and
 * keeps it until a parameter or {@code dt} changes, and one that reads no parameter once per
 * call; only what varies with states and voltages stays in the loop.
 *
 * <p>Only what is worth a cached array is hoisted per synapse: an expression with a division,
 * a power or a call such as {@code exp}. A product of parameters is cheaper to recompute than
 * to stream from memory. Expressions of constants and {@code dt} alone are always hoisted: they
 * cost once per call.
 *
 * <p>A hoisted expression is the expression as it was, moved; it performs the same operations
 * on the same values, so the results keep every bit.
 */
public final class InvariantHoisting {
  /**
   * The most nodes an invariant local's definition may have, once the invariant locals it reads
   * are written out in it, for expressions that read it to count as invariant. A real model's
   * are a few dozen; without a bound, locals that each read the one before twice would double
   * the size at every local, and deciding what to hoist would take exponential time. A local
   * beyond it stays in the step, which is always correct.
   */
  static final int MAX_INLINED_SIZE = 256;

  /**
   * An invariant local larger than this, once the invariant locals it reads are written out, is
   * worth an array of its own even without a division or call: recomputing it costs more than
   * some 16 operations, and streaming it one load. The invariant locals it reads become
   * invariants too, so the step recomputes none of a chain of them (a matrix exponential's
   * products and squarings, which the exact solver writes as such chains).
   */
  static final int LARGE = 32;

  private final List<IrLocal> invariants = new ArrayList<>();
  private final Map<IrExpr, Integer> indexOf = new HashMap<>();
  /** Whether each invariant reads a parameter, directly or through others: found once each. */
  private final List<Boolean> invariantReadsParameter = new ArrayList<>();

  private InvariantHoisting() {}

  /**
   * Hoists into the program's invariants, after those it has already: the values the model's
   * {@code initial} block derives from the parameters, which lowering puts there.
   */
  public static IrProgram hoist(IrProgram program) {
    InvariantHoisting hoisting = new InvariantHoisting();
    for (IrLocal derived : program.invariants().locals()) {
      IrExpr value = localsAsInvariants(derived.value());
      hoisting.invariantReadsParameter.add(hoisting.readsParameter(value));
      hoisting.invariants.add(new IrLocal(derived.name(), value, derived.sourceLine()));
      // A constant or a read of a parameter is not worth reading from an array, and reading
      // every literal 2 of the step from an initial value that happens to be 2 would mislead.
      if (!value.isTrivial()) {
        hoisting.indexOf.putIfAbsent(value, hoisting.invariants.size() - 1);
      }
    }
    SynapseModel model = program.model();
    // Every kernel hoists into the one shared invariants block, so that a value two kernels
    // compute alike is computed once.
    IrProgram hoisted =
        program.mapKernels(kernel -> hoisting.hoist(kernel.block(), resultNames(model, kernel), resultLines(model, kernel)));
    List<IrLocal> invariants =
        hoisting.invariants.stream()
            .map(l -> new IrLocal(l.name(), invariantsAsLocals(l.value()), l.sourceLine()))
            .toList();
    return hoisted.withInvariants(new IrBlock(invariants, List.of()));
  }

  /** What each result of {@code kernel} is, to name what is hoisted out of it. */
  private static List<String> resultNames(SynapseModel model, IrKernel kernel) {
    List<String> names = new ArrayList<>();
    if (kernel.kind() == KernelKind.CURRENT) {
      names.add("current");
      names.add("conductance");
    } else {
      model.states().forEach(s -> names.add(s.name()));
    }
    // Results beyond those (the current block's named values) are named by their kernel.
    while (names.size() < kernel.block().results().size()) {
      names.add(kernel.kind().name().toLowerCase(Locale.ROOT) + "_" + names.size());
    }
    return names;
  }

  /** Where each result of {@code kernel} comes from in the model, where that is known. */
  private static List<OptionalInt> resultLines(SynapseModel model, IrKernel kernel) {
    int count = kernel.block().results().size();
    if (kernel.kind() == KernelKind.CURRENT) {
      return Collections.nCopies(count, OptionalInt.of(model.current().span().line()));
    }
    List<OptionalInt> lines = new ArrayList<>();
    for (int r = 0; r < count; r++) {
      lines.add(
          kernel.kind() == KernelKind.UPDATE && r < model.states().size()
              ? lineOfUpdate(model, model.states().get(r))
              : OptionalInt.empty());
    }
    return lines;
  }

  private static OptionalInt lineOfUpdate(SynapseModel model, Symbol.State state) {
    return model.updateOf(state).map(u -> OptionalInt.of(u.span().line())).orElse(OptionalInt.empty());
  }

  /**
   * One block's locals and results, with its invariant parts replaced by reads of them.
   *
   * @param resultNames and {@code resultLines}: what each result is and where it comes from, to
   *     name and place what is hoisted out of it
   */
  private IrBlock hoist(IrBlock block, List<String> resultNames, List<OptionalInt> resultLines) {
    LocalMap locals = new LocalMap(block.locals().size());
    long[] writtenOut = writtenOutSizes(block);
    List<IrLocal> kept = new ArrayList<>();
    for (int i = 0; i < block.locals().size(); i++) {
      IrLocal local = block.locals().get(i);
      long size = locals.inlinedSize(local.value());
      IrExpr inlined = size <= MAX_INLINED_SIZE ? locals.inline(local.value()) : local.value();
      boolean hoistedAnyway = size <= MAX_INLINED_SIZE && isInvariant(inlined) && worthHoisting(inlined);
      if (!hoistedAnyway && writtenOut[i] > LARGE && locals.readsOnlyInvariants(local.value())) {
        // Large and invariant (a matrix exponential's entries, each a sum of products of the
        // last matrix's): hoisted whole, reading the invariant locals it reads as invariants
        // of their own rather than as copies of their definitions.
        IrExpr value = readInterned(locals.promoteReads(local.value(), block.locals(), this));
        if (isInvariant(value) && !value.isTrivial()) {
          locals.hoisted[i] =
              value instanceof IrExpr.Invariant ? value : new IrExpr.Invariant(intern(value, local.name(), local.sourceLine()));
          continue;
        }
      }
      if (size <= MAX_INLINED_SIZE && isInvariant(inlined)) {
        locals.definition[i] = inlined;
        locals.size[i] = size;
        if (worthHoisting(inlined)
            && hoistOrRead(inlined, local.name(), local.sourceLine()) instanceof IrExpr.Invariant invariant) {
          locals.hoisted[i] = invariant;
          continue; // every read of the local now reads the invariant
        }
      }
      kept.add(new IrLocal(local.name(), rewrite(local.value(), locals, local.name(), local.sourceLine()), local.sourceLine()));
      locals.newIndex[i] = kept.size() - 1;
    }
    List<IrExpr> results = new ArrayList<>();
    for (int r = 0; r < block.results().size(); r++) {
      results.add(rewrite(block.results().get(r), locals, resultNames.get(r), resultLines.get(r)));
    }
    return new IrBlock(kept, results);
  }

  /**
   * Each local's size with every local it reads that is invariant written out, as if nothing
   * were hoisted; past {@link #MAX_INLINED_SIZE}, {@code MAX_INLINED_SIZE + 1}; 0 for a local
   * that is not invariant. This, not the size once some are hoisted, says which locals are
   * {@link #LARGE}: a chain's last links are small once the links before are hoisted, and would
   * stay in the step.
   */
  private static long[] writtenOutSizes(IrBlock block) {
    long[] sizes = new long[block.locals().size()];
    for (int i = 0; i < sizes.length; i++) {
      sizes[i] = writtenOutSize(block.locals().get(i).value(), sizes);
    }
    return sizes;
  }

  /** The size of {@code expr} with its invariant locals written out, 0 if it is not invariant. */
  private static long writtenOutSize(IrExpr expr, long[] sizes) {
    if (expr instanceof IrExpr.Local local) {
      return sizes[local.index()];
    }
    if (expr.isLeaf()) {
      return isInvariant(expr) ? 1 : 0;
    }
    long total = 1;
    for (IrExpr child : IrWalker.children(expr)) {
      long size = writtenOutSize(child, sizes);
      if (size == 0) {
        return 0;
      }
      total = Math.min(total + size, MAX_INLINED_SIZE + 1);
    }
    return total;
  }

  /** Replaces the largest invariant parts of {@code expr} worth hoisting by their invariants. */
  private IrExpr rewrite(IrExpr expr, LocalMap locals, String owner, OptionalInt line) {
    Map<IrExpr, Traits> traits = new IdentityHashMap<>();
    traitsOf(expr, locals, traits);
    return rewrite(expr, locals, owner, line, traits);
  }

  private IrExpr rewrite(IrExpr expr, LocalMap locals, String owner, OptionalInt line, Map<IrExpr, Traits> traits) {
    Traits traitsOfExpr = traits.get(expr);
    // Only where the traits allow hoisting is the expression written out with its locals
    // inlined: doing that at every level would cost the size of the expression at each one.
    if (traitsOfExpr.invariant() && (!traitsOfExpr.readsParameter() || traitsOfExpr.costly())) {
      IrExpr inlined = locals.inline(expr);
      if (worthHoisting(inlined)) {
        return hoistOrRead(inlined, owner + "_invariant", line);
      }
    }
    if (expr instanceof IrExpr.Local local) {
      return locals.read(local.index());
    }
    return IrWalker.mapChildren(expr, e -> rewrite(e, locals, owner, line, traits));
  }

  /**
   * What {@link #isInvariant}, {@link #readsParameter} and {@link #isCostly} say of an expression
   * with its locals inlined; {@link #traitsOf} finds them for every node of an expression in one
   * pass, as each follows from those of the node's children.
   */
  private record Traits(boolean invariant, boolean readsParameter, boolean costly) {}

  private Traits traitsOf(IrExpr expr, LocalMap locals, Map<IrExpr, Traits> traits) {
    Traits known = traits.get(expr);
    if (known != null) {
      return known;
    }
    Traits found;
    if (expr instanceof IrExpr.Local) {
      // A read of a local inlines to itself, a hoisted invariant, or a definition of at most
      // MAX_INLINED_SIZE nodes.
      IrExpr inlined = locals.inline(expr);
      found = inlined instanceof IrExpr.Local
          ? new Traits(false, false, false)
          : new Traits(isInvariant(inlined), readsParameter(inlined), isCostly(inlined));
    } else {
      // An operation is as invariant as its children; a leaf is what it reads.
      boolean invariant = !expr.isLeaf() || isInvariant(expr);
      boolean readsParameter = expr instanceof IrExpr.Parameter
          || expr instanceof IrExpr.Invariant hoisted && invariantReadsParameter.get(hoisted.index());
      boolean costly = isCostlyOperation(expr);
      for (IrExpr child : IrWalker.children(expr)) {
        Traits ofChild = traitsOf(child, locals, traits);
        invariant &= ofChild.invariant();
        readsParameter |= ofChild.readsParameter();
        costly |= ofChild.costly();
      }
      found = new Traits(invariant, readsParameter, costly);
    }
    traits.put(expr, found);
    return found;
  }

  /**
   * Where a block's locals go: a local hoisted whole is read as its invariant, any other at its
   * new index; the definition of an invariant local is inlined into the invariants that read
   * it, since those are computed outside the block.
   */
  private static final class LocalMap {
    final IrExpr[] definition;
    /** The number of nodes of each {@link #definition}. */
    final long[] size;
    final IrExpr[] hoisted;
    final int[] newIndex;

    LocalMap(int count) {
      definition = new IrExpr[count];
      size = new long[count];
      hoisted = new IrExpr[count];
      newIndex = new int[count];
    }

    /**
     * The number of nodes {@link #inline} would give {@code expr}, counted without building it;
     * stops counting past {@link #MAX_INLINED_SIZE}.
     */
    long inlinedSize(IrExpr expr) {
      if (expr instanceof IrExpr.Local local) {
        int i = local.index();
        return hoisted[i] == null && definition[i] != null ? size[i] : 1;
      }
      long total = 1;
      for (IrExpr child : IrWalker.children(expr)) {
        total += inlinedSize(child);
        if (total > MAX_INLINED_SIZE) {
          return total;
        }
      }
      return total;
    }

    /**
     * Whether every local {@code expr} reads is invariant (hoisted, or with a definition to
     * inline), and so {@code expr} is, if its other leaves are.
     */
    boolean readsOnlyInvariants(IrExpr expr) {
      if (expr instanceof IrExpr.Local local) {
        return hoisted[local.index()] != null || definition[local.index()] != null;
      }
      if (expr.isLeaf()) {
        return isInvariant(expr);
      }
      return IrWalker.children(expr).stream().allMatch(this::readsOnlyInvariants);
    }

    /**
     * {@code expr} with each local it reads replaced by its invariant; a local that has only a
     * definition (invariant but not worth an array on its own) is made an invariant first, so
     * that the large expression reading it does not copy it.
     */
    IrExpr promoteReads(IrExpr expr, List<IrLocal> named, InvariantHoisting hoisting) {
      if (expr instanceof IrExpr.Local local) {
        int i = local.index();
        if (hoisted[i] == null) {
          if (definition[i].isTrivial()) {
            return definition[i];
          }
          IrExpr value = hoisting.readInterned(definition[i]);
          hoisted[i] = value instanceof IrExpr.Invariant
              ? value
              : new IrExpr.Invariant(hoisting.intern(value, named.get(i).name(), named.get(i).sourceLine()));
        }
        return hoisted[i];
      }
      return IrWalker.mapChildren(expr, e -> promoteReads(e, named, hoisting));
    }

    IrExpr read(int local) {
      return hoisted[local] != null ? hoisted[local] : new IrExpr.Local(newIndex[local]);
    }

    /** {@code expr} with each read of an invariant local replaced by its invariant or definition. */
    IrExpr inline(IrExpr expr) {
      if (expr instanceof IrExpr.Local local) {
        int i = local.index();
        return hoisted[i] != null ? hoisted[i] : definition[i] != null ? definition[i] : expr;
      }
      return IrWalker.mapChildren(expr, this::inline);
    }
  }

  /**
   * A read of the invariant {@code expr} is, made one if need be; or, if {@code expr} is cheap
   * once it reads the invariants already made ({@code 1 - exp(-dt / tau)} reads the invariant
   * {@code exp(-dt / tau)}, leaving a subtraction), {@code expr} reading them.
   */
  private IrExpr hoistOrRead(IrExpr expr, String name, OptionalInt line) {
    IrExpr value = readInterned(expr);
    if (value instanceof IrExpr.Invariant || !worthHoisting(value)) {
      return value;
    }
    return new IrExpr.Invariant(intern(value, name, line));
  }

  private int intern(IrExpr expr, String name, OptionalInt line) {
    Integer existing = indexOf.get(expr);
    if (existing != null) {
      return existing;
    }
    invariantReadsParameter.add(readsParameter(expr));
    invariants.add(new IrLocal(name, expr, line));
    indexOf.put(expr, invariants.size() - 1);
    return invariants.size() - 1;
  }

  private IrExpr readInterned(IrExpr expr) {
    Integer existing = indexOf.get(expr);
    return existing != null ? new IrExpr.Invariant(existing) : IrWalker.mapChildren(expr, this::readInterned);
  }

  /** Reads only parameters, constants, {@code dt} and other invariants. */
  private static boolean isInvariant(IrExpr expr) {
    return expr.accept(INVARIANT);
  }

  private static final IrExpr.Visitor<Boolean> INVARIANT =
      new IrExpr.Visitor<>() {
        @Override
        public Boolean visitConstant(IrExpr.Constant constant) {
          return true;
        }

        @Override
        public Boolean visitParameter(IrExpr.Parameter parameter) {
          return true;
        }

        @Override
        public Boolean visitState(IrExpr.State state) {
          return false;
        }

        @Override
        public Boolean visitLocal(IrExpr.Local local) {
          return false; // a block's local is computed in the step; hoisting inlines invariant ones first
        }

        @Override
        public Boolean visitInvariant(IrExpr.Invariant invariant) {
          return true;
        }

        @Override
        public Boolean visitInput(IrExpr.Input input) {
          return input.input() == IrInput.DT;
        }

        @Override
        public Boolean visitNegate(IrExpr.Negate negate) {
          return allChildrenInvariant(negate);
        }

        @Override
        public Boolean visitBinary(IrExpr.Binary binary) {
          return allChildrenInvariant(binary);
        }

        @Override
        public Boolean visitCall(IrExpr.Call call) {
          return allChildrenInvariant(call);
        }

        @Override
        public Boolean visitSelect(IrExpr.Select select) {
          return allChildrenInvariant(select);
        }

        private boolean allChildrenInvariant(IrExpr expr) {
          return IrWalker.children(expr).stream().allMatch(InvariantHoisting::isInvariant);
        }
      };

  private boolean worthHoisting(IrExpr expr) {
    if (expr.isTrivial()) {
      return false;
    }
    return !readsParameter(expr) || isCostly(expr);
  }

  private boolean readsParameter(IrExpr expr) {
    if (expr instanceof IrExpr.Parameter) {
      return true;
    }
    if (expr instanceof IrExpr.Invariant invariant) {
      return invariantReadsParameter.get(invariant.index());
    }
    return IrWalker.children(expr).stream().anyMatch(this::readsParameter);
  }

  /** Has a division, a power or a call other than min, max and abs. */
  private static boolean isCostly(IrExpr expr) {
    return isCostlyOperation(expr) || IrWalker.children(expr).stream().anyMatch(InvariantHoisting::isCostly);
  }

  /** Is itself a division, a power or a call other than min, max and abs. */
  private static boolean isCostlyOperation(IrExpr expr) {
    if (expr instanceof IrExpr.Binary binary) {
      return binary.operator() == IrBinaryOperator.DIVIDE || binary.operator() == IrBinaryOperator.POWER;
    }
    if (expr instanceof IrExpr.Call call) {
      return switch (call.function()) {
        case MIN, MAX, ABS -> false;
        default -> true;
      };
    }
    return false;
  }

  /** How the invariants read each other while hoisting goes on. */
  private static IrExpr localsAsInvariants(IrExpr expr) {
    if (expr instanceof IrExpr.Local local) {
      return new IrExpr.Invariant(local.index());
    }
    return IrWalker.mapChildren(expr, InvariantHoisting::localsAsInvariants);
  }

  /** Inside the invariants block, one invariant reads another as a local of that block. */
  private static IrExpr invariantsAsLocals(IrExpr expr) {
    return INVARIANTS_AS_LOCALS.rewrite(expr);
  }

  private static final IrRewriter INVARIANTS_AS_LOCALS =
      new IrRewriter() {
        @Override
        public IrExpr visitInvariant(IrExpr.Invariant invariant) {
          return new IrExpr.Local(invariant.index());
        }
      };
}
