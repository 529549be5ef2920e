package fr.referentia.shared.jobs;

import fr.referentia.shared.personaldata.PersonalDataContributor;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The background jobs a person started (kept for their kind's retention: 30 days for imports, an hour
 * for comparisons) reach « Mes données », and go with an erasure, inputs and results included.
 */
@Component
class JobsPersonalData implements PersonalDataContributor {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(ZoneId.of("Europe/Paris"));

    private final Jobs jobs;

    JobsPersonalData(Jobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public List<Section> sections(Subject subject) {
        List<List<String>> rows = jobs.ofOwner(subject.email()).stream()
                .map(job -> List.of(job.title(), job.label() == null ? "" : job.label(), job.state().label(),
                        WHEN.format(job.createdAt()), job.finishedAt() == null ? "" : WHEN.format(job.finishedAt())))
                .toList();
        // Like the other modules' sections: shown only when there is something to show.
        return rows.isEmpty() ? List.of() : List.of(new Section("travaux", "Travaux en arrière-plan",
                List.of("Travail", "Objet", "État", "Lancé le", "Terminé le"), rows));
    }

    @Override
    public void erase(Subject subject) {
        jobs.eraseOwner(subject.email());
    }
}
