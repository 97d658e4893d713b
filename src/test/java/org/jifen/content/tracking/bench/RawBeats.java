package org.jifen.content.tracking.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The open loop of {@link HeartbeatLoad} with a lean sender: plain keep-alive sockets and hand-written HTTP/1.1, so
 * that the generator, which shares the machine's two cores with the platform, takes little of them. The JDK
 * HttpClient costs about as much CPU per request as the server (docs/benchmarks.md). Latencies are measured from
 * each beat's scheduled time, as in {@link HeartbeatLoad#openLoop}.
 */
final class RawBeats {

    private final String host;
    private final int port;
    private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();

    RawBeats(String base) {
        var uri = URI.create(base);
        this.host = uri.getHost();
        this.port = uri.getPort();
    }

    private final class Connection implements AutoCloseable {
        final Socket socket;
        final OutputStream out;
        final InputStream in;
        boolean closing;

        Connection() throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 10_000);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 8192);
        }

        /** Sends one request and reads the whole answer; returns its status. */
        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            var status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            for (var header = line(); !header.isEmpty(); header = line()) {
                var lower = header.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).strip());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closing = true; // Tomcat ends a keep-alive connection after 100 requests
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().strip(), 16);
                        size > 0;
                        size = Long.parseLong(line().strip(), 16)) {
                    in.skipNBytes(size);
                    line();
                }
                line();
            } else if (length > 0) {
                in.skipNBytes(length);
            }
            return code;
        }

        private String line() throws IOException {
            var bytes = new java.io.ByteArrayOutputStream(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("connection closed");
                }
                if (b != '\r') {
                    bytes.write(b);
                }
            }
            return bytes.toString(StandardCharsets.ISO_8859_1);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private byte[] request(HeartbeatLoad.Viewer v) {
        var bytes = HeartbeatLoad.nextBeat(v).getBytes(StandardCharsets.UTF_8);
        var head = "POST /api/v1/content/playbacks/" + v.session + "/heartbeats HTTP/1.1\r\n"
                + "Host: " + host + ":" + port + "\r\n"
                + "Cookie: " + v.learner.cookie() + "\r\n"
                + v.learner.csrfHeader() + ": " + v.learner.csrf() + "\r\n"
                + "Content-Type: application/json\r\nAccept: application/json\r\n"
                + "Content-Length: " + bytes.length + "\r\n\r\n";
        var request = Arrays.copyOf(head.getBytes(StandardCharsets.ISO_8859_1), head.length() + bytes.length);
        System.arraycopy(bytes, 0, request, head.length(), bytes.length);
        return request;
    }

    /** One beat on an idle keep-alive connection (a new one when none is idle); answers the status. */
    int send(HeartbeatLoad.Viewer viewer) throws IOException {
        var connection = idle.poll();
        try {
            if (connection == null) {
                connection = new Connection();
            }
            int status = connection.exchange(request(viewer));
            if (connection.closing) {
                connection.close();
            } else {
                idle.add(connection);
            }
            return status;
        } catch (IOException | RuntimeException e) {
            if (connection != null) {
                connection.close();
            }
            throw e;
        }
    }

    /** The open loop of {@link HeartbeatLoad#openLoop} over these connections; closes them after. */
    long openLoop(List<HeartbeatLoad.Viewer> viewers, double rate, int seconds, long[] out) {
        try {
            return HeartbeatLoad.openLoop(viewers, rate, seconds, out, this::send);
        } finally {
            for (var c = idle.poll(); c != null; c = idle.poll()) {
                try {
                    c.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }
    }
}
