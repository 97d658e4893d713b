package org.jifen.content.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaProbeTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("a WebM is told by its EBML DocType and its duration read from Segment/Info")
    void reads_webm_duration() throws IOException {
        var probe = MediaProbe.probe(resource("clip-12s.webm"));
        assertThat(probe.format()).contains(MediaFormat.WEBM);
        assertThat(probe.durationSeconds().getAsDouble()).isCloseTo(12.0, within(0.2));
    }

    @Test
    @DisplayName("an MP4 is told by its ftyp box and its duration read from moov/mvhd")
    void reads_mp4_duration() throws IOException {
        var probe = MediaProbe.probe(resource("clip-3s.mp4"));
        assertThat(probe.format()).contains(MediaFormat.MP4);
        assertThat(probe.durationSeconds().getAsDouble()).isCloseTo(3.0, within(0.1));
    }

    @Test
    @DisplayName("an mvhd of version 1 (64-bit times) gives its duration too, also behind a large box")
    void reads_mvhd_version_1() throws IOException {
        var mvhd = ByteBuffer.allocate(4 + 8 + 8 + 4 + 8);
        mvhd.put((byte) 1).put(new byte[3]).putLong(0).putLong(0).putInt(1000).putLong(90_500);
        var file = write(
                "v1.mp4",
                box("ftyp", "isom".getBytes(StandardCharsets.US_ASCII)),
                largeBox("free", new byte[20]),
                box("moov", box("mvhd", mvhd.array())));
        var probe = MediaProbe.probe(file);
        assertThat(probe.format()).contains(MediaFormat.MP4);
        assertThat(probe.durationSeconds().getAsDouble()).isEqualTo(90.5);
    }

    @Test
    @DisplayName("a cover image is told by its magic bytes, whatever it is called, and has no duration")
    void tells_images() throws IOException {
        var png = MediaProbe.probe(resource("cover.png"));
        assertThat(png.format()).contains(MediaFormat.PNG);
        assertThat(png.durationSeconds()).isEmpty();
        var jpeg = write("x.mp4", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16});
        assertThat(MediaProbe.probe(jpeg).format()).contains(MediaFormat.JPEG);
        var webp = write("y.png", "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII));
        assertThat(MediaProbe.probe(webp).format()).contains(MediaFormat.WEBP);
    }

    @Test
    @DisplayName("truncated videos keep their type but have no readable duration")
    void truncated_videos_have_no_duration() throws IOException {
        var webm = Files.readAllBytes(resource("clip-12s.webm"));
        var mp4 = Files.readAllBytes(resource("clip-3s.mp4"));
        var cutWebm = MediaProbe.probe(write("cut.webm", Arrays.copyOf(webm, 60)));
        var cutMp4 = MediaProbe.probe(write("cut.mp4", Arrays.copyOf(mp4, 100)));
        assertThat(cutWebm.format()).contains(MediaFormat.WEBM);
        assertThat(cutWebm.durationSeconds()).isEmpty();
        assertThat(cutMp4.format()).contains(MediaFormat.MP4);
        assertThat(cutMp4.durationSeconds()).isEmpty();
    }

    @Test
    @DisplayName("garbage, empty files and other EBML documents are not media we accept")
    void rejects_garbage() throws IOException {
        var garbage = new byte[4096];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = (byte) (i * 31 + 7);
        }
        assertThat(MediaProbe.probe(write("g.mp4", garbage)).format()).isEmpty();
        assertThat(MediaProbe.probe(write("e.webm", new byte[0])).format()).isEmpty();
        var matroska = Files.readAllBytes(resource("clip-12s.webm"));
        var at = indexOf(matroska, "webm".getBytes(StandardCharsets.US_ASCII));
        System.arraycopy("mkv\0".getBytes(StandardCharsets.US_ASCII), 0, matroska, at, 4);
        assertThat(MediaProbe.probe(write("m.webm", matroska)).format()).isEmpty();
    }

    @Test
    @DisplayName("a box that claims more bytes than the file has ends the walk without a duration")
    void lying_box_sizes() throws IOException {
        var lie = ByteBuffer.allocate(24)
                .putInt(16)
                .put("ftyp".getBytes(StandardCharsets.US_ASCII))
                .putLong(0)
                .putInt(Integer.MAX_VALUE)
                .put("moov".getBytes(StandardCharsets.US_ASCII))
                .array();
        var probe = MediaProbe.probe(write("lie.mp4", lie));
        assertThat(probe.format()).contains(MediaFormat.MP4);
        assertThat(probe.durationSeconds()).isEmpty();
    }

    private Path resource(String name) throws IOException {
        try (var in = getClass().getResourceAsStream("/media/" + name)) {
            return write(name, in.readAllBytes());
        }
    }

    private Path write(String name, byte[]... parts) throws IOException {
        var out = new ByteArrayOutputStream();
        for (var p : parts) {
            out.write(p);
        }
        return Files.write(dir.resolve(name), out.toByteArray());
    }

    private static byte[] box(String type, byte[] payload) {
        return ByteBuffer.allocate(8 + payload.length)
                .putInt(8 + payload.length)
                .put(type.getBytes(StandardCharsets.US_ASCII))
                .put(payload)
                .array();
    }

    private static byte[] largeBox(String type, byte[] payload) {
        return ByteBuffer.allocate(16 + payload.length)
                .putInt(1)
                .put(type.getBytes(StandardCharsets.US_ASCII))
                .putLong(16 + payload.length)
                .put(payload)
                .array();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
