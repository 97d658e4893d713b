package org.jifen.content.certificates;

import java.time.LocalDate;
import java.util.List;
import org.jifen.content.certificates.domain.RowProblem;

/**
 * What a certificate import did: every bad row's problems and, when rows were imported, the import record and what
 * each good row earned.
 *
 * @param importId the import record, or null when nothing was imported
 * @param rows data rows in the file
 * @param problems every problem of the bad rows (left out with "good rows only", else nothing was imported)
 * @param results per imported row: the points awarded or why none
 * @param recorded rows that became learning events now (not those an earlier import recorded)
 * @param points the points those events earned
 */
public record CertificateImportResult(
        Long importId, int rows, List<RowProblem> problems, List<RowResult> results, int recorded, long points) {

    public CertificateImportResult {
        problems = List.copyOf(problems);
        results = List.copyOf(results);
    }

    static CertificateImportResult refused(int rows, List<RowProblem> problems) {
        return new CertificateImportResult(null, rows, problems, List.of(), 0, 0);
    }

    public boolean imported() {
        return importId != null;
    }

    /**
     * One imported row.
     *
     * @param mobile masked (138****5678)
     * @param reason why none or fewer points: an outcome reason of the points engine ({@code already-rewarded}, …)
     *     or {@code already-imported}; null when the full value was awarded
     */
    public record RowResult(int row, String mobile, String certificate, LocalDate date, int points, String reason) {}
}
