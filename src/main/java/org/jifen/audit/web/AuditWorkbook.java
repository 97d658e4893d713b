package org.jifen.audit.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jifen.audit.AuditEntry;
import org.springframework.context.MessageSource;

/**
 * Writes audit entries to an .xlsx sheet as they come, keeping only a window of rows in memory (POI's streaming
 * workbook), with the column titles of the message bundle. The entries are already masked.
 */
final class AuditWorkbook {

    static final String[] COLUMNS = {
        "time", "actor", "roles", "action", "object-type", "object-id", "before", "after", "reason", "client-address"
    };
    private static final int[] WIDTHS = {20, 24, 20, 22, 16, 14, 40, 40, 40, 18};

    private final MessageSource messages;
    private final Locale locale;

    AuditWorkbook(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    /** Writes the header and then every entry that {@code source} hands over, to {@code out}. */
    void write(OutputStream out, Consumer<Consumer<AuditEntry>> source) throws IOException {
        try (var workbook = new SXSSFWorkbook(200)) {
            var sheet = workbook.createSheet(text("audit.export.sheet"));
            var bold = workbook.createFont();
            bold.setBold(true);
            var headerStyle = workbook.createCellStyle();
            headerStyle.setFont(bold);
            var header = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.length; i++) {
                var cell = header.createCell(i);
                cell.setCellValue(text("audit.column." + COLUMNS[i]));
                cell.setCellStyle(headerStyle);
                sheet.setColumnWidth(i, WIDTHS[i] * 256);
            }
            sheet.createFreezePane(0, 1);
            int[] next = {1};
            source.accept(e -> fill(sheet.createRow(next[0]++), e));
            workbook.write(out);
        }
    }

    private void fill(Row row, AuditEntry e) {
        String[] values = {
            AuditController.TIME.format(e.at()),
            e.actorLabel(),
            e.roles().stream()
                    .map(r -> messages.getMessage("role." + r, null, r, locale))
                    .collect(Collectors.joining("、")),
            e.action(),
            e.objectType(),
            e.objectId(),
            e.before(),
            e.after(),
            e.reason(),
            e.clientAddress()
        };
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                row.createCell(i).setCellValue(values[i]);
            }
        }
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, locale);
    }
}
