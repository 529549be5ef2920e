package fr.referentia.account;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface LoginFailureRepository extends JpaRepository<LoginFailure, Long> {

    /** Failures of unknown browsers for the account, from anywhere. */
    @Query("select f.failedAt from LoginFailure f where f.account = ?1 and f.knownDeviceId is null and f.failedAt > ?2")
    List<Instant> failuresOfAccountSince(String account, Instant since);

    @Query("select f.failedAt from LoginFailure f where f.account = ?1 and f.clientAddress = ?2"
            + " and f.knownDeviceId is null and f.failedAt > ?3")
    List<Instant> failuresOfAccountFromAddressSince(String account, String clientAddress, Instant since);

    @Query("select f.failedAt from LoginFailure f where f.clientAddress = ?1 and f.knownDeviceId is null"
            + " and f.failedAt > ?2")
    List<Instant> failuresFromAddressSince(String clientAddress, Instant since);

    @Query("select f.failedAt from LoginFailure f where f.knownDeviceId = ?1 and f.failedAt > ?2")
    List<Instant> failuresOfDeviceSince(Long knownDeviceId, Instant since);

    /** After a success: the failures of the account from that address, and those of that browser. */
    @Modifying
    @Query("delete from LoginFailure f where f.account = ?1 and (f.clientAddress = ?2 or f.knownDeviceId = ?3)")
    int deleteAfterSuccess(String account, String clientAddress, Long knownDeviceId);

    @Modifying
    @Query("delete from LoginFailure f where f.failedAt <= ?1")
    int deleteOlderThan(Instant before);
}
