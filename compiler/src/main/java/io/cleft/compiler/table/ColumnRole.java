package io.cleft.compiler.table;

/** What a CSV column of {@code cleft eval} holds. */
public enum ColumnRole {
  DT,
  /** {@code t}: the time at the start of the step, for models that read it (optional otherwise). */
  TIME,
  V_PRE,
  V_POST,
  PARAMETER,
  STATE,
  /** {@code out_<state>}: the state after one step; cleft writes its own value here. */
  EXPECTED_STATE,
  /** {@code current}: the current from the input states; cleft writes its own value here. */
  EXPECTED_CURRENT;

  /** Whether cleft computes this column, so that an input value is only an expectation. */
  public boolean isExpected() {
    return this == EXPECTED_STATE || this == EXPECTED_CURRENT;
  }
}
