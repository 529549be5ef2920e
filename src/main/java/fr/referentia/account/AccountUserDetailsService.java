package fr.referentia.account;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts as Spring Security reads them at sign-in; after a sign-in whose stored hash is of an older
 * scheme or a lower cost (bcrypt, see {@link PasswordHashing}), the password just checked is hashed again
 * with the current one and stored.
 */
@Service
class AccountUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

    private final UserAccountRepository users;

    /**
     * Stands for the password of an account that has none yet (invited, not activated): a hash of a
     * random secret nobody knows, so that signing into it costs the same hash comparison as any other.
     */
    private final String noPasswordYet;

    AccountUserDetailsService(UserAccountRepository users, PasswordEncoder passwordEncoder) {
        this.users = users;
        this.noPasswordYet = passwordEncoder.encode(UUID.randomUUID().toString());
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String email) {
        UserAccount account = users.findByEmail(email.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new UsernameNotFoundException("Identifiants incorrects."));
        return User.withUsername(account.getEmail())
                // An account without a password yet is disabled; its status is checked after the password
                // (SignInProvider), so every account answers a wrong password after one hash comparison.
                .password(Objects.requireNonNullElse(account.getPasswordHash(), noPasswordYet))
                .disabled(!account.isEnabled() || account.getPasswordHash() == null)
                .authorities(account.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority()))
                        .toList())
                .build();
    }

    /** Not a change of password (no notice, no audit): the same password, under the current hash. */
    @Override
    @Transactional
    public UserDetails updatePassword(UserDetails user, String newPasswordHash) {
        users.findByEmail(user.getUsername()).filter(account -> account.getPasswordHash() != null)
                .ifPresent(account -> account.changePassword(newPasswordHash));
        return User.withUserDetails(user).password(newPasswordHash).build();
    }
}
