package fr.referentia.account;

import java.time.Instant;
import java.util.List;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UserAccountRepository extends JpaRepository<UserAccount, UUID> {

    Optional<UserAccount> findByEmail(String email);

    boolean existsByEmail(String email);

    List<UserAccount> findByEmailIn(Collection<String> emails);

    boolean existsByEmailSkeleton(String emailSkeleton);

    List<UserAccount> findAllByOrderByEmailAsc();

    /** How many other people hold the role on an account that can sign in. */
    @Query("""
            select count(distinct g.user) from RoleGrant g
            where g.role = :role and g.user.id <> :userId and g.user.enabled = true and g.user.passwordHash is not null""")
    long countOtherActiveHolders(Role role, UUID userId);

    /** How many people hold the role on an account that can sign in. */
    @Query("""
            select count(distinct g.user) from RoleGrant g
            where g.role = :role and g.user.enabled = true and g.user.passwordHash is not null""")
    long countActiveHolders(Role role);

    /** Invitations never accepted: no password was ever set, and the account was not erased. */
    List<UserAccount> findByPasswordHashIsNullAndErasedAtIsNullAndCreatedAtBefore(Instant cutoff);
    /** Those of the given (normalised) addresses that already have an account. */
    @Query("select u.email from UserAccount u where u.email in :emails")
    Set<String> findExistingEmails(Collection<String> emails);

    /** Those of the given address skeletons ({@code Confusables}) that an account already has. */
    @Query("select u.emailSkeleton from UserAccount u where u.emailSkeleton in :skeletons")
    Set<String> findExistingSkeletons(Collection<String> skeletons);
}
