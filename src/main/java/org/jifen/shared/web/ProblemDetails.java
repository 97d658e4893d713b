package org.jifen.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Renders every REST error as RFC 9457 problem details with a stable {@code code} property. */
@RestControllerAdvice(annotations = RestController.class)
class ProblemDetails {

    static final String TYPE_BASE = "https://jifen.org/problems/";
    private static final Logger log = LoggerFactory.getLogger(ProblemDetails.class);

    private final MessageSource messages;

    ProblemDetails(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(Problem.class)
    ProblemDetail problem(Problem p, HttpServletRequest request) {
        var locale = LocaleContextHolder.getLocale();
        var detail = detail(p.status(), p.code(), text("problem." + p.code(), p.args(), locale), request);
        if (!p.errors().isEmpty()) {
            detail.setProperty(
                    "errors",
                    p.errors().stream()
                            .map(e -> Map.of(
                                    "field", e.field(),
                                    "code", e.code(),
                                    "message", text("problem." + e.code(), e.args(), locale)))
                            .toList());
        }
        return detail;
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
        var locale = LocaleContextHolder.getLocale();
        var detail = detail(400, "validation", text("problem.validation", new Object[0], locale), request);
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "code", codeOf(f), "message", messages.getMessage(f, locale)))
                .toList();
        detail.setProperty("errors", errors);
        return detail;
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
    ProblemDetail unreadable(Exception e, HttpServletRequest request) {
        return detail(
                400,
                "malformed-request",
                text("problem.malformed-request", new Object[0], LocaleContextHolder.getLocale()),
                request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e, HttpServletRequest request) {
        return detail(
                403, "forbidden", text("problem.forbidden", new Object[0], LocaleContextHolder.getLocale()), request);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return detail(
                500, "internal", text("problem.internal", new Object[0], LocaleContextHolder.getLocale()), request);
    }

    private static String codeOf(FieldError f) {
        return f.getCode() == null ? "invalid" : f.getCode();
    }

    private ProblemDetail detail(int status, String code, String message, HttpServletRequest request) {
        var detail = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), message);
        detail.setType(URI.create(TYPE_BASE + code));
        detail.setTitle(HttpStatus.valueOf(status).getReasonPhrase());
        detail.setInstance(URI.create(request.getRequestURI()));
        detail.setProperty("code", code);
        return detail;
    }

    private String text(String key, Object[] args, Locale locale) {
        return messages.getMessage(key, args, key, locale);
    }
}
