package io.cleft.compiler.table;

import io.cleft.compiler.source.SourceSpan;

/**
 * One field of a CSV record.
 *
 * @param text the value: quotes removed and doubled quotes undone for a quoted field, the
 *     surrounding spaces and tabs removed for an unquoted one
 * @param quoted whether the field was written in quotes, which tells {@code ""} from a blank
 * @param span where the field is, quotes included and padding excluded, for carets
 */
public record CsvField(String text, boolean quoted, SourceSpan span) {}
