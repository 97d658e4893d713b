package org.jifen.points.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jifen.rulebook.Presets;
import org.jifen.rulebook.Rulebook;
import org.jifen.rulebook.RulebookDocument;

/**
 * {@code java -jar jifen.jar simulate --rulebook <preset name or YAML file> --events <file.jsonl | ->}: prints the
 * simulator's JSON to standard output. Exit 0 on success, 2 on bad arguments or an invalid rulebook (every problem
 * is printed with its path).
 */
public final class SimulateCommand {

    private SimulateCommand() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        String rulebookArg = null;
        String eventsArg = null;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--rulebook" -> rulebookArg = i + 1 < args.length ? args[++i] : null;
                case "--events" -> eventsArg = i + 1 < args.length ? args[++i] : null;
                default -> {
                    err.println("unknown argument: " + args[i]);
                    return usage(err);
                }
            }
        }
        if (rulebookArg == null || eventsArg == null) {
            return usage(err);
        }
        Rulebook rulebook;
        try {
            rulebook = rulebook(rulebookArg, err);
        } catch (IOException e) {
            err.println("cannot read rulebook " + rulebookArg + ": " + e.getMessage());
            return 2;
        }
        if (rulebook == null) {
            return 2;
        }
        var simulator = new Simulator(rulebook);
        try (BufferedReader in = "-".equals(eventsArg)
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(Path.of(eventsArg), StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                simulator.accept(line, ++n);
            }
        } catch (IOException e) {
            err.println("cannot read events " + eventsArg + ": " + e.getMessage());
            return 2;
        }
        out.println(simulator.result());
        return 0;
    }

    private static Rulebook rulebook(String arg, PrintStream err) throws IOException {
        var path = Path.of(arg);
        String yaml;
        if (Files.isRegularFile(path)) {
            yaml = Files.readString(path, StandardCharsets.UTF_8);
        } else {
            var preset = Presets.yaml(arg);
            if (preset.isEmpty()) {
                err.println("no rulebook file or preset named " + arg + " (presets: " + Presets.NAMES + ")");
                return null;
            }
            yaml = preset.get();
        }
        var read = RulebookDocument.fromYaml(yaml);
        if (!read.valid()) {
            err.println("the rulebook is invalid:");
            read.problems().forEach(p -> err.println("  " + p.text()));
            return null;
        }
        return read.rulebook().orElseThrow();
    }

    private static int usage(PrintStream err) {
        err.println(
                "usage: java -jar jifen.jar simulate --rulebook <preset name or YAML file> --events <file.jsonl | ->");
        return 2;
    }
}
