package org.jifen.shared.sheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jifen.shared.web.Problem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SheetsTest {

    @Test
    @DisplayName(
            "a CSV in UTF-8 with BOM and the same in GB18030 read alike, blank rows left out, rows keep their number")
    void csv_encodings_and_row_numbers() {
        var text = "手机号,证书\n\n13800000006,\"a,b\"\n";
        var bom = new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
        var utf8 = text.getBytes(StandardCharsets.UTF_8);
        var withBom = new byte[bom.length + utf8.length];
        System.arraycopy(bom, 0, withBom, 0, bom.length);
        System.arraycopy(utf8, 0, withBom, bom.length, utf8.length);

        var expected = List.of(new SheetRow(1, List.of("手机号", "证书")), new SheetRow(3, List.of("13800000006", "a,b")));
        assertThat(Sheets.read("x.csv", withBom)).isEqualTo(expected);
        assertThat(Sheets.read("X.CSV", text.getBytes(Charset.forName("GB18030"))))
                .isEqualTo(expected);
    }

    @Test
    @DisplayName("an .xlsx date cell reads as yyyy-MM-dd whatever its display format; a workbook reads back")
    void xlsx_dates_and_round_trip() throws Exception {
        try (var book = new XSSFWorkbook();
                var out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet("s");
            sheet.createRow(0).createCell(0).setCellValue("日期");
            var cell = sheet.createRow(2).createCell(0);
            cell.setCellValue(LocalDate.of(2026, 3, 5));
            var style = book.createCellStyle();
            style.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("m/d/yy"));
            cell.setCellStyle(style);
            book.write(out);
            assertThat(Sheets.read("d.xlsx", out.toByteArray()))
                    .containsExactly(new SheetRow(1, List.of("日期")), new SheetRow(3, List.of("2026-03-05")));
        }
        var written = Sheets.workbook("t", List.of("a", "b"), List.of(List.of("1", "2")));
        assertThat(Sheets.read("t.xlsx", written))
                .containsExactly(new SheetRow(1, List.of("a", "b")), new SheetRow(2, List.of("1", "2")));
    }

    @Test
    @DisplayName("file-level problems: type, size, unreadable, empty, missing columns, too many rows")
    void file_problems() {
        assertThat(code(() -> Sheets.read("a.txt", new byte[1]))).isEqualTo("import.file-type");
        assertThat(code(() -> Sheets.read("a.csv", new byte[11], 10))).isEqualTo("import.file-too-large");
        assertThat(code(() -> Sheets.read("a.xlsx", "nope".getBytes()))).isEqualTo("import.file-unreadable");
        assertThat(code(() -> Sheets.read("a.csv", "\n ,\n".getBytes()))).isEqualTo("import.file-empty");
        var rows = Sheets.read("a.csv", "B,a\n1,2\n3,4\n".getBytes());
        assertThat(code(() -> headed(rows, List.of("a", "c"), 5))).isEqualTo("import.missing-columns");
        assertThat(code(() -> headed(rows, List.of("a"), 1))).isEqualTo("import.too-many-rows");
        assertThat(code(() -> headed(rows.subList(0, 1), List.of("a"), 5))).isEqualTo("import.file-empty");

        var sheet = headed(rows, List.of("a"), 2);
        assertThat(sheet.rows()).extracting(SheetRow::number).containsExactly(2, 3);
        assertThat(sheet.cell(sheet.rows().get(1), "a")).isEqualTo("4");
        assertThat(sheet.cell(sheet.rows().get(1), "b")).isEqualTo("3");
        assertThat(sheet.has("c")).isFalse();
    }

    private static HeadedSheet<String> headed(List<SheetRow> rows, List<String> required, int max) {
        return HeadedSheet.of(
                rows, h -> h.isEmpty() ? Optional.empty() : Optional.of(h.toLowerCase()), required, c -> c, max);
    }

    private static String code(Runnable read) {
        var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(Problem.class, read::run);
        assertThat(thrown).as("a Problem").isNotNull();
        assertThat(thrown.status()).isEqualTo(400);
        return thrown.code();
    }

    @Test
    void a_file_without_a_name_is_refused_by_its_type() {
        assertThatThrownBy(() -> Sheets.read(null, new byte[0]))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("import.file-type"));
    }
}
