package fr.referentia.account;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UserAccountRepository extends JpaRepository<UserAccount, UUID> {

    Optional<UserAccount> findByEmail(String email);

    boolean existsByEmail(String email);

    java.util.List<UserAccount> findAllByOrderByEmailAsc();

    /** Those of the given (normalised) addresses that already have an account. */
    @Query("select u.email from UserAccount u where u.email in :emails")
    Set<String> findExistingEmails(Collection<String> emails);
}
