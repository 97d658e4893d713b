package org.jifen.org.members.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.jifen.support.Workbooks;
import org.jifen.support.Workbooks.Sheet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ExportWorkbookTest {

    private static final List<String> HEADER = List.of("姓名", "手机号");

    @Test
    @DisplayName("MASK a full sheet continues on the next, each with the header, no row lost or repeated")
    void continues_on_a_new_sheet() throws IOException {
        byte[] bytes;
        try (var book = new ExportWorkbook("members", HEADER, 3)) {
            for (int i = 1; i <= 7; i++) {
                book.add(List.of("成员" + i, "137****000" + i));
            }
            assertThat(book.rows()).isEqualTo(7);
            bytes = write(book);
        }

        var sheets = read(bytes);
        assertThat(sheets).extracting(Sheet::name).containsExactly("members", "members 2", "members 3");
        assertThat(sheets).allSatisfy(s -> assertThat(s.rows().getFirst()).isEqualTo(HEADER));
        assertThat(sheets.get(0).rows()).hasSize(4);
        assertThat(sheets.get(1).rows()).hasSize(4);
        assertThat(sheets.get(2).rows()).hasSize(2);
        assertThat(sheets.stream()
                        .flatMap(s -> s.rows().stream().skip(1))
                        .map(List::getFirst)
                        .toList())
                .containsExactly("成员1", "成员2", "成员3", "成员4", "成员5", "成员6", "成员7");
    }

    @Test
    @DisplayName("MASK exactly a sheet's worth of rows makes one sheet; no rows make a sheet with the header alone")
    void boundaries() throws IOException {
        try (var book = new ExportWorkbook("members", HEADER, 3)) {
            for (int i = 1; i <= 3; i++) {
                book.add(List.of("成员" + i, ""));
            }
            assertThat(read(write(book)))
                    .singleElement()
                    .satisfies(s -> assertThat(s.rows()).hasSize(4));
        }
        try (var book = ExportWorkbook.of("members", HEADER)) {
            assertThat(read(write(book)))
                    .singleElement()
                    .satisfies(s -> assertThat(s.rows()).containsExactly(HEADER));
        }
    }

    @Test
    @DisplayName("MASK the workbook's own limit is the .xlsx limit of 1,048,576 rows, header included")
    void xlsx_limit() {
        assertThat(ExportWorkbook.ROWS_PER_SHEET + 1).isEqualTo(1_048_576);
    }

    private static byte[] write(ExportWorkbook book) throws IOException {
        var out = new ByteArrayOutputStream();
        book.writeTo(out);
        return out.toByteArray();
    }

    private static List<Sheet> read(byte[] bytes) throws IOException {
        return Workbooks.read(bytes);
    }
}
