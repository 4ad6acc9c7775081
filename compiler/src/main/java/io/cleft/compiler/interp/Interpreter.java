package io.cleft.compiler.interp;

import io.cleft.compiler.ir.IrBlock;
import io.cleft.compiler.ir.IrCondition;
import io.cleft.compiler.ir.IrExpr;
import io.cleft.compiler.ir.IrLocal;
import io.cleft.compiler.ir.IrProgram;
import io.cleft.compiler.ir.KernelKind;
import io.cleft.runtime.CleftMath;
import java.util.List;

/**
 * The reference semantics of cleft: evaluates the IR in IEEE double precision, left to right,
 * exactly as written, with no reassociation, no fused multiply-add and the runtime's math
 * functions. Generated code is tested against it.
 */
public final class Interpreter {
  private final IrProgram program;

  public Interpreter(IrProgram program) {
    this.program = program;
  }

  public IrProgram program() {
    return program;
  }

  /**
   * One update step: the states after a step of {@code dt} ms, from the states before it.
   *
   * @param parameters in declaration order and declared units
   * @param states in declaration order and declared units; not modified
   */
  public double[] update(double[] parameters, double[] states, double dt, double vPre, double vPost) {
    return run(KernelKind.UPDATE, new Frame(parameters, states, dt, vPre, vPost));
  }

  /** The synaptic current (nA) for the given states. */
  public double current(double[] parameters, double[] states, double vPre, double vPost) {
    return currentTerms(parameters, states, vPre, vPost)[IrProgram.CURRENT];
  }

  /** The exact derivative of the current with respect to {@code v_post} (uS). */
  public double conductance(double[] parameters, double[] states, double vPre, double vPost) {
    return currentTerms(parameters, states, vPre, vPost)[IrProgram.CONDUCTANCE];
  }

  /**
   * The current and its derivative in one evaluation, indexed by {@link IrProgram#CURRENT} and
   * {@link IrProgram#CONDUCTANCE}.
   */
  public double[] currentTerms(double[] parameters, double[] states, double vPre, double vPost) {
    // The current has no time step; NaN makes any accidental use of it visible.
    return run(KernelKind.CURRENT, new Frame(parameters, states, Double.NaN, vPre, vPost));
  }

  /** The initial states of a synapse with these parameters, in declaration order and declared units. */
  public double[] initial(double[] parameters) {
    double[] none = new double[program.model().states().size()];
    return run(KernelKind.INITIAL, new Frame(parameters, none, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN));
  }

  /** One update step that starts at time {@code t} (ms). */
  public double[] update(double[] parameters, double[] states, double t, double dt, double vPre, double vPost) {
    return run(KernelKind.UPDATE, new Frame(parameters, states, t, dt, vPre, vPost, Double.NaN));
  }

  /**
   * The current kernel's results at time {@code t}: the current (nA), its derivative (uS), then
   * the current block's named values in working units.
   */
  public double[] currentTerms(double[] parameters, double[] states, double t, double vPre, double vPost) {
    return run(KernelKind.CURRENT, new Frame(parameters, states, t, Double.NaN, vPre, vPost, Double.NaN));
  }

  /**
   * The states after the handler of {@code kind} ({@code ON_PRE} or {@code ON_POST}) ran for an
   * event at time {@code t} with {@code weight}; the states as they were for a model without it.
   */
  public double[] onEvent(KernelKind kind, double[] parameters, double[] states, double t, double weight) {
    if (program.kernel(kind).isEmpty()) {
      return states.clone();
    }
    return run(kind, new Frame(parameters, states, t, Double.NaN, Double.NaN, Double.NaN, weight));
  }

  /**
   * The results of the kernel of {@code kind} (see {@link KernelKind} for what they are), with
   * the invariants computed first from the frame's parameters and {@code dt}.
   *
   * @throws IllegalStateException if the program has no such kernel
   */
  public double[] run(KernelKind kind, Frame frame) {
    return run(program.block(kind), withInvariants(frame));
  }

  /** Computes the invariants afresh: the interpreter keeps nothing from one call to the next. */
  private Evaluation withInvariants(Frame frame) {
    Evaluation evaluation = new Evaluation(frame);
    List<IrLocal> invariants = program.invariants().locals();
    evaluation.locals = new double[invariants.size()];
    for (int i = 0; i < invariants.size(); i++) {
      evaluation.locals[i] = evaluation.eval(invariants.get(i).value());
    }
    evaluation.invariants = evaluation.locals;
    return evaluation;
  }

  private static double[] run(IrBlock block, Evaluation evaluation) {
    List<IrLocal> locals = block.locals();
    evaluation.locals = new double[locals.size()];
    for (int i = 0; i < locals.size(); i++) {
      evaluation.locals[i] = evaluation.eval(locals.get(i).value());
    }
    List<IrExpr> results = block.results();
    double[] values = new double[results.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = evaluation.eval(results.get(i));
    }
    return values;
  }

  /**
   * What a kernel reads.
   *
   * @param parameters in declaration order and declared units
   * @param states in declaration order and declared units; not modified
   * @param dt the time step (ms)
   * @param vPre the presynaptic voltage (mV)
   * @param vPost the postsynaptic voltage (mV)
   */
  public record Frame(
      double[] parameters, double[] states, double t, double dt, double vPre, double vPost, double weight) {
    /** A frame without a time or a weight: a model that reads {@code t} reads NaN, which shows. */
    public Frame(double[] parameters, double[] states, double dt, double vPre, double vPost) {
      this(parameters, states, Double.NaN, dt, vPre, vPost, Double.NaN);
    }
  }

  /** One run of a block: the frame it reads and the locals computed so far. */
  private static final class Evaluation implements IrExpr.Visitor<Void>, IrCondition.Visitor<Boolean> {
    final double[] parameters;
    final double[] states;
    double[] locals;
    double[] invariants;
    final double dt;
    final double vPre;
    final double vPost;
    final double t;
    final double weight;
    /** The value of the expression last visited. */
    private double value;

    Evaluation(Frame frame) {
      this.parameters = frame.parameters();
      this.states = frame.states();
      this.t = frame.t();
      this.weight = frame.weight();
      this.dt = frame.dt();
      this.vPre = frame.vPre();
      this.vPost = frame.vPost();
    }

    /**
     * The value of {@code expr}. The visit methods leave it in {@link #value} rather than return
     * it, so that no double is boxed: the interpreter's speed is measured (docs/BENCHMARKS.md).
     */
    double eval(IrExpr expr) {
      expr.accept(this);
      return value;
    }

    @Override
    public Void visitConstant(IrExpr.Constant constant) {
      value = constant.value();
      return null;
    }

    @Override
    public Void visitParameter(IrExpr.Parameter parameter) {
      value = parameters[parameter.index()];
      return null;
    }

    @Override
    public Void visitState(IrExpr.State state) {
      value = states[state.index()];
      return null;
    }

    @Override
    public Void visitLocal(IrExpr.Local local) {
      value = locals[local.index()];
      return null;
    }

    @Override
    public Void visitInvariant(IrExpr.Invariant invariant) {
      value = invariants[invariant.index()];
      return null;
    }

    @Override
    public Void visitInput(IrExpr.Input input) {
      value = switch (input.input()) {
        case DT -> dt;
        case V_PRE -> vPre;
        case V_POST -> vPost;
        case T -> t;
        case WEIGHT -> weight;
      };
      return null;
    }

    @Override
    public Void visitNegate(IrExpr.Negate negate) {
      value = -eval(negate.operand());
      return null;
    }

    @Override
    public Void visitBinary(IrExpr.Binary binary) {
      double l = eval(binary.left());
      double r = eval(binary.right());
      value = switch (binary.operator()) {
        case ADD -> l + r;
        case SUBTRACT -> l - r;
        case MULTIPLY -> l * r;
        case DIVIDE -> l / r;
        case POWER -> CleftMath.pow(l, r);
      };
      return null;
    }

    @Override
    public Void visitCall(IrExpr.Call call) {
      value = call(call);
      return null;
    }

    @Override
    public Void visitSelect(IrExpr.Select select) {
      value = test(select.condition()) ? eval(select.whenTrue()) : eval(select.whenFalse());
      return null;
    }

    private double call(IrExpr.Call call) {
      double a = eval(call.arguments().get(0));
      return switch (call.function()) {
        case EXP -> CleftMath.exp(a);
        case SAFE_EXP -> CleftMath.safeExp(a);
        case LOG -> CleftMath.log(a);
        case SQRT -> CleftMath.sqrt(a);
        case TANH -> CleftMath.tanh(a);
        case SIGMOID -> CleftMath.sigmoid(a);
        case ABS -> CleftMath.abs(a);
        case POW -> CleftMath.pow(a, eval(call.arguments().get(1)));
        case MIN -> CleftMath.min(a, eval(call.arguments().get(1)));
        case MAX -> CleftMath.max(a, eval(call.arguments().get(1)));
      };
    }

    boolean test(IrCondition condition) {
      return condition.accept(this);
    }

    @Override
    public Boolean visitCompare(IrCondition.Compare compare) {
      double l = eval(compare.left());
      double r = eval(compare.right());
      return switch (compare.operator()) {
        case LESS -> l < r;
        case LESS_OR_EQUAL -> l <= r;
        case GREATER -> l > r;
        case GREATER_OR_EQUAL -> l >= r;
        case EQUAL -> l == r;
        case NOT_EQUAL -> l != r;
      };
    }

    @Override
    public Boolean visitAnd(IrCondition.And and) {
      return test(and.left()) && test(and.right());
    }

    @Override
    public Boolean visitOr(IrCondition.Or or) {
      return test(or.left()) || test(or.right());
    }

    @Override
    public Boolean visitNot(IrCondition.Not not) {
      return !test(not.operand());
    }
  }
}
