package org.jifen.points.bench;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jifen.points.domain.InMemoryTally;
import org.jifen.points.domain.Judgement;
import org.jifen.points.domain.LearningEvent;
import org.jifen.points.domain.PointsEngine;
import org.jifen.rulebook.Presets;
import org.jifen.rulebook.Rulebook;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The pure points engine in process: judging one event of the Longgang rulebook against a user's tally, without and
 * with remembering the judgement, and the baseline of building the event alone. Run with the command in
 * docs/benchmarks.md; not part of the test suite.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EngineBenchmark {

    private static final Rulebook LONGGANG = Presets.load("longgang");
    private static final Instant AT = Instant.parse("2026-06-01T02:00:00Z");

    private InMemoryTally tally;
    private long n;

    @Setup
    public void setUp() {
        tally = new InMemoryTally();
    }

    private LearningEvent next() {
        n++;
        return new LearningEvent("e" + n, "u1", "article-read", "a" + n, null, Map.of(), AT);
    }

    @Benchmark
    public LearningEvent baseline_event_only() {
        return next();
    }

    @Benchmark
    public Judgement judge_article_read() {
        return PointsEngine.judge(LONGGANG, next(), tally, false);
    }

    @Benchmark
    public Judgement judge_and_remember_quiz_group() {
        n++;
        var event = new LearningEvent("q" + n, "u1", "quiz-group", null, null, Map.of("correct", "4"), AT);
        var judgement = PointsEngine.judge(LONGGANG, event, tally, false);
        tally.apply(judgement);
        return judgement;
    }

    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder()
                        .include(EngineBenchmark.class.getSimpleName())
                        .build())
                .run();
    }
}
