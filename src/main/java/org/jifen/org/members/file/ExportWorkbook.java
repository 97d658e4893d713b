package org.jifen.org.members.file;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * An .xlsx written row by row for exports of any size: only the last {@link #WINDOW} rows stay in memory, the
 * rest go to a compressed temporary file until {@link #writeTo} copies them into the workbook. A sheet holds at
 * most 1,048,576 rows, so a full sheet continues on the next one ({@code members}, {@code members 2}, …), each
 * with the header row. Close it to delete the temporary files.
 */
public final class ExportWorkbook implements AutoCloseable {

    /** Data rows per sheet: the .xlsx row limit less the header row. */
    static final int ROWS_PER_SHEET = SpreadsheetVersion.EXCEL2007.getMaxRows() - 1;

    /** Rows kept in memory; older ones are flushed to the temporary file. */
    static final int WINDOW = 100;

    private static final int COLUMN_WIDTH = 18 * 256;

    private final SXSSFWorkbook book = new SXSSFWorkbook(WINDOW);
    private final String sheetName;
    private final List<String> header;
    private final int rowsPerSheet;
    private SXSSFSheet sheet;
    private int rowsInSheet;
    private long rows;

    ExportWorkbook(String sheetName, List<String> header, int rowsPerSheet) {
        if (rowsPerSheet < 1 || rowsPerSheet > ROWS_PER_SHEET) {
            throw new IllegalArgumentException("rows per sheet: " + rowsPerSheet);
        }
        this.sheetName = sheetName;
        this.header = List.copyOf(header);
        this.rowsPerSheet = rowsPerSheet;
        book.setCompressTempFiles(true);
    }

    /** A workbook whose sheets are named after {@code sheetName} and start with {@code header}. */
    public static ExportWorkbook of(String sheetName, List<String> header) {
        return new ExportWorkbook(sheetName, header, ROWS_PER_SHEET);
    }

    /** Appends one row of text cells, on a new sheet when the current one is full. */
    public void add(List<String> cells) {
        if (sheet == null || rowsInSheet == rowsPerSheet) {
            nextSheet();
        }
        rowsInSheet++;
        rows++;
        write(sheet, rowsInSheet, cells);
    }

    /** The data rows added so far. */
    public long rows() {
        return rows;
    }

    /** Writes the finished workbook (one sheet with the header alone when no row was added). */
    public void writeTo(OutputStream out) throws IOException {
        if (sheet == null) {
            nextSheet();
        }
        book.write(out);
    }

    private void nextSheet() {
        int number = book.getNumberOfSheets() + 1;
        sheet = book.createSheet(number == 1 ? sheetName : sheetName + " " + number);
        for (int c = 0; c < header.size(); c++) {
            sheet.setColumnWidth(c, COLUMN_WIDTH);
        }
        write(sheet, 0, header);
        rowsInSheet = 0;
    }

    private static void write(SXSSFSheet sheet, int index, List<String> cells) {
        var row = sheet.createRow(index);
        for (int c = 0; c < cells.size(); c++) {
            row.createCell(c).setCellValue(cells.get(c) == null ? "" : cells.get(c));
        }
    }

    /** Deletes the temporary files. */
    @Override
    public void close() {
        try {
            book.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            book.dispose();
        }
    }
}
