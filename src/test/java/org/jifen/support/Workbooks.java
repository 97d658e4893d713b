package org.jifen.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** An .xlsx a test received, read back as text: every sheet, every row, the cells as Excel shows them. */
public final class Workbooks {

    private Workbooks() {}

    /** One sheet: its name and its rows, each cell from the first to the row's last (blanks as ""). */
    public record Sheet(String name, List<List<String>> rows) {}

    public static List<Sheet> read(byte[] xlsx) throws IOException {
        var sheets = new ArrayList<Sheet>();
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var format = new DataFormatter();
            for (var sheet : book) {
                var rows = new ArrayList<List<String>>();
                sheet.forEach(row -> {
                    var cells = new ArrayList<String>();
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        cells.add(format.formatCellValue(row.getCell(c)));
                    }
                    rows.add(cells);
                });
                sheets.add(new Sheet(sheet.getSheetName(), rows));
            }
        }
        return sheets;
    }
}
