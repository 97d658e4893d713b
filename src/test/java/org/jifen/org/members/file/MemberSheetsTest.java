package org.jifen.org.members.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.jifen.org.members.domain.ImportRow;
import org.jifen.shared.web.Problem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MemberSheetsTest {

    private static final String CSV = """
            姓名,手机号,组织,部门,角色,党员
            张三,13712345678,龙岗区/平湖街道,综合组,学员,是

            "李,四",13712345679,龙岗区/平湖街道/山厦社区,"说\"\"明\"\"\",,否
            """;

    @Test
    @DisplayName("ORG a UTF-8 CSV with a BOM is read row by row, blank rows skipped, quotes honoured")
    void utf8_with_bom() {
        var bom = new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
        var body = CSV.getBytes(StandardCharsets.UTF_8);
        var bytes = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, bytes, 0, bom.length);
        System.arraycopy(body, 0, bytes, bom.length, body.length);

        assertThat(MemberSheets.read("members.CSV", bytes))
                .containsExactly(
                        new ImportRow(2, "张三", "13712345678", "龙岗区/平湖街道", "综合组", "学员", "是"),
                        new ImportRow(4, "李,四", "13712345679", "龙岗区/平湖街道/山厦社区", "说\"明\"", "", "否"));
    }

    @Test
    @DisplayName("ORG a CSV saved by Excel on Chinese Windows (GB18030) is read")
    void gb18030() {
        var rows = MemberSheets.read("members.csv", CSV.getBytes(Charset.forName("GB18030")));

        assertThat(rows).extracting(ImportRow::name).containsExactly("张三", "李,四");
        assertThat(rows.getFirst().organization()).isEqualTo("龙岗区/平湖街道");
    }

    @Test
    @DisplayName("ORG English headers in any order, optional columns left out")
    void english_headers_any_order() {
        var csv = "Mobile,Organization,Name\r\n13712345678,龙岗区/平湖街道,张三\r\n";

        assertThat(MemberSheets.read("a.csv", csv.getBytes(StandardCharsets.UTF_8)))
                .containsExactly(new ImportRow(2, "张三", "13712345678", "龙岗区/平湖街道", "", "", ""));
    }

    @Test
    @DisplayName("ORG the template is an .xlsx the import reads back")
    void template_round_trip() {
        assertThat(MemberSheets.read("template.xlsx", MemberSheets.template()))
                .containsExactly(new ImportRow(2, "张三", "13800138000", "龙岗区/平湖街道", "综合组", "学员", "否"));
    }

    @Test
    @DisplayName("ORG a file-level problem is one clear error")
    void file_level_problems() {
        assertThat(code(() -> MemberSheets.read("members.txt", "x".getBytes()))).isEqualTo("import.file-type");
        assertThat(code(() -> MemberSheets.read("members.csv", new byte[0]))).isEqualTo("import.file-empty");
        assertThat(code(() -> MemberSheets.read("members.csv", "姓名,手机号,组织\n".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("import.file-empty");
        assertThat(code(() -> MemberSheets.read("members.csv", "姓名,部门\n张三,x\n".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("import.missing-columns");
        assertThat(code(() -> MemberSheets.read("members.xlsx", "not a workbook".getBytes())))
                .isEqualTo("import.file-unreadable");
        assertThat(code(() -> MemberSheets.read("members.csv", new byte[(int) MemberSheets.MAX_BYTES + 1])))
                .isEqualTo("import.file-too-large");
        var many = new StringBuilder("姓名,手机号,组织\n");
        for (int i = 0; i <= MemberSheets.MAX_ROWS; i++) {
            many.append("a,1,b\n");
        }
        assertThat(code(() -> MemberSheets.read("many.csv", many.toString().getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("import.too-many-rows");
    }

    @Test
    void exactly_the_row_limit_is_accepted() {
        var many = new StringBuilder("姓名,手机号,组织\n");
        for (int i = 0; i < MemberSheets.MAX_ROWS; i++) {
            many.append("a,1,b\n");
        }
        assertThat(MemberSheets.read("many.csv", many.toString().getBytes(StandardCharsets.UTF_8)))
                .hasSize(MemberSheets.MAX_ROWS);
    }

    private static String code(Runnable read) {
        try {
            read.run();
        } catch (Problem p) {
            assertThat(p.status()).isEqualTo(400);
            return p.code();
        }
        assertThatThrownBy(() -> {}).as("a Problem was expected").isInstanceOf(Problem.class);
        return null;
    }
}
