package fr.referentia.account;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface LoginFailureRepository extends JpaRepository<LoginFailure, Long> {

    @Query("select f.failedAt from LoginFailure f where f.account = ?1 and f.failedAt > ?2")
    List<Instant> failuresOfAccountSince(String account, Instant since);

    @Query("select f.failedAt from LoginFailure f where f.clientAddress = ?1 and f.failedAt > ?2")
    List<Instant> failuresFromAddressSince(String clientAddress, Instant since);

    @Modifying
    @Query("delete from LoginFailure f where f.account = ?1")
    int deleteByAccount(String account);

    @Modifying
    @Query("delete from LoginFailure f where f.failedAt <= ?1")
    int deleteOlderThan(Instant before);
}
