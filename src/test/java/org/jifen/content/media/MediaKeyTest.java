package org.jifen.content.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MediaKeyTest {

    @Test
    @DisplayName("a new key is 32 random hex characters and the format's extension, and parses back")
    void random_keys_have_the_shape() {
        var random = new SecureRandom();
        var a = MediaKey.random(random, MediaFormat.WEBM);
        var b = MediaKey.random(random, MediaFormat.WEBM);
        assertThat(a.value()).matches("[0-9a-f]{32}\\.webm");
        assertThat(a).isNotEqualTo(b);
        assertThat(MediaKey.parse(a.value())).contains(a);
        assertThat(MediaKey.parse("0123456789abcdef0123456789abcdef.jpg")
                        .orElseThrow()
                        .format())
                .isEqualTo(MediaFormat.JPEG);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../../etc/passwd",
                "0123456789abcdef0123456789abcdef.webm/../x",
                "..%2F0123456789abcdef0123456789abcd.webm",
                "0123456789ABCDEF0123456789ABCDEF.webm",
                "0123456789abcdef0123456789abcde.webm",
                "0123456789abcdef0123456789abcdef.exe",
                "0123456789abcdef0123456789abcdef",
                "0123456789abcdef0123456789abcdef.mp4.sh",
                ""
            })
    @DisplayName("anything not of the key's shape is no key, so no path outside the storage can be named")
    void rejects_other_names(String text) {
        assertThat(MediaKey.parse(text)).isEmpty();
    }
}
