package fr.referentia.certification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.referentia.certification.DossierAnswers.ActivityAnswer;
import fr.referentia.certification.DossierAnswers.CompetencyAnswers;
import fr.referentia.shared.personaldata.PersonalDataContributor;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A candidate's VAE dossiers and accommodation needs on « Mes données ». At erasure the dossier stays with
 * the application it belongs to (kept six years, R12), but the accommodation needs (R13), which only
 * served to organise an evaluation, are deleted.
 */
@Component
@Transactional
class DossierPersonalData implements PersonalDataContributor {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu").withZone(ZoneId.of("Europe/Paris"));

    private final ApplicationRepository applications;
    private final DossierEntryRepository entries;
    private final AccommodationRepository accommodations;
    private final ObjectMapper json;

    DossierPersonalData(ApplicationRepository applications, DossierEntryRepository entries,
            AccommodationRepository accommodations, ObjectMapper json) {
        this.applications = applications;
        this.entries = entries;
        this.accommodations = accommodations;
        this.json = json;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Section> sections(Subject subject) {
        List<List<String>> answers = new ArrayList<>();
        List<List<String>> needs = new ArrayList<>();
        for (Application application : applications.findByCandidateIdOrderByCreatedAtDesc(subject.userId())) {
            for (DossierEntry entry : entries.findByApplicationId(application.getId())) {
                CompetencyAnswers content = read(entry.getContent());
                for (ActivityAnswer a : content.activities()) {
                    answers.add(List.of(application.getCertificationCode(), a.code(),
                            a.done() == null ? "" : a.done() ? "oui" : "non", text(a.examples()), text(a.tools()),
                            DAY.format(entry.getUpdatedAt())));
                }
                content.answers().forEach(q -> answers.add(List.of(application.getCertificationCode(), q.code(), "",
                        text(q.text()), "", DAY.format(entry.getUpdatedAt()))));
            }
            accommodations.findById(application.getId()).ifPresent(a -> needs.add(List.of(
                    application.getCertificationCode(), a.needs().stream().map(Accommodation.Need::label)
                            .collect(Collectors.joining(", ")), text(a.getDetails()), DAY.format(a.getConsentAt()))));
        }
        List<Section> sections = new ArrayList<>();
        if (!answers.isEmpty()) {
            sections.add(new Section("dossiers-vae", "Mes dossiers VAE", List.of("Certification", "Activité ou question",
                    "Réalisée", "Exemples ou réponse", "Documents, outils ou interlocuteurs", "Enregistré le"), answers));
        }
        if (!needs.isEmpty()) {
            sections.add(new Section("amenagements", "Mes besoins d'aménagement", List.of("Certification", "Besoins",
                    "Précision", "Accord donné le"), needs));
        }
        return sections;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Kept> mustKeep(Subject subject) {
        boolean any = applications.findByCandidateIdOrderByCreatedAtDesc(subject.userId()).stream()
                .anyMatch(a -> !entries.findByApplicationId(a.getId()).isEmpty());
        return any ? List.of(new Kept("Vos dossiers VAE et leurs pièces", "Ils sont conservés avec votre candidature "
                + "(six ans) : l'évaluation et le jury se fondent sur eux.")) : List.of();
    }

    @Override
    public void erase(Subject subject) {
        applications.findByCandidateIdOrderByCreatedAtDesc(subject.userId())
                .forEach(application -> accommodations.findById(application.getId()).ifPresent(accommodations::delete));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private CompetencyAnswers read(String content) {
        try {
            return json.readValue(content, CompetencyAnswers.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable dossier entry", e);
        }
    }
}
