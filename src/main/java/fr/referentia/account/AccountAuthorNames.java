package fr.referentia.account;

import fr.referentia.framework.AuthorNames;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Authors of referentials are named by their account's display name, else by their e-mail. */
@Component
class AccountAuthorNames implements AuthorNames {

    private final UserAccountRepository users;

    AccountAuthorNames(UserAccountRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public String displayName(String email) {
        return users.findByEmail(email.strip().toLowerCase(Locale.ROOT)).map(UserAccount::getDisplayName)
                .filter(name -> !name.isBlank()).orElse(email);
    }
}
