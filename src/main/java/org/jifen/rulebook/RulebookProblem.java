package org.jifen.rulebook;

/**
 * One problem of a rulebook document, with its path ({@code rules[3].dailyCap}) and a stable code; {@link #text()}
 * reads {@code rules[3].dailyCap: must be a positive multiple of points}.
 */
public record RulebookProblem(String path, String code, String message) {

    public String text() {
        return path.isEmpty() ? message : path + ": " + message;
    }

    @Override
    public String toString() {
        return text();
    }
}
