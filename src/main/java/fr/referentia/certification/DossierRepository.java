package fr.referentia.certification;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface DossierRepository extends JpaRepository<Dossier, UUID> {
}
