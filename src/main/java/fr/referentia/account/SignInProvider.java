package fr.referentia.account;

import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password check of a sign-in. Spring checks an account's status (disabled, not yet activated)
 * before its password by default, so such accounts answered a wrong password without hashing, many
 * times faster than the others: a timing oracle on which addresses have accounts and in which state.
 * Here the status is checked only after the password matched, so that an unknown, invited, disabled
 * or active account each answers a wrong password after exactly one hash comparison (unknown ones
 * through Spring's own comparison with a dummy hash).
 */
final class SignInProvider {

    private SignInProvider() {
    }

    static DaoAuthenticationProvider passwords(UserDetailsService users, PasswordEncoder passwordEncoder) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(passwordEncoder);
        passwords.setPreAuthenticationChecks(user -> { });
        passwords.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker()::check);
        if (users instanceof UserDetailsPasswordService upgrades) {
            passwords.setUserDetailsPasswordService(upgrades); // bcrypt hashes become Argon2id (PasswordHashing)
        }
        return passwords;
    }
}
