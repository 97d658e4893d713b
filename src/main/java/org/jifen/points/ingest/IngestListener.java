package org.jifen.points.ingest;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;
import org.jifen.account.ApiClient;
import org.jifen.account.ApiClients;
import org.jifen.shared.web.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The events endpoint on a port of its own, served by Netty outside the servlet container, the security filter chain
 * and MVC: for integrations that post many single events, where a thread-per-request stack costs more CPU per
 * request than judging and recording the event (docs/benchmarks.md, ADR 0006). Same path, body, API key and answers
 * as {@code POST /api/v1/programs/{program}/events} on the main port; nothing else is served here. Off unless
 * {@code jifen.points.ingest.port} is set (0 picks a free port).
 *
 * <p>No thread waits for a commit: a single event is handed to group commit and its answer is written when the
 * commit completes. Answers keep the order of their requests on a connection ({@code Turn}); a connection with
 * {@value #MAX_PENDING} requests unanswered is not read until one is answered. Reading is not paused per request:
 * switching it off and on cost two system calls per request.
 */
@Component
public class IngestListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IngestListener.class);
    /** Where API keys are checked against the database, so that no event loop waits for it. */
    private static final java.util.concurrent.Executor VERIFICATIONS =
            java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();

    private static final Pattern PATH = Pattern.compile("/api/v1/programs/([a-z0-9][a-z0-9-]{0,59})/events/?");
    private static final int MAX_BODY = 4 * 1024 * 1024;
    private static final String TYPE_BASE = "https://jifen.org/problems/";
    /** Unanswered requests of one connection (HTTP pipelining) before it stops being read. */
    public static final int MAX_PENDING = 16;

    private final EventIngestion ingestion;
    private final ApiClients apiClients;
    private final JsonMapper json;
    private final MessageSource messages;
    private final Integer port;
    private final String address;
    private final int threads;
    private EventLoopGroup group;
    private Channel server;

    IngestListener(
            EventIngestion ingestion,
            ApiClients apiClients,
            JsonMapper json,
            MessageSource messages,
            @Value("${jifen.points.ingest.port:#{null}}") Integer port,
            @Value("${jifen.points.ingest.address:${server.address:0.0.0.0}}") String address,
            @Value("${jifen.points.ingest.threads:2}") int threads) {
        this.ingestion = ingestion;
        this.apiClients = apiClients;
        this.json = json;
        this.messages = messages;
        this.port = port;
        this.address = address;
        this.threads = threads;
    }

    /** The port listened on, or -1 when the listener is off. */
    public int port() {
        return server == null ? -1 : ((InetSocketAddress) server.localAddress()).getPort();
    }

    @Override
    public void start() {
        if (port == null || port < 0) {
            return;
        }
        group = new MultiThreadIoEventLoopGroup(Math.max(1, threads), NioIoHandler.newFactory());
        var handler = new Handler();
        try {
            server = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline().addLast(new HttpServerCodec(), new Aggregator(), handler);
                        }
                    })
                    .bind(address, port)
                    .sync()
                    .channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding " + address + ":" + port, e);
        } catch (RuntimeException e) {
            group.shutdownGracefully();
            throw new IllegalStateException("cannot listen for events on " + address + ":" + port, e);
        }
        log.info(
                "Event ingestion listening on {}:{} (POST /api/v1/programs/<program>/events with X-Api-Key)",
                address,
                port());
    }

    /** How long {@link #stop} waits for the listening socket to close and for the event loops to end. */
    static final java.time.Duration STOP_WAIT = java.time.Duration.ofSeconds(5);

    @Override
    public void stop() {
        if (server != null) {
            awaitEnd(server.close(), STOP_WAIT, "its listening socket to close");
            // observed (Netty 4.2): the event loop threads had ended but the group's termination was never reported,
            // and a shutdown waiting for it without a limit hung the platform's exit for good
            awaitEnd(
                    group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS),
                    STOP_WAIT,
                    "its event loops to end");
            server = null;
        }
    }

    /** Waits at most {@code limit} for {@code end}; true when it came, otherwise logs and answers false. */
    static boolean awaitEnd(io.netty.util.concurrent.Future<?> end, java.time.Duration limit, String what) {
        if (end.awaitUninterruptibly(limit.toMillis())) {
            return true;
        }
        log.warn(
                "Event ingestion stopped without waiting longer for {}: not reported within {} ms",
                what,
                limit.toMillis());
        return false;
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    /** Collects a request's body up to {@link #MAX_BODY}; a larger one is answered with a problem and closed. */
    private final class Aggregator extends HttpObjectAggregator {
        Aggregator() {
            super(MAX_BODY);
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
            var locale = locale(oversized.headers().get(HttpHeaderNames.ACCEPT_LANGUAGE));
            var path = oversized instanceof io.netty.handler.codec.http.HttpRequest r ? r.uri() : "/";
            write(
                    ctx,
                    Turn.take(ctx),
                    problem(413, "events.body-too-large", locale, path, MAX_BODY / 1024 / 1024),
                    false);
        }
    }

    @ChannelHandler.Sharable
    private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            var keepAlive = HttpUtil.isKeepAlive(request);
            var locale = locale(request.headers().get(HttpHeaderNames.ACCEPT_LANGUAGE));
            var uri = new QueryStringDecoder(request.uri()).path();
            var turn = Turn.take(ctx);
            try {
                var path = PATH.matcher(uri);
                if (!path.matches()) {
                    write(ctx, turn, problem(404, "not-found", locale, uri), keepAlive);
                    return;
                }
                if (!HttpMethod.POST.equals(request.method())) {
                    var answer = problem(405, "method-not-allowed", locale, uri);
                    answer.headers().set(HttpHeaderNames.ALLOW, "POST");
                    write(ctx, turn, answer, keepAlive);
                    return;
                }
                var type = request.headers().get(HttpHeaderNames.CONTENT_TYPE);
                if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                    write(ctx, turn, problem(415, "unsupported-media-type", locale, uri), keepAlive);
                    return;
                }
                var key = request.headers().get("X-Api-Key");
                var recent = apiClients.recentlyVerified(key);
                if (recent.isEmpty()) {
                    // a key not verified in the last 30 s is checked against the database, off the event loop
                    request.retain();
                    CompletableFuture.supplyAsync(() -> apiClients.authenticate(key), VERIFICATIONS)
                            .whenCompleteAsync(
                                    (client, failure) -> {
                                        try {
                                            if (failure != null) {
                                                write(ctx, turn, failed(failure, locale, uri), keepAlive);
                                            } else if (client.isEmpty()) {
                                                write(
                                                        ctx,
                                                        turn,
                                                        problem(401, "api-key.invalid", locale, uri),
                                                        keepAlive);
                                            } else {
                                                ingest(
                                                        ctx,
                                                        turn,
                                                        request,
                                                        path.group(1),
                                                        client.get(),
                                                        locale,
                                                        uri,
                                                        keepAlive);
                                            }
                                        } finally {
                                            request.release();
                                        }
                                    },
                                    ctx.executor());
                    return;
                }
                ingest(ctx, turn, request, path.group(1), recent.get(), locale, uri, keepAlive);
            } catch (RuntimeException e) {
                write(ctx, turn, failed(e, locale, uri), keepAlive);
            }
        }

        /**
         * Parses an authenticated request's body and hands it to ingestion, sent by {@code client}; the answer is
         * written in its turn.
         */
        private void ingest(
                ChannelHandlerContext ctx,
                Turn turn,
                FullHttpRequest request,
                String program,
                ApiClient client,
                Locale locale,
                String uri,
                boolean keepAlive) {
            try {
                Object parsed;
                try (var in = new ByteBufInputStream(request.content())) {
                    parsed = json.readValue((java.io.InputStream) in, Object.class);
                } catch (JacksonException | java.io.IOException e) {
                    write(ctx, turn, problem(400, "malformed-request", locale, uri), keepAlive);
                    return;
                }
                // the answer is written on this connection's event loop, not on the group-commit writer that completes
                // it: the writer goes on to the next group at once
                ingestion
                        .ingestAsync(program, parsed, client)
                        .whenCompleteAsync(
                                (answer, failure) -> {
                                    if (failure == null) {
                                        write(ctx, turn, ok(answer), keepAlive);
                                    } else {
                                        write(ctx, turn, failed(failure, locale, uri), keepAlive);
                                    }
                                },
                                ctx.executor());
            } catch (RuntimeException e) {
                write(ctx, turn, failed(e, locale, uri), keepAlive);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            log.debug("Event ingestion connection failed: {}", cause.toString());
            ctx.close();
        }
    }

    private DefaultFullHttpResponse failed(Throwable failure, Locale locale, String uri) {
        var cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof Problem p) {
            return problem(p.status(), p.code(), locale, uri, p.args());
        }
        log.error("Event ingestion failed on {}", uri, cause);
        return problem(500, "internal", locale, uri);
    }

    private DefaultFullHttpResponse ok(EventIngestion.Answer answer) {
        return response(200, "application/json", answer.json());
    }

    private DefaultFullHttpResponse problem(int status, String code, Locale locale, String uri, Object... args) {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", TYPE_BASE + code);
        body.put("status", status);
        body.put("code", code);
        body.put("detail", messages.getMessage("problem." + code, args, code, locale));
        body.put("instance", uri);
        return response(status, "application/problem+json", json.writeValueAsBytes(body));
    }

    private static DefaultFullHttpResponse response(int status, String type, byte[] body) {
        var response = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status), Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, type + ";charset=UTF-8")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return response;
    }

    /** The answer last queued on a connection: the next one is written after it, so answers keep their order. */
    private static final AttributeKey<CompletableFuture<Void>> LAST = AttributeKey.valueOf("jifen.ingest.last");

    /** How many requests of a connection are unanswered; only its event loop reads and changes it. */
    private static final AttributeKey<int[]> PENDING = AttributeKey.valueOf("jifen.ingest.pending");

    /**
     * A request's place in its connection's order of answers, taken when the request arrives: its answer is written
     * after the previous request's, however much sooner it is ready. At {@link #MAX_PENDING} unanswered requests the
     * connection stops being read until an answer is written ({@link #answered}).
     */
    private record Turn(CompletableFuture<Void> previous, CompletableFuture<Void> written) {
        static Turn take(ChannelHandlerContext ctx) {
            var attribute = ctx.channel().attr(PENDING);
            var pending = attribute.get();
            if (pending == null) {
                pending = new int[1];
                attribute.set(pending);
            }
            if (++pending[0] >= MAX_PENDING) {
                ctx.channel().config().setAutoRead(false);
            }
            var written = new CompletableFuture<Void>();
            return new Turn(ctx.channel().attr(LAST).getAndSet(written), written);
        }
    }

    /** One answer of a connection was written (on its event loop): below the limit, the connection is read again. */
    private static void answered(Channel channel) {
        var pending = channel.attr(PENDING).get();
        if (pending != null && --pending[0] < MAX_PENDING && !channel.config().isAutoRead()) {
            channel.config().setAutoRead(true);
        }
    }

    /** Writes an answer (from any thread) in its turn, then reads the connection's next request, or closes it. */
    private static void write(
            ChannelHandlerContext ctx, Turn turn, DefaultFullHttpResponse response, boolean keepAlive) {
        var written = turn.written();
        Runnable send = () -> {
            if (keepAlive) {
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
                ctx.writeAndFlush(response).addListener((ChannelFutureListener) f -> {
                    written.complete(null);
                    answered(f.channel());
                    if (!f.isSuccess()) {
                        f.channel().close();
                    }
                });
            } else {
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
                written.complete(null);
            }
        };
        if (turn.previous() == null || turn.previous().isDone()) {
            send.run();
        } else {
            turn.previous().thenRun(send);
        }
    }

    /** zh-CN unless the request prefers English, as on the main port's API. */
    private static Locale locale(String acceptLanguage) {
        return org.jifen.shared.web.Languages.preferred(acceptLanguage);
    }
}
