package org.jifen.shared.web;

import java.util.List;

/**
 * A rejected request with a stable, documented error code (for example {@code member.mobile-taken}). The REST
 * layer renders it as an RFC 9457 problem detail; pages show its message next to the field it names.
 *
 * @param code stable identifier, also the message-bundle key {@code problem.<code>}
 * @param status HTTP status
 * @param errors per-field problems, when the request had several
 */
public class Problem extends RuntimeException {

    private final String code;
    private final int status;
    private final transient Object[] args;
    private final List<FieldProblem> errors;

    public Problem(String code, int status, Object... args) {
        this(code, status, List.of(), args);
    }

    public Problem(String code, int status, List<FieldProblem> errors, Object... args) {
        super(code);
        this.code = code;
        this.status = status;
        this.args = args;
        this.errors = List.copyOf(errors);
    }

    public static Problem badRequest(String code, Object... args) {
        return new Problem(code, 400, args);
    }

    public static Problem notFound(String code, Object... args) {
        return new Problem(code, 404, args);
    }

    public static Problem conflict(String code, Object... args) {
        return new Problem(code, 409, args);
    }

    public static Problem forbidden(String code, Object... args) {
        return new Problem(code, 403, args);
    }

    public static Problem invalid(List<FieldProblem> errors) {
        return new Problem("validation", 400, errors);
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public Object[] args() {
        return args.clone();
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    /** One field's problem: the field (or a path such as {@code rows[3].mobile}), a stable code, arguments. */
    public record FieldProblem(String field, String code, Object... args) {}
}
