package org.jifen.org.members.file;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jifen.org.members.domain.ImportColumn;
import org.jifen.org.members.domain.ImportRow;
import org.jifen.shared.web.Problem;

/**
 * Reads member files (.xlsx: the first sheet; .csv: UTF-8 with or without BOM, or GB18030 as Excel on a Chinese
 * Windows saves it) and writes the import template and the member export. Anything wrong with the file as a whole
 * is one {@link Problem} with status 400.
 */
public final class MemberSheets {

    public static final long MAX_BYTES = 10L * 1024 * 1024;
    public static final int MAX_ROWS = 20_000;

    private static final Charset GB18030 = Charset.forName("GB18030");

    private MemberSheets() {}

    /** The data rows of a member file, blank rows left out, numbered as the spreadsheet numbers them. */
    public static List<ImportRow> read(String fileName, byte[] content) {
        if (content.length > MAX_BYTES) {
            throw Problem.badRequest("import.file-too-large", MAX_BYTES / 1024 / 1024);
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
        return rows(table);
    }

    /** A workbook with the header row and one example, for admins to fill in. */
    public static byte[] template() {
        var header =
                Arrays.stream(ImportColumn.values()).map(ImportColumn::chinese).toList();
        return workbook("members", header, List.of(List.of("张三", "13800138000", "龙岗区/平湖街道", "综合组", "学员", "否")));
    }

    /** A workbook with a header row and the given rows. */
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
            Sheet sheet = book.getSheetAt(0);
            var format = new DataFormatter(Locale.ROOT);
            var table = new ArrayList<List<String>>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                var row = sheet.getRow(r);
                var cells = new ArrayList<String>();
                if (row != null) {
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        var cell = row.getCell(c);
                        cells.add(cell == null ? "" : format.formatCellValue(cell));
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

    /** UTF-8 (a BOM is dropped) when the bytes are valid UTF-8, else GB18030. */
    static String decode(byte[] content) {
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

    /** Finds the header in the first non-blank row, then maps each later non-blank row by column. */
    private static List<ImportRow> rows(List<List<String>> table) {
        int headerIndex = -1;
        for (int i = 0; i < table.size(); i++) {
            if (!blank(table.get(i))) {
                headerIndex = i;
                break;
            }
        }
        if (headerIndex < 0) {
            throw Problem.badRequest("import.file-empty");
        }
        var columns = new EnumMap<ImportColumn, Integer>(ImportColumn.class);
        var header = table.get(headerIndex);
        for (int c = 0; c < header.size(); c++) {
            int index = c;
            ImportColumn.byHeader(header.get(c)).ifPresent(col -> columns.putIfAbsent(col, index));
        }
        var missing = Arrays.stream(ImportColumn.values())
                .filter(c -> c.required() && !columns.containsKey(c))
                .map(c -> c.chinese() + "/" + c.english())
                .collect(Collectors.joining(", "));
        if (!missing.isEmpty()) {
            throw Problem.badRequest("import.missing-columns", missing);
        }
        var rows = new ArrayList<ImportRow>();
        for (int i = headerIndex + 1; i < table.size(); i++) {
            var cells = table.get(i);
            if (blank(cells)) {
                continue;
            }
            if (rows.size() == MAX_ROWS) {
                throw Problem.badRequest("import.too-many-rows", MAX_ROWS);
            }
            rows.add(new ImportRow(
                    i + 1,
                    cell(cells, columns, ImportColumn.NAME),
                    cell(cells, columns, ImportColumn.MOBILE),
                    cell(cells, columns, ImportColumn.ORGANIZATION),
                    cell(cells, columns, ImportColumn.DEPARTMENT),
                    cell(cells, columns, ImportColumn.ROLE),
                    cell(cells, columns, ImportColumn.PARTY_MEMBER)));
        }
        if (rows.isEmpty()) {
            throw Problem.badRequest("import.file-empty");
        }
        return rows;
    }

    private static String cell(List<String> cells, Map<ImportColumn, Integer> columns, ImportColumn column) {
        var index = columns.get(column);
        return index == null || index >= cells.size() ? "" : cells.get(index);
    }

    private static boolean blank(List<String> cells) {
        return cells.stream().allMatch(c -> c == null || c.isBlank());
    }
}
