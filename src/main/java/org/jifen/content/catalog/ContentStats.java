package org.jifen.content.catalog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Per-item numbers of a program, from the reading, playback, watched-day and share rows, and their xlsx export. */
@Service
public class ContentStats {

    private final JdbcClient jdbc;

    ContentStats(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ItemStats> of(String programKey, ItemStats.Order order) {
        var rows = jdbc.sql("""
                        select i.id, i.kind, i.title,
                            (select count(*) from content.reading r where r.item_id = i.id)
                              + (select count(*) from content.playback p where p.item_id = i.id) as views,
                            (select count(*) from content.reading r where r.item_id = i.id and r.counted_at is not null)
                              as valid_reads,
                            (select coalesce(sum(w.credited), 0) from content.watched_day w where w.item_id = i.id)
                              as watched_seconds,
                            (select count(*) from content.share s where s.item_id = i.id) as shares
                        from content.item i where i.program_key = ?""")
                .param(programKey)
                .query((rs, n) -> new ItemStats(
                        rs.getLong("id"),
                        ItemKind.of(rs.getString("kind")).orElseThrow(),
                        rs.getString("title"),
                        rs.getLong("views"),
                        rs.getLong("valid_reads"),
                        rs.getLong("watched_seconds"),
                        rs.getLong("shares")))
                .list();
        return rows.stream().sorted(comparator(order)).toList();
    }

    static Comparator<ItemStats> comparator(ItemStats.Order order) {
        Comparator<ItemStats> byId = Comparator.comparingLong(ItemStats::itemId).reversed();
        Function<Comparator<ItemStats>, Comparator<ItemStats>> desc =
                c -> c.reversed().thenComparing(byId);
        return switch (order) {
            case VIEWS -> desc.apply(Comparator.comparingLong(ItemStats::views));
            case READS -> desc.apply(Comparator.comparingLong(ItemStats::validReads));
            case MINUTES -> desc.apply(Comparator.comparingLong(ItemStats::watchedSeconds));
            case SHARES -> desc.apply(Comparator.comparingLong(ItemStats::shares));
            case TITLE -> Comparator.comparing(ItemStats::title).thenComparing(byId);
        };
    }

    /** The stats as an .xlsx workbook with one header row, in the given column titles. */
    public byte[] xlsx(List<ItemStats> stats, List<String> headers, Function<ItemKind, String> kindLabel) {
        try (var book = new XSSFWorkbook();
                var out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet("stats");
            var head = sheet.createRow(0);
            for (int c = 0; c < headers.size(); c++) {
                head.createCell(c).setCellValue(headers.get(c));
            }
            int r = 1;
            for (var s : stats) {
                var row = sheet.createRow(r++);
                row.createCell(0).setCellValue(s.itemId());
                row.createCell(1).setCellValue(kindLabel.apply(s.kind()));
                row.createCell(2).setCellValue(s.title());
                row.createCell(3).setCellValue(s.views());
                row.createCell(4).setCellValue(s.validReads());
                row.createCell(5).setCellValue(s.watchedMinutes().doubleValue());
                row.createCell(6).setCellValue(s.shares());
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
