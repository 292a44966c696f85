package io.github.txsim.rows;

import java.util.Map;

/**
 * What a source file's header must hold, and what may be left out of the records.
 *
 * @param requiredColumns  the columns every file must have, each with what it is for (said when one is missing)
 * @param dropUnnamedIndex whether an unnamed first column, pandas' index, is left out of the records
 *                         (publish.dropUnnamedIndexColumn); otherwise a file with one fails
 */
public record ColumnRules(Map<String, String> requiredColumns, boolean dropUnnamedIndex) {

    public ColumnRules {
        requiredColumns = Map.copyOf(requiredColumns);
    }
}
