package fr.referentia.account;

import static org.assertj.core.api.Assertions.assertThat;

import fr.referentia.account.LinkPolicy.Link;
import fr.referentia.account.PasswordLink.Purpose;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LinkPolicyTest {

    static final Instant SENT = Instant.parse("2026-03-02T09:00:00Z");
    static final Instant EXPIRES = SENT.plus(Duration.ofDays(7));

    @Test
    void aFreshLinkIsValidUntilItsExpiryExcluded() {
        assertThat(LinkPolicy.checkAll(new Link(Purpose.INVITATION, true, EXPIRES, null, null, SENT)).isAllowed()).isTrue();
        assertThat(LinkPolicy.checkAll(new Link(Purpose.INVITATION, true, EXPIRES, null, null,
                EXPIRES.minusSeconds(1))).isAllowed()).isTrue();
        var expired = LinkPolicy.checkAll(new Link(Purpose.INVITATION, true, EXPIRES, null, null, EXPIRES));
        assertThat(expired.isAllowed()).isFalse();
        assertThat(expired.reason()).startsWith("Ce lien d'invitation a expiré.");
        assertThat(LinkPolicy.checkAll(new Link(Purpose.RESET, true, EXPIRES, null, null, EXPIRES)).reason())
                .startsWith("Ce lien de réinitialisation a expiré.").contains("Mot de passe oublié");
    }

    @Test
    void aUsedLinkSaysSoEvenOnceExpired() {
        var used = LinkPolicy.checkAll(new Link(Purpose.INVITATION, true, EXPIRES, SENT.plusSeconds(60), null,
                EXPIRES.plusSeconds(1)));
        assertThat(used.reason()).startsWith("Ce lien d'invitation a déjà servi");
    }

    @Test
    void aReplacedLinkPointsToTheNewerMessage() {
        assertThat(LinkPolicy.checkAll(new Link(Purpose.INVITATION, true, EXPIRES, null, SENT.plusSeconds(5), SENT))
                .reason()).contains("remplacé par un plus récent");
    }

    @Test
    void aDisabledAccountCannotUseItsLinks() {
        assertThat(LinkPolicy.checkAll(new Link(Purpose.RESET, false, EXPIRES, null, null, SENT)).reason())
                .contains("désactivé");
    }
}
