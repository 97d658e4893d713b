package org.jifen.shared.sheets;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jifen.shared.web.Problem;

/**
 * A sheet whose first non-blank row names its columns, in any order: the columns found and the data rows after
 * the header.
 *
 * @param <C> the importer's column type
 */
public final class HeadedSheet<C> {

    private final Map<C, Integer> columns;
    private final List<SheetRow> rows;

    private HeadedSheet(Map<C, Integer> columns, List<SheetRow> rows) {
        this.columns = Map.copyOf(columns);
        this.rows = List.copyOf(rows);
    }

    /**
     * Finds the header in the first of {@code rows} and checks the file: {@code import.missing-columns} (with the
     * labels of the required columns not found), {@code import.file-empty} when no data row follows, {@code
     * import.too-many-rows} beyond {@code maxRows}; each a 400 {@link Problem}.
     *
     * @param byHeader the column a header cell names, if any (the first cell naming a column wins)
     * @param required the columns the file must have
     * @param label how a missing column is named in the problem
     */
    public static <C> HeadedSheet<C> of(
            List<SheetRow> rows,
            Function<String, Optional<C>> byHeader,
            List<C> required,
            Function<C, String> label,
            int maxRows) {
        if (rows.isEmpty()) {
            throw Problem.badRequest("import.file-empty");
        }
        var columns = new HashMap<C, Integer>();
        var header = rows.getFirst().cells();
        for (int c = 0; c < header.size(); c++) {
            int index = c;
            byHeader.apply(header.get(c).strip()).ifPresent(col -> columns.putIfAbsent(col, index));
        }
        var missing = required.stream()
                .filter(c -> !columns.containsKey(c))
                .map(label)
                .collect(Collectors.joining(", "));
        if (!missing.isEmpty()) {
            throw Problem.badRequest("import.missing-columns", missing);
        }
        var data = rows.subList(1, rows.size());
        if (data.isEmpty()) {
            throw Problem.badRequest("import.file-empty");
        }
        if (data.size() > maxRows) {
            throw Problem.badRequest("import.too-many-rows", maxRows);
        }
        return new HeadedSheet<>(columns, data);
    }

    /** The data rows, blank ones left out. */
    public List<SheetRow> rows() {
        return rows;
    }

    public boolean has(C column) {
        return columns.containsKey(column);
    }

    /** The cell of {@code column} in {@code row} as read; "" when the column or the cell is absent. */
    public String cell(SheetRow row, C column) {
        var index = columns.get(column);
        return index == null ? "" : row.cell(index);
    }
}
