package org.jifen.rulebook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** The rulebooks that ship with the platform, one per seed program, in {@code classpath:rulebooks/<name>.yaml}. */
public final class Presets {

    /** Names of the shipped presets. */
    public static final List<String> NAMES = List.of("longgang");

    private Presets() {}

    /** The preset's YAML text, if there is a preset of that name. */
    public static Optional<String> yaml(String name) {
        if (!NAMES.contains(name)) {
            return Optional.empty();
        }
        try (InputStream in = Presets.class.getResourceAsStream("/rulebooks/" + name + ".yaml")) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The preset as a rulebook; a shipped preset that does not validate is a build error. */
    public static Rulebook load(String name) {
        var yaml = yaml(name).orElseThrow(() -> new IllegalArgumentException("no preset named " + name));
        var read = RulebookDocument.fromYaml(yaml);
        return read.rulebook()
                .orElseThrow(() -> new IllegalStateException("preset " + name + " is invalid: " + read.problems()));
    }
}
