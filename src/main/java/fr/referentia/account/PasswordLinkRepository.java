package fr.referentia.account;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface PasswordLinkRepository extends JpaRepository<PasswordLink, Long> {

    Optional<PasswordLink> findByTokenHash(String tokenHash);

    /** The link, locked until the transaction ends, so that two submissions cannot both spend it. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select l from PasswordLink l where l.tokenHash = :tokenHash")
    Optional<PasswordLink> lockByTokenHash(String tokenHash);

    /** Links of a person not yet used nor replaced (possibly expired). */
    @Query("select l from PasswordLink l where l.user = :user and l.usedAt is null and l.revokedAt is null")
    List<PasswordLink> findOpen(UserAccount user);

    boolean existsByUserAndPurposeAndCreatedAtAfter(UserAccount user, PasswordLink.Purpose purpose, Instant after);

    long countByUserAndPurposeAndCreatedAtAfter(UserAccount user, PasswordLink.Purpose purpose, Instant after);

    /** For each person, the expiry of their open invitation, if any: [user id, expires at]. */
    @Query("select l.user.id, max(l.expiresAt) from PasswordLink l where l.user.id in :userIds"
            + " and l.purpose = fr.referentia.account.PasswordLink.Purpose.INVITATION"
            + " and l.usedAt is null and l.revokedAt is null group by l.user.id")
    List<Object[]> openInvitationExpiries(Collection<UUID> userIds);
}
