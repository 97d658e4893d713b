package org.jifen.shared.sheets;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jifen.shared.web.Problem;

/**
 * Reads an uploaded sheet (.xlsx: the first sheet; .csv: UTF-8 with or without BOM, or GB18030 as Excel on a
 * Chinese Windows saves it) into its non-blank rows, and writes workbooks. Anything wrong with the file as a whole
 * is one {@link Problem} with status 400: {@code import.file-too-large}, {@code import.file-type}, {@code
 * import.file-unreadable}, {@code import.file-empty}.
 */
public final class Sheets {

    /** The size limit of an uploaded sheet unless a caller sets its own. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    private static final Charset GB18030 = Charset.forName("GB18030");

    private Sheets() {}

    /** The non-blank rows of the file, numbered as the spreadsheet numbers them; at most {@link #MAX_BYTES}. */
    public static List<SheetRow> read(String fileName, byte[] content) {
        return read(fileName, content, MAX_BYTES);
    }

    /** The non-blank rows of the file, numbered as the spreadsheet numbers them. */
    public static List<SheetRow> read(String fileName, byte[] content, long maxBytes) {
        if (content.length > maxBytes) {
            throw Problem.badRequest("import.file-too-large", Math.max(1, maxBytes / 1024 / 1024));
        }
        var name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        List<List<String>> table;
        if (name.endsWith(".xlsx")) {
            table = xlsx(content);
        } else if (name.endsWith(".csv")) {
            table = Csv.parse(decode(content));
        } else {
            throw Problem.badRequest("import.file-type");
        }
        var rows = new ArrayList<SheetRow>();
        for (int i = 0; i < table.size(); i++) {
            var row = new SheetRow(i + 1, table.get(i));
            if (!row.blank()) {
                rows.add(row);
            }
        }
        if (rows.isEmpty()) {
            throw Problem.badRequest("import.file-empty");
        }
        return rows;
    }

    /** UTF-8 (a BOM is dropped) when the bytes are valid UTF-8, else GB18030. */
    public static String decode(byte[] content) {
        int start = content.length >= 3
                        && (content[0] & 0xff) == 0xef
                        && (content[1] & 0xff) == 0xbb
                        && (content[2] & 0xff) == 0xbf
                ? 3
                : 0;
        var bytes = ByteBuffer.wrap(content, start, content.length - start);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(content, GB18030);
        }
    }

    /** A workbook of one sheet with a header row and the given rows, as text cells. */
    public static byte[] workbook(String sheetName, List<String> header, List<List<String>> rows) {
        try (var book = new XSSFWorkbook();
                var out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet(sheetName);
            write(sheet.createRow(0), header);
            for (int i = 0; i < rows.size(); i++) {
                write(sheet.createRow(i + 1), rows.get(i));
            }
            for (int c = 0; c < header.size(); c++) {
                sheet.setColumnWidth(c, 18 * 256);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Row row, List<String> cells) {
        for (int c = 0; c < cells.size(); c++) {
            row.createCell(c).setCellValue(cells.get(c) == null ? "" : cells.get(c));
        }
    }

    private static List<List<String>> xlsx(byte[] content) {
        try (var book = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            if (book.getNumberOfSheets() == 0) {
                throw Problem.badRequest("import.file-empty");
            }
            var sheet = book.getSheetAt(0);
            var format = new DataFormatter(Locale.ROOT);
            var table = new ArrayList<List<String>>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                var row = sheet.getRow(r);
                var cells = new ArrayList<String>();
                if (row != null) {
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        var cell = row.getCell(c);
                        cells.add(cell == null ? "" : text(cell, format));
                    }
                }
                table.add(cells);
            }
            return table;
        } catch (Problem p) {
            throw p;
        } catch (IOException | RuntimeException e) {
            throw Problem.badRequest("import.file-unreadable");
        }
    }

    /** As displayed, except that a date cell reads as ISO {@code yyyy-MM-dd} whatever its display format. */
    private static String text(Cell cell, DataFormatter format) {
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            var value = cell.getLocalDateTimeCellValue();
            return value.toLocalTime().equals(LocalTime.MIDNIGHT)
                    ? value.toLocalDate().toString()
                    : value.toString();
        }
        return format.formatCellValue(cell);
    }
}
