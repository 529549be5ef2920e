package fr.referentia.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.referentia.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A wrong password costs the same whatever the account's state (ASVS 2.2 / issue 10): shown
 * structurally, by counting the hash comparisons of the sign-in's password check, never by timing.
 */
@IntegrationTest
class SignInTimingTest {

    static final String PASSWORD = "un-mot-de-passe-solide";

    @Autowired
    AccountUserDetailsService users;

    @Autowired
    UserAccountRepository accounts;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    JdbcTemplate jdbc;

    /** The application's encoder, counting how often a hash is compared. */
    static final class CountingEncoder implements PasswordEncoder {
        final PasswordEncoder delegate;
        int comparisons;

        CountingEncoder(PasswordEncoder delegate) {
            this.delegate = delegate;
        }

        @Override
        public String encode(CharSequence raw) {
            return delegate.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            comparisons++;
            return delegate.matches(raw, encoded);
        }
    }

    private String account(String state) {
        String email = state + "-" + UUID.randomUUID() + "@timing.example.fr";
        String hash = state.equals("invitee") ? null : passwordEncoder.encode(PASSWORD);
        UserAccount saved = accounts.save(new UserAccount(email, "Compte " + state, hash));
        if (state.equals("desactive")) {
            jdbc.update("update app_user set enabled = false where id = ?", saved.getId());
        }
        return email;
    }

    private CountingEncoder signIn(String email, String password, Class<? extends Exception> refusal) {
        CountingEncoder counting = new CountingEncoder(passwordEncoder);
        DaoAuthenticationProvider provider = SignInProvider.passwords(users, counting);
        assertThatThrownBy(() -> provider.authenticate(new UsernamePasswordAuthenticationToken(email, password)))
                .isInstanceOf(refusal);
        return counting;
    }

    @Test
    void unknownInvitedDisabledAndActiveAccountsEachCompareOneHashBeforeRefusingAWrongPassword() {
        String unknown = "inconnu-" + UUID.randomUUID() + "@timing.example.fr";
        for (String email : new String[] {unknown, account("invitee"), account("desactive"), account("actif")}) {
            assertThat(signIn(email, "mauvais-mot-de-passe", BadCredentialsException.class).comparisons)
                    .as("hash comparisons for %s", email).isEqualTo(1);
        }
    }

    @Test
    void aDisabledAccountIsStillRefusedWithItsRightPassword() {
        assertThat(signIn(account("desactive"), PASSWORD, DisabledException.class).comparisons).isEqualTo(1);
    }
}
