package fr.referentia.account;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PendingMembershipRepository extends JpaRepository<PendingMembership, UUID> {

    /** The person's invitations still waiting for an answer, the newest first. */
    @Query("""
            select m from PendingMembership m where m.user = :user and m.answeredAt is null and m.expiresAt > :now
            order by m.createdAt desc""")
    List<PendingMembership> findOpen(UserAccount user, Instant now);

    /** The open invitations of an organisation, for the given people. */
    @Query("""
            select m from PendingMembership m where m.organisation.id = :organisationId and m.user.id in :userIds
            and m.answeredAt is null and m.expiresAt > :now""")
    List<PendingMembership> findOpenIn(UUID organisationId, Collection<UUID> userIds, Instant now);

    /** An organisation's invitations not answered yet (expired ones included), for the given people. */
    @Query("""
            select m from PendingMembership m where m.organisation.id = :organisationId and m.user.id in :userIds
            and m.answeredAt is null""")
    List<PendingMembership> findUnansweredIn(UUID organisationId, Collection<UUID> userIds);

    Optional<PendingMembership> findByIdAndUser(UUID id, UserAccount user);

    List<PendingMembership> findByUserOrderByCreatedAtDesc(UserAccount user);

    /** Deletes the invitations answered before {@code cutoff}, or never answered and expired before it. */
    @Modifying
    @Query("""
            delete from PendingMembership m where m.answeredAt < :cutoff
            or (m.answeredAt is null and m.expiresAt < :cutoff)""")
    int deleteEndedBefore(Instant cutoff);

    @Modifying
    @Query("delete from PendingMembership m where m.user = :user")
    void deleteByUser(UserAccount user);
}
