package fr.referentia.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fr.referentia.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Issue 10 / ASVS 2.1.2 and 2.4: passwords are hashed with Argon2id, which reads the whole passphrase;
 * the bcrypt hashes of before still sign in and become Argon2id at that sign-in.
 */
@IntegrationTest
class PasswordHashingTest {

    /** 100 characters, 100 bytes: past bcrypt's 72. */
    static final String PASSPHRASE = "le heron au long bec emmanche d'un long cou cotoyait une riviere un jour "
            + "sans qu'il sut trop ou il allait";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccountRepository users;

    @Autowired
    PasswordEncoder passwords;

    private String account(String hash) {
        String email = "hachage-" + UUID.randomUUID().toString().substring(0, 8) + "@example.fr";
        users.save(new UserAccount(email, "Personne hachée", hash));
        return email;
    }

    private String storedHash(String email) {
        return users.findByEmail(email).orElseThrow().getPasswordHash();
    }

    /** Each sign-in from an address of its own: the failures below never reach a throttle. */
    private ResultActions signIn(String email, String password) throws Exception {
        String address = TargetedLockoutTest.newAddress();
        return mvc.perform(post("/connexion").with(csrf()).with(request -> {
            request.setRemoteAddr(address);
            return request;
        }).param("username", email).param("password", password));
    }

    @Test
    void newHashesAreArgon2id() {
        assertThat(passwords.encode(PASSPHRASE)).startsWith("{argon2}$argon2id$v=19$");
    }

    @Test
    void aBcryptHashSignsInAndIsReplacedByArgon2idAtThatSignIn() throws Exception {
        String email = account("{bcrypt}" + new BCryptPasswordEncoder().encode("un-ancien-mot-de-passe"));
        signIn(email, "un-ancien-mot-de-passe")
                .andExpect(authenticated().withUsername(email));
        String upgraded = storedHash(email);
        assertThat(upgraded).startsWith("{argon2}$argon2id$");
        assertThat(passwords.matches("un-ancien-mot-de-passe", upgraded)).isTrue();
        signIn(email, "un-ancien-mot-de-passe")
                .andExpect(authenticated());
        assertThat(storedHash(email)).isEqualTo(upgraded);
    }

    @Test
    void aWrongPasswordLeavesTheBcryptHashAsItWas() throws Exception {
        String hash = "{bcrypt}" + new BCryptPasswordEncoder().encode("un-ancien-mot-de-passe");
        String email = account(hash);
        signIn(email, "pas-le-bon-mot-de-passe")
                .andExpect(unauthenticated());
        assertThat(storedHash(email)).isEqualTo(hash);
    }

    @Test
    void aPassphraseLongerThanSeventyTwoBytesIsDistinctFromItsSeventyTwoBytePrefix() throws Exception {
        assertThat(PASSPHRASE.getBytes(StandardCharsets.UTF_8)).hasSizeGreaterThan(72);
        String prefix = PASSPHRASE.substring(0, 72);
        String email = account(passwords.encode(PASSPHRASE));
        signIn(email, prefix)
                .andExpect(unauthenticated());
        signIn(email, prefix + "x".repeat(28))
                .andExpect(unauthenticated());
        signIn(email, PASSPHRASE)
                .andExpect(authenticated().withUsername(email));
    }

    @Test
    void aLongPassphraseNeverSignsInWithTheBcryptHashOfItsFirstSeventyTwoBytes() throws Exception {
        // Bcrypt compares 72 bytes only: without the guard, the longer text would match, and the upgrade
        // would then store it in place of the person's real password.
        String seventyTwo = PASSPHRASE.substring(0, 72);
        String hash = "{bcrypt}" + new BCryptPasswordEncoder().encode(seventyTwo);
        String email = account(hash);
        signIn(email, seventyTwo + " et la suite")
                .andExpect(unauthenticated());
        assertThat(storedHash(email)).isEqualTo(hash);
        signIn(email, seventyTwo)
                .andExpect(authenticated());
        assertThat(passwords.matches(seventyTwo, storedHash(email))).isTrue();
        assertThat(passwords.matches(seventyTwo + " et la suite", storedHash(email))).isFalse();
    }
}
