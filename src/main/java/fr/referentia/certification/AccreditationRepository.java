package fr.referentia.certification;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccreditationRepository extends JpaRepository<Accreditation, UUID> {

    boolean existsByNumber(String number);

    List<Accreditation> findAllByOrderByValidUntilAscNumberAsc();

    List<Accreditation> findByAssessorIdOrderByValidUntilAscNumberAsc(UUID assessorId);
}
