package fr.referentia.account;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Passwords are hashed with Argon2id (ASVS 2.4.1, OWASP's parameters by default: 19 MiB, 2 passes, one
 * lane; {@code referentia.security.password-hashing.*}), which reads the whole passphrase, where bcrypt
 * stopped at 72 bytes. Hashes carry their scheme ({@code {argon2}…}, {@code {bcrypt}…}): the bcrypt
 * hashes written before still verify, and are replaced by Argon2id at the person's next sign-in
 * ({@link AccountUserDetailsService#updatePassword}), as are Argon2id hashes of a lower cost than the
 * configured one. The cost is measured in {@code docs/performance.md}.
 */
@Configuration
class PasswordHashing {

    static final String ARGON2 = "argon2";
    static final String BCRYPT = "bcrypt";
    /** Bcrypt reads 72 bytes at most: a longer passphrase was never a bcrypt password here. */
    static final int BCRYPT_MAX_BYTES = 72;

    @Bean
    PasswordEncoder passwordEncoder(@Value("${referentia.security.password-hashing.memory-kib:19456}") int memoryKib,
            @Value("${referentia.security.password-hashing.iterations:2}") int iterations,
            @Value("${referentia.security.password-hashing.parallelism:1}") int parallelism) {
        PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, parallelism, memoryKib, iterations);
        DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder(ARGON2,
                Map.of(ARGON2, argon2, BCRYPT, new LegacyBcrypt()));
        return encoder;
    }

    /**
     * Verifies the bcrypt hashes of before; never writes one. Bcrypt compares the first 72 bytes only, so a
     * longer passphrase whose first 72 bytes are a 72-byte password would match it, and be stored as the
     * new password by the upgrade: such a passphrase is refused here (after the same hash comparison).
     */
    static final class LegacyBcrypt implements PasswordEncoder {

        private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

        @Override
        public String encode(CharSequence raw) {
            throw new UnsupportedOperationException("Passwords are hashed with Argon2id");
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            boolean matched = bcrypt.matches(raw, encoded);
            return matched && raw.toString().getBytes(StandardCharsets.UTF_8).length <= BCRYPT_MAX_BYTES;
        }

        @Override
        public boolean upgradeEncoding(String encoded) {
            return true;
        }
    }
}
