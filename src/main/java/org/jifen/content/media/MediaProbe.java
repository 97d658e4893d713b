package org.jifen.content.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Tells a file's format by its first bytes (never by its name) and reads a video's duration from its container:
 * MP4 by walking the boxes to {@code moov/mvhd}, WebM by reading the EBML {@code Segment/Info}. Truncated or
 * garbage input gives an empty answer, never an exception.
 */
public final class MediaProbe {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final int EBML = 0x1A45DFA3;
    private static final int EBML_DOC_TYPE = 0x4282;
    private static final int SEGMENT = 0x18538067;
    private static final int INFO = 0x1549A966;
    private static final int TIMECODE_SCALE = 0x2AD7B1;
    private static final int DURATION = 0x4489;
    private static final int CLUSTER = 0x1F43B675;
    private static final int MAX_BOXES = 10_000;

    private MediaProbe() {}

    /** What a file holds: its format (empty when not one we accept) and, for a video, its duration in seconds. */
    public record Probe(Optional<MediaFormat> format, OptionalDouble durationSeconds) {

        static final Probe UNKNOWN = new Probe(Optional.empty(), OptionalDouble.empty());
    }

    public static Probe probe(Path file) throws IOException {
        try (var channel = FileChannel.open(file, StandardOpenOption.READ)) {
            var head = read(channel, 0, 128);
            var format = format(head);
            if (format.isEmpty()) {
                return Probe.UNKNOWN;
            }
            return new Probe(format, duration(channel, format.get()));
        }
    }

    private static OptionalDouble duration(FileChannel channel, MediaFormat format) {
        try {
            return switch (format) {
                case MP4 -> mp4Duration(channel);
                case WEBM -> webmDuration(channel);
                default -> OptionalDouble.empty();
            };
        } catch (IOException truncated) {
            return OptionalDouble.empty();
        }
    }

    static Optional<MediaFormat> format(byte[] head) {
        if (head.length >= 8 && Arrays.equals(Arrays.copyOf(head, 8), PNG)) {
            return Optional.of(MediaFormat.PNG);
        }
        if (head.length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
            return Optional.of(MediaFormat.JPEG);
        }
        if (head.length >= 12
                && ascii(head, 0, 4).equals("RIFF")
                && ascii(head, 8, 4).equals("WEBP")) {
            return Optional.of(MediaFormat.WEBP);
        }
        if (head.length >= 8 && ascii(head, 4, 4).equals("ftyp")) {
            return Optional.of(MediaFormat.MP4);
        }
        if (head.length >= 4 && ByteBuffer.wrap(head).getInt() == EBML && webmDocType(head)) {
            return Optional.of(MediaFormat.WEBM);
        }
        return Optional.empty();
    }

    // ---- MP4 (ISO BMFF): size(4) type(4) [largesize(8)] payload; moov is a container holding mvhd

    private static OptionalDouble mp4Duration(FileChannel channel) throws IOException {
        long size = channel.size();
        var moov = findBox(channel, 0, size, "moov");
        if (moov == null) {
            return OptionalDouble.empty();
        }
        var mvhd = findBox(channel, moov[0], moov[1], "mvhd");
        if (mvhd == null) {
            return OptionalDouble.empty();
        }
        var body = ByteBuffer.wrap(read(channel, mvhd[0], (int) Math.min(32, mvhd[1] - mvhd[0])));
        if (body.remaining() < 1) {
            return OptionalDouble.empty();
        }
        int version = body.get() & 0xFF;
        int needed = version == 1 ? 3 + 8 + 8 + 4 + 8 : 3 + 4 + 4 + 4 + 4;
        if (body.remaining() < needed || version > 1) {
            return OptionalDouble.empty();
        }
        body.position(body.position() + 3 + (version == 1 ? 16 : 8));
        long timescale = Integer.toUnsignedLong(body.getInt());
        long duration = version == 1 ? body.getLong() : Integer.toUnsignedLong(body.getInt());
        if (timescale == 0 || duration <= 0 || (version == 0 && duration == 0xFFFFFFFFL)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((double) duration / timescale);
    }

    /** The payload range [start, end) of the first box of {@code type} among those in [from, to), or null. */
    private static long[] findBox(FileChannel channel, long from, long to, String type) throws IOException {
        long at = from;
        for (int n = 0; n < MAX_BOXES && at + 8 <= to; n++) {
            var header = ByteBuffer.wrap(read(channel, at, 16));
            if (header.remaining() < 8) {
                return null;
            }
            long size = Integer.toUnsignedLong(header.getInt());
            var name = ascii(header.array(), 4, 4);
            header.position(8);
            long headerLength = 8;
            if (size == 1) {
                if (header.remaining() < 8) {
                    return null;
                }
                size = header.getLong();
                headerLength = 16;
            } else if (size == 0) {
                size = to - at;
            }
            if (size < headerLength || at + size > to) {
                return null; // truncated or corrupt
            }
            if (name.equals(type)) {
                return new long[] {at + headerLength, at + size};
            }
            at += size;
        }
        return null;
    }

    // ---- WebM (EBML/Matroska): id (vint, marker kept), size (vint, marker removed), payload

    private static boolean webmDocType(byte[] head) {
        var in = ByteBuffer.wrap(head);
        in.position(4);
        long headerSize = vint(in, false);
        if (headerSize < 0) {
            return false;
        }
        long end = Math.min(head.length, in.position() + headerSize);
        while (in.position() < end) {
            long id = vint(in, true);
            long size = vint(in, false);
            if (id < 0 || size < 0 || in.position() + size > end) {
                return false;
            }
            if (id == EBML_DOC_TYPE) {
                var docType = ascii(head, in.position(), (int) size).replace("\0", "");
                return docType.equals("webm");
            }
            in.position((int) (in.position() + size));
        }
        return false;
    }

    private static OptionalDouble webmDuration(FileChannel channel) throws IOException {
        long fileSize = channel.size();
        var in = new EbmlReader(channel, 0);
        // skip the EBML header
        if (in.id() != EBML) {
            return OptionalDouble.empty();
        }
        long headerSize = in.size();
        if (headerSize < 0) {
            return OptionalDouble.empty();
        }
        in.at += headerSize;
        if (in.id() != SEGMENT) {
            return OptionalDouble.empty();
        }
        long segmentSize = in.size();
        long segmentEnd = segmentSize == EbmlReader.UNKNOWN ? fileSize : Math.min(fileSize, in.at + segmentSize);
        while (in.at < segmentEnd) {
            long id = in.id();
            long size = in.size();
            if (id < 0 || size < 0 || size == EbmlReader.UNKNOWN || id == CLUSTER) {
                return OptionalDouble.empty();
            }
            if (id == INFO) {
                return info(in, Math.min(segmentEnd, in.at + size));
            }
            in.at += size;
        }
        return OptionalDouble.empty();
    }

    private static OptionalDouble info(EbmlReader in, long end) throws IOException {
        long scale = 1_000_000;
        Double duration = null;
        while (in.at < end) {
            long id = in.id();
            long size = in.size();
            if (id < 0 || size < 0 || in.at + size > end) {
                return OptionalDouble.empty();
            }
            if (id == TIMECODE_SCALE && size >= 1 && size <= 8) {
                var bytes = in.bytes((int) size);
                scale = 0;
                for (byte b : bytes) {
                    scale = (scale << 8) | (b & 0xFF);
                }
            } else if (id == DURATION && (size == 4 || size == 8)) {
                var bytes = ByteBuffer.wrap(in.bytes((int) size));
                duration = size == 4 ? bytes.getFloat() : bytes.getDouble();
            }
            in.at += size;
        }
        if (duration == null || scale <= 0 || !(duration > 0) || duration.isInfinite()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(duration * scale / 1e9);
    }

    /** Reads EBML variable-length integers from a file, position by position. */
    private static final class EbmlReader {

        static final long UNKNOWN = Long.MAX_VALUE;

        private final FileChannel channel;
        long at;

        EbmlReader(FileChannel channel, long at) {
            this.channel = channel;
            this.at = at;
        }

        long id() throws IOException {
            var buffer = ByteBuffer.wrap(read(channel, at, 4));
            long value = vint(buffer, true);
            if (value >= 0) {
                at += buffer.position();
            }
            return value;
        }

        long size() throws IOException {
            var buffer = ByteBuffer.wrap(read(channel, at, 8));
            int first = buffer.remaining() > 0 ? buffer.get(0) & 0xFF : 0;
            long value = vint(buffer, false);
            if (value < 0) {
                return -1;
            }
            int length = buffer.position();
            at += length;
            // all value bits set means "unknown size"
            long allOnes = (1L << (7 * length)) - 1;
            return value == allOnes && first != 0 ? UNKNOWN : value;
        }

        byte[] bytes(int n) throws IOException {
            var bytes = read(channel, at, n);
            if (bytes.length < n) {
                throw new IOException("truncated");
            }
            return bytes;
        }
    }

    /** One EBML vint from the buffer's position; -1 when malformed or truncated. */
    static long vint(ByteBuffer in, boolean keepMarker) {
        if (!in.hasRemaining()) {
            return -1;
        }
        int first = in.get() & 0xFF;
        int length = Integer.numberOfLeadingZeros(first) - 23;
        if (first == 0 || length > 8 || in.remaining() < length - 1) {
            return -1;
        }
        long value = keepMarker ? first : first & (0xFF >> length);
        for (int i = 1; i < length; i++) {
            value = (value << 8) | (in.get() & 0xFF);
        }
        return value;
    }

    private static byte[] read(FileChannel channel, long at, int n) throws IOException {
        if (at < 0 || n <= 0) {
            return new byte[0];
        }
        var buffer = ByteBuffer.allocate(n);
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at + buffer.position());
            if (read < 0) {
                break;
            }
        }
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    private static String ascii(byte[] bytes, int from, int length) {
        if (from + length > bytes.length) {
            return "";
        }
        return new String(bytes, from, length, StandardCharsets.ISO_8859_1);
    }
}
