package org.jifen.org.members.file;

import java.util.Arrays;
import java.util.List;
import org.jifen.org.members.domain.ImportColumn;
import org.jifen.org.members.domain.ImportRow;
import org.jifen.shared.sheets.HeadedSheet;
import org.jifen.shared.sheets.Sheets;
import org.jifen.shared.web.Problem;

/**
 * The member-specific parts of member files: their columns and the import template; reading the file itself (.xlsx
 * or .csv, size, encoding, blank rows) is {@link Sheets}, writing the export row by row is {@link ExportWorkbook}. Anything wrong with the file as a whole is
 * one {@link Problem} with status 400.
 */
public final class MemberSheets {

    public static final long MAX_BYTES = Sheets.MAX_BYTES;
    public static final int MAX_ROWS = 20_000;

    private MemberSheets() {}

    /** The data rows of a member file, blank rows left out, numbered as the spreadsheet numbers them. */
    public static List<ImportRow> read(String fileName, byte[] content) {
        var sheet = HeadedSheet.of(
                Sheets.read(fileName, content, MAX_BYTES),
                ImportColumn::byHeader,
                Arrays.stream(ImportColumn.values())
                        .filter(ImportColumn::required)
                        .toList(),
                c -> c.chinese() + "/" + c.english(),
                MAX_ROWS);
        return sheet.rows().stream()
                .map(row -> new ImportRow(
                        row.number(),
                        sheet.cell(row, ImportColumn.NAME),
                        sheet.cell(row, ImportColumn.MOBILE),
                        sheet.cell(row, ImportColumn.ORGANIZATION),
                        sheet.cell(row, ImportColumn.DEPARTMENT),
                        sheet.cell(row, ImportColumn.ROLE),
                        sheet.cell(row, ImportColumn.PARTY_MEMBER)))
                .toList();
    }

    /** A workbook with the header row and one example, for admins to fill in. */
    public static byte[] template() {
        var header =
                Arrays.stream(ImportColumn.values()).map(ImportColumn::chinese).toList();
        return Sheets.workbook("members", header, List.of(List.of("张三", "13800138000", "龙岗区/平湖街道", "综合组", "学员", "否")));
    }
}
