package fr.referentia.framework.authoring;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface DraftLockRepository extends JpaRepository<DraftLock, Long> {

    /**
     * Locks the version's row until the end of the transaction: changes of one draft run one after the
     * other, each on the state the previous one left (two quick autosaves must not undo each other).
     */
    @Query(value = "select id from framework where code = :code and version = :version for update", nativeQuery = true)
    java.util.List<Long> lockVersionRow(String code, String version);

    /** Read for update: two people opening the editor at once are served one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select l from DraftLock l where l.frameworkId = :frameworkId")
    Optional<DraftLock> findForUpdate(Long frameworkId);
}
