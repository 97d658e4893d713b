package org.jifen.shared.sheets;

import java.util.List;

/**
 * One non-blank row of a sheet.
 *
 * @param number the row number the spreadsheet shows (1 for the first row), for reporting problems
 * @param cells the cells as text, as the sheet displays them (dates of an .xlsx as {@code yyyy-MM-dd})
 */
public record SheetRow(int number, List<String> cells) {

    public SheetRow {
        cells = List.copyOf(cells);
    }

    /** The cell at {@code index}, or "" past the row's end. */
    public String cell(int index) {
        return index < 0 || index >= cells.size() ? "" : cells.get(index);
    }

    boolean blank() {
        return cells.stream().allMatch(String::isBlank);
    }
}
