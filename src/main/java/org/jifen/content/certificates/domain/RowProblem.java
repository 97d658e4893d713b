package org.jifen.content.certificates.domain;

import java.util.List;

/**
 * One bad cell of a certificate file.
 *
 * @param column the column's key ({@code mobile}, {@code certificate}, {@code date})
 * @param code the problem code, also the message key {@code problem.<code>}
 * @param args message arguments
 */
public record RowProblem(int row, String column, String code, List<Object> args) {

    public RowProblem {
        args = List.copyOf(args);
    }
}
