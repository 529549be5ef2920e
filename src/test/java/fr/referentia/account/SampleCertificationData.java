package fr.referentia.account;

import fr.referentia.shared.personaldata.PersonalDataContributor;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.stereotype.Component;

/**
 * Stands for a later module (certification) in the tests: a {@link PersonalDataContributor}
 * found by component scanning like a real one, so the shared test context stays one. It only
 * answers for people whose e-mail starts with {@link #PREFIX}, and is inert for everyone else.
 */
@Component
class SampleCertificationData implements PersonalDataContributor {

    static final String PREFIX = "candidat-exemple-";

    final Set<UUID> erased = ConcurrentHashMap.newKeySet();

    private static boolean concerns(Subject subject) {
        return subject.email().startsWith(PREFIX);
    }

    @Override
    public List<Section> sections(Subject subject) {
        return concerns(subject) ? List.of(new Section("certifications", "Mes certifications (exemple)",
                List.of("Certification", "Décision"), List.of(List.of("CQP Conseiller commercial", "Validation totale"))))
                : List.of();
    }

    @Override
    public List<File> files(Subject subject) {
        return concerns(subject) ? List.of(new File("../certificats/certificat.txt",
                new ByteArrayResource(("Certificat de " + subject.displayName()).getBytes()))) : List.of();
    }

    @Override
    public List<Kept> mustKeep(Subject subject) {
        return concerns(subject) ? List.of(new Kept("Décisions de certification et certificats (exemple)",
                "Le certificateur doit pouvoir attester d'une certification délivrée.")) : List.of();
    }

    @Override
    public void erase(Subject subject) {
        if (concerns(subject)) {
            erased.add(subject.userId());
        }
    }
}
