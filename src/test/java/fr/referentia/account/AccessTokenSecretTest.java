package fr.referentia.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessTokenSecretTest {

    @Test
    void aSecretIsThePrefixAnd32RandomBytes() {
        AccessTokenSecret secret = AccessTokenSecret.generate();
        assertThat(secret.value()).startsWith("rfa_").hasSize(4 + 43);
        assertThat(Base64.getUrlDecoder().decode(secret.value().substring(4))).hasSize(32);
        assertThat(AccessTokenSecret.looksValid(secret.value())).isTrue();
        Set<String> many = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            many.add(AccessTokenSecret.generate().value());
        }
        assertThat(many).hasSize(1000);
    }

    @Test
    void onlyTheSha256IsKeptAndTheHintShowsFourCharacters() {
        AccessTokenSecret secret = new AccessTokenSecret("rfa_" + "A".repeat(43));
        // Computed independently: printf 'rfa_AAA…A' | sha256sum
        assertThat(secret.hash()).isEqualTo("79dd973e72f2a11e892a87a31171c3cc790a4ce107accaea0ef413a8d208f553");
        assertThat(secret.hint()).isEqualTo("rfa_AAAA…");
        assertThat(secret.toString()).doesNotContain("A".repeat(5));
    }

    @Test
    void valuesThatAreNotTokensAreRecognisedWithoutALookUp() {
        assertThat(AccessTokenSecret.looksValid(null)).isFalse();
        assertThat(AccessTokenSecret.looksValid("")).isFalse();
        assertThat(AccessTokenSecret.looksValid("rfa_court")).isFalse();
        assertThat(AccessTokenSecret.looksValid("ghp_" + "A".repeat(43))).isFalse();
        assertThat(AccessTokenSecret.looksValid("rfa_" + "A".repeat(42) + "=")).isFalse();
        assertThat(AccessTokenSecret.looksValid("rfa_" + "A".repeat(44))).isFalse();
    }
}
