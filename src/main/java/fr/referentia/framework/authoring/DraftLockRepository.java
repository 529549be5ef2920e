package fr.referentia.framework.authoring;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface DraftLockRepository extends JpaRepository<DraftLock, Long> {

    /** Read for update: two people opening the editor at once are served one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select l from DraftLock l where l.frameworkId = :frameworkId")
    Optional<DraftLock> findForUpdate(Long frameworkId);
}
