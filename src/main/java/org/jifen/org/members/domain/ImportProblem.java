package org.jifen.org.members.domain;

import java.util.List;

/**
 * What is wrong with one cell of an import.
 *
 * @param row the spreadsheet's row number
 * @param column the column key ({@code mobile}), see {@link ImportColumn#key()}
 * @param code stable code, also the message key {@code problem.<code>}
 * @param args message arguments (for a duplicate: the row that first had the number)
 */
public record ImportProblem(int row, String column, String code, List<Object> args) {

    public ImportProblem {
        args = List.copyOf(args);
    }

    static ImportProblem of(ImportRow row, ImportColumn column, String code, Object... args) {
        return new ImportProblem(row.row(), column.key(), code, List.of(args));
    }
}
