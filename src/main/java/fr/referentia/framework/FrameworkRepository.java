package fr.referentia.framework;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface FrameworkRepository extends JpaRepository<Framework, Long> {

    boolean existsByCodeAndVersion(String code, String version);

    /** The current version of a referential: the newest one created. */
    Optional<Framework> findFirstByCodeOrderByCreatedAtDescIdDesc(String code);

    List<Framework> findAllByOrderByKindAscCodeAscCreatedAtDesc();
}
