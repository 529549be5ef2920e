package fr.referentia.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code referentia.accounts.*}: how long invitation and password-reset links stay valid. */
@ConfigurationProperties("referentia.accounts")
record AccountSettings(@DefaultValue("7d") Duration invitationValidity, @DefaultValue("1h") Duration resetValidity) {
}
