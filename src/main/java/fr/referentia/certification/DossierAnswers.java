package fr.referentia.certification;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The candidate's answers in their dossier, as stored (JSON) and as the API reads and writes them. */
public final class DossierAnswers {

    private DossierAnswers() {
    }

    @Schema(description = "Une activité du tableau : réalisée (oui ou non), exemples, interlocuteurs sollicités ou "
            + "documents et outils utilisés, preuves présentées (identifiants des preuves déposées)")
    public record ActivityAnswer(
            @Schema(example = "C1.ACT1") String code,
            @Schema(description = "Oui (true) ou non (false)", example = "true") Boolean done,
            @Schema(example = "Veille mensuelle sur les entreprises du secteur sanitaire et social de mon département.")
            String examples,
            @Schema(example = "Base Sirene, fichier prospects sous tableur, CRM de l'organisme") String tools,
            List<UUID> proofIds) {

        public ActivityAnswer {
            proofIds = proofIds == null ? List.of() : List.copyOf(proofIds);
        }
    }

    @Schema(description = "La réponse à une question ouverte du dossier")
    public record QuestionAnswer(@Schema(example = "C1.Q1") String code,
            @Schema(example = "Je planifiais chaque semaine mes rendez-vous et relances à partir des objectifs fixés.")
            String text) {
    }

    /** What the candidate writes for one competency; {@code version} is the one read (optimistic locking). */
    @Schema(description = "Les réponses pour une compétence ; « version » est celle lue (verrouillage optimiste)",
            example = "{\"activities\": [{\"code\": \"C1.ACT1\", \"done\": true, \"examples\": \"Veille mensuelle sur "
                    + "les entreprises du secteur sanitaire et social de mon département.\", \"tools\": \"Base Sirene, "
                    + "fichier prospects, CRM de l'organisme\", \"proofIds\": []}, {\"code\": \"C1.ACT2\", \"done\": "
                    + "false}], \"answers\": [{\"code\": \"C1.Q1\", \"text\": \"Je planifiais chaque semaine mes "
                    + "rendez-vous et relances à partir des objectifs fixés avec ma direction.\"}], \"version\": 0}")
    public record CompetencyAnswers(List<ActivityAnswer> activities, List<QuestionAnswer> answers, Long version) {

        public CompetencyAnswers {
            activities = activities == null ? List.of() : List.copyOf(activities);
            answers = answers == null ? List.of() : List.copyOf(answers);
        }

        static CompetencyAnswers empty() {
            return new CompetencyAnswers(List.of(), List.of(), null);
        }

        public ActivityAnswer activity(String code) {
            return activities.stream().filter(a -> code.equals(a.code())).findFirst().orElse(null);
        }

        public String answer(String code) {
            return answers.stream().filter(a -> code.equals(a.code())).map(QuestionAnswer::text).findFirst()
                    .orElse(null);
        }

        CompetencyAnswers withoutVersion() {
            return new CompetencyAnswers(activities, answers, null);
        }
    }

    /** A file as a frozen version lists it. */
    public record FileRef(UUID id, UUID fileId, String kind, String itemCode, String name, Integer pages) {
    }

    /** A whole dossier at one moment: what a submission freezes. */
    public record Snapshot(Map<String, CompetencyAnswers> competencies, List<FileRef> files) {
    }
}
