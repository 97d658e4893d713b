package org.jifen.content.certificates.domain;

import java.time.LocalDate;

/**
 * A good row: the certificate {@code code} that account {@code userId} obtained offline on {@code obtainedOn}.
 *
 * @param mobile the 11-digit mobile number of the row (shown only masked)
 */
public record OfflineCertificate(int row, String mobile, long userId, String code, LocalDate obtainedOn) {

    /**
     * The learning event's id: the same person and certificate always make the same id, so that the ledger counts
     * a re-imported row once whatever its file, row or date.
     */
    public String eventId() {
        return "offline-certificate:" + userId + ":" + code;
    }
}
