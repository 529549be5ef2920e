package fr.referentia.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinkTokensTest {

    @Test
    void tokensAreThirtyTwoRandomBytesInUrlSafeBase64() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = LinkTokens.newToken();
            assertThat(token).matches("[A-Za-z0-9_-]{43}");
            assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
            seen.add(token);
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void storedHashIsTheSha256InHex() {
        // SHA-256("abc"), from FIPS 180-2.
        assertThat(LinkTokens.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
