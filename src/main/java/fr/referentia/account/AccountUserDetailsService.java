package fr.referentia.account;

import java.util.Locale;
import java.util.Objects;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AccountUserDetailsService implements UserDetailsService {

    private final UserAccountRepository users;

    AccountUserDetailsService(UserAccountRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String email) {
        UserAccount account = users.findByEmail(email.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new UsernameNotFoundException("Identifiants incorrects."));
        return User.withUsername(account.getEmail())
                // An account without a password yet is disabled, which Spring checks before any password.
                .password(Objects.requireNonNullElse(account.getPasswordHash(), ""))
                .disabled(!account.isEnabled() || account.getPasswordHash() == null)
                .authorities(account.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority()))
                        .toList())
                .build();
    }
}
