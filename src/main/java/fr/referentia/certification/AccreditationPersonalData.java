package fr.referentia.certification;

import fr.referentia.shared.personaldata.PersonalDataContributor;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An assessor's accreditations on « Mes données » and in their archive. They are kept on erasure
 * (and an invited assessor who never signed in is not purged): they prove that the evaluations
 * were made by a habilitated assessor (R5), and the account is only pseudonymised.
 */
@Component
@Transactional(readOnly = true)
class AccreditationPersonalData implements PersonalDataContributor {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private final AccreditationRepository accreditations;

    AccreditationPersonalData(AccreditationRepository accreditations) {
        this.accreditations = accreditations;
    }

    @Override
    public List<Section> sections(Subject subject) {
        List<List<String>> rows = accreditations.findByAssessorIdOrderByValidUntilAscNumberAsc(subject.userId())
                .stream().map(a -> List.of(a.getNumber(), a.getKind().label(),
                        String.join(", ", a.getCertificationCodes()), a.getValidFrom().format(DAY),
                        a.getValidUntil().format(DAY)))
                .toList();
        if (rows.isEmpty()) {
            return List.of();
        }
        return List.of(new Section("habilitations", "Mes habilitations d'évaluateur",
                List.of("Numéro", "Type", "Certifications", "Valide du", "Valide jusqu'au"), rows));
    }

    @Override
    public List<Kept> mustKeep(Subject subject) {
        if (accreditations.findByAssessorIdOrderByValidUntilAscNumberAsc(subject.userId()).isEmpty()) {
            return List.of();
        }
        return List.of(new Kept("Vos habilitations d'évaluateur (numéro, type, certifications, dates de validité)",
                "Elles attestent que les évaluations de candidats ont été menées par un évaluateur habilité "
                        + "par la CPEF (R5) ; elles restent liées à votre compte pseudonymisé."));
    }

    @Override
    public void erase(Subject subject) {
        // Nothing else is held about the person: the accreditations themselves are kept (see mustKeep).
    }
}
