package io.cleft.compiler.simulate;

import io.cleft.compiler.source.SourceSpan;
import io.cleft.runtime.EventKind;

/**
 * One row of {@code --events}: a spike at the source of synapse {@code synapse} at
 * {@code time}.
 *
 * @param time the spike's time (ms); a PRE event arrives after the synapse's delay
 * @param weight the PRE event's weight, resolved from the row or the synapse's default; 0 for
 *     POST events and for handlers without a weight
 * @param row where the row is, for diagnostics about it
 */
record SpikeEvent(double time, int synapse, EventKind kind, double weight, SourceSpan row) {}
