package fr.referentia.framework.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import fr.referentia.framework.authoring.EditLockPolicy.Holder;
import fr.referentia.framework.authoring.EditLockPolicy.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** One author at a time on a draft; a lock not renewed for five minutes is free again. */
class EditLockPolicyTest {

    // 14:32 in Paris (winter time, UTC+1).
    final Clock clock = Clock.fixed(Instant.parse("2026-01-15T13:32:00Z"), ZoneId.of("Europe/Paris"));
    final Instant now = clock.instant();
    final Holder alice = new Holder("alice@example.fr", "Alice Martin", now.minusSeconds(600), now.minusSeconds(60));

    @Test
    void aFreeDraftIsTakenByWhoeverOpensIt() {
        assertThat(EditLockPolicy.decide(null, "bob@example.fr", now).outcome()).isEqualTo(Outcome.TAKE);
    }

    @Test
    void theHolderRenewsItsOwnLock() {
        assertThat(EditLockPolicy.decide(alice, "ALICE@example.fr", now).outcome()).isEqualTo(Outcome.RENEW);
    }

    @Test
    void someoneElseIsRefusedWithTheHolderAndSinceWhenInParisTime() {
        var decision = EditLockPolicy.decide(alice, "bob@example.fr", now);
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason())
                .isEqualTo("Ce brouillon est en cours de modification par Alice Martin depuis 14:22.");
    }

    @Test
    void aLockNotRenewedForFiveMinutesIsFreeAgain() {
        Holder stale = new Holder("alice@example.fr", "Alice Martin", now.minusSeconds(900),
                now.minus(EditLockPolicy.EXPIRY));
        assertThat(EditLockPolicy.decide(stale, "bob@example.fr", now).outcome()).isEqualTo(Outcome.TAKE);
        Holder fresh = new Holder("alice@example.fr", "Alice Martin", now.minusSeconds(900),
                now.minus(EditLockPolicy.EXPIRY).plus(Duration.ofSeconds(1)));
        assertThat(EditLockPolicy.decide(fresh, "bob@example.fr", now).outcome()).isEqualTo(Outcome.REFUSE);
    }
}
