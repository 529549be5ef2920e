package fr.referentia.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface KnownDeviceRepository extends JpaRepository<KnownDevice, Long> {

    @Query("select d from KnownDevice d where d.tokenHash = ?1 and d.account = ?2 and d.lastUsedAt > ?3")
    Optional<KnownDevice> findLive(String tokenHash, String account, Instant usedSince);

    List<KnownDevice> findByAccountOrderByLastUsedAtDesc(String account);

    @Modifying
    @Query("delete from KnownDevice d where d.account = ?1")
    int deleteByAccount(String account);

    @Modifying
    @Query("delete from KnownDevice d where d.lastUsedAt <= ?1")
    int deleteUnusedSince(Instant before);
}
