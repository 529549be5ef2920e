package fr.referentia.account;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface OrganisationRepository extends JpaRepository<Organisation, UUID> {

    boolean existsBySiret(String siret);

    List<Organisation> findAllByOrderByNameAsc();

    List<Organisation> findByNameContainingIgnoreCaseOrderByNameAsc(String text, Pageable page);
}
