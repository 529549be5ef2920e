package fr.referentia.certification;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccommodationRepository extends JpaRepository<Accommodation, UUID> {
}
