package fr.referentia.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class Sha256Test {

    static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void givesTheStandardDigestOfAbcInLowerCaseHexadecimal() {
        assertThat(Sha256.hex("abc")).isEqualTo(ABC);
        assertThat(Sha256.hex("abc".getBytes(StandardCharsets.US_ASCII))).isEqualTo(ABC);
    }

    @Test
    void aTextIsDigestedAsItsUtf8BytesAndAStreamedDigestEqualsTheWholeOne() {
        assertThat(Sha256.hex("Zoé")).isEqualTo(Sha256.hex("Zoé".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(Sha256.hex("Zoé".getBytes(StandardCharsets.ISO_8859_1)));
        MessageDigest streamed = Sha256.newDigest();
        streamed.update("a".getBytes(StandardCharsets.US_ASCII));
        streamed.update("bc".getBytes(StandardCharsets.US_ASCII));
        assertThat(Sha256.hex(streamed)).isEqualTo(ABC);
    }
}
