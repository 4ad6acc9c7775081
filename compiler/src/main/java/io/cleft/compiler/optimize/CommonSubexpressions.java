package io.cleft.compiler.optimize;

import io.cleft.compiler.ir.IrBlock;
import io.cleft.compiler.ir.IrExpr;
import io.cleft.compiler.ir.IrLocal;
import io.cleft.compiler.ir.IrWalker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Computes each repeated subexpression of a block once, in a temporary local placed right
 * before its first use. IR records compare by value, so "repeated" is plain equality. Every
 * expression is pure, so computing a shared value once gives the same bits as computing it
 * each time; hoisting one out of a conditional branch only costs a little work.
 *
 * <p>For the exponential-Euler form this computes {@code exp(slope * dt)} once; for the
 * current it shares {@code gS * s} between the current and its derivative.
 */
public final class CommonSubexpressions {
  private final Map<Key, Integer> occurrences = new HashMap<>();
  private final Map<Key, Integer> temporaries = new HashMap<>();
  private final Map<IrExpr, Key> keys = new IdentityHashMap<>();
  private final List<IrLocal> locals = new ArrayList<>();
  private final int[] newIndexOfLocal;
  private int temporaryCount;

  private CommonSubexpressions(int localCount) {
    this.newIndexOfLocal = new int[localCount];
  }

  public static IrBlock eliminate(IrBlock block) {
    return eliminateRenumbering(block).block();
  }

  /**
   * The block without repeated subexpressions, and the new index of each of its locals:
   * temporaries go in among them, so code outside the block that refers to them by index must
   * follow.
   */
  public record Renumbered(IrBlock block, int[] newIndexOfLocal) {}

  public static Renumbered eliminateRenumbering(IrBlock block) {
    CommonSubexpressions cse = new CommonSubexpressions(block.locals().size());
    block.locals().forEach(l -> cse.count(l.value()));
    block.results().forEach(cse::count);
    for (int i = 0; i < block.locals().size(); i++) {
      IrLocal local = block.locals().get(i);
      IrExpr value = cse.rewrite(local.value(), false);
      cse.locals.add(new IrLocal(local.name(), value, local.sourceLine()));
      cse.newIndexOfLocal[i] = cse.locals.size() - 1;
    }
    List<IrExpr> results = block.results().stream().map(r -> cse.rewrite(r, false)).toList();
    return new Renumbered(new IrBlock(cse.locals, results), cse.newIndexOfLocal);
  }

  /** Counts occurrences top-down: inside a repeated subtree, only its first copy is counted. */
  private void count(IrExpr expr) {
    if (expr.isTrivial()) {
      return;
    }
    if (occurrences.merge(key(expr), 1, Integer::sum) == 1) {
      IrWalker.children(expr).forEach(this::count);
    }
  }

  /**
   * @param isRoot whether {@code expr} is the whole value of a local, which needs no temporary
   */
  private IrExpr rewrite(IrExpr expr, boolean isRoot) {
    if (expr instanceof IrExpr.Local local) {
      return new IrExpr.Local(newIndexOfLocal[local.index()]);
    }
    if (expr.isTrivial()) {
      // Never shared, but not always a leaf: the operand of a negation may be a local, whose
      // index moves when temporaries go in before it.
      return rewriteChildren(expr);
    }
    if (occurrences.getOrDefault(key(expr), 0) < 2 || isRoot) {
      return rewriteChildren(expr);
    }
    Integer existing = temporaries.get(key(expr));
    if (existing != null) {
      return new IrExpr.Local(existing);
    }
    IrExpr value = rewriteChildren(expr);
    locals.add(new IrLocal("t" + temporaryCount++, value, OptionalInt.empty()));
    int index = locals.size() - 1;
    temporaries.put(key(expr), index);
    return new IrExpr.Local(index);
  }

  private IrExpr rewriteChildren(IrExpr expr) {
    return IrWalker.mapChildren(expr, child -> rewrite(child, false));
  }

  /**
   * An expression as a key of the maps above: equal when the expressions are, with a hash found
   * once per node from its children's. A record's own hash walks its whole subtree each time, so
   * looking up every node of a deep expression would cost its size times its depth.
   */
  private record Key(IrExpr expr, int hash) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && key.hash == hash && (key.expr == expr || key.expr.equals(expr));
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  private Key key(IrExpr expr) {
    Key known = keys.get(expr);
    if (known != null) {
      return known;
    }
    int hash = 31 * expr.getClass().hashCode() + ownHash(expr);
    for (IrExpr child : IrWalker.children(expr)) {
      hash = 31 * hash + key(child).hash();
    }
    Key key = new Key(expr, hash);
    keys.put(expr, key);
    return key;
  }

  /** What distinguishes a node from others of its kind with the same children. */
  private static int ownHash(IrExpr expr) {
    return expr.accept(OWN_HASH);
  }

  private static final IrExpr.Visitor<Integer> OWN_HASH =
      new IrExpr.Visitor<>() {
        @Override
        public Integer visitConstant(IrExpr.Constant constant) {
          return Double.hashCode(constant.value());
        }

        @Override
        public Integer visitParameter(IrExpr.Parameter parameter) {
          return parameter.index();
        }

        @Override
        public Integer visitState(IrExpr.State state) {
          return state.index();
        }

        @Override
        public Integer visitLocal(IrExpr.Local local) {
          return local.index();
        }

        @Override
        public Integer visitInvariant(IrExpr.Invariant invariant) {
          return invariant.index();
        }

        @Override
        public Integer visitInput(IrExpr.Input input) {
          return input.input().ordinal();
        }

        @Override
        public Integer visitNegate(IrExpr.Negate negate) {
          return 0; // its operand is its only child
        }

        @Override
        public Integer visitBinary(IrExpr.Binary binary) {
          return binary.operator().ordinal();
        }

        @Override
        public Integer visitCall(IrExpr.Call call) {
          return call.function().ordinal();
        }

        @Override
        public Integer visitSelect(IrExpr.Select select) {
          return 0; // its condition's operands are among its children
        }
      };
}
