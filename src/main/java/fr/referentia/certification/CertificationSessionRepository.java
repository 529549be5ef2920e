package fr.referentia.certification;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface CertificationSessionRepository extends JpaRepository<CertificationSession, UUID> {

    List<CertificationSession> findByCertificationCodeAndEndsOnGreaterThanEqualOrderByStartsOnAsc(String code,
            LocalDate day);
}
