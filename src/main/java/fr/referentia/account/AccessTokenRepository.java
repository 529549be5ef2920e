package fr.referentia.account;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccessTokenRepository extends JpaRepository<AccessToken, UUID> {

    Optional<AccessToken> findBySecretHash(String secretHash);

    List<AccessToken> findByOwnerOrderByCreatedAtDesc(UserAccount owner);

    Optional<AccessToken> findByIdAndOwner(UUID id, UserAccount owner);
}
