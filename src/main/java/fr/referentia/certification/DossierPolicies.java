package fr.referentia.certification;

import fr.referentia.certification.DossierAnswers.ActivityAnswer;
import fr.referentia.certification.DossierAnswers.CompetencyAnswers;
import fr.referentia.certification.DossierTemplate.Activity;
import fr.referentia.certification.DossierTemplate.Competency;
import fr.referentia.certification.DossierTemplate.Question;
import fr.referentia.shared.policy.Decision;
import fr.referentia.shared.policy.Policies;
import fr.referentia.shared.policy.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rules of the VAE dossier (seed 004, part 3), on the policy kernel. */
final class DossierPolicies {

    private DossierPolicies() {
    }

    /** A dossier as it stands: the template, the answers per competency, and the questions a written piece answers. */
    record Draft(DossierTemplate template, Map<String, CompetencyAnswers> answers, Set<String> writtenPieces) {

        CompetencyAnswers of(String competency) {
            return answers.getOrDefault(competency, CompetencyAnswers.empty());
        }
    }

    /**
     * Completeness before submission (« Seuls les dossiers complets sont présentés au jury »): every
     * activity answered yes or no, an example for each one done, every open question answered, each
     * written piece attached. Every missing part is named, competency by competency.
     */
    interface Completeness extends Policy<Draft> {

        Completeness EVERY_ACTIVITY_ANSWERED = draft -> rejections(draft, (c, a) -> {
            List<String> missing = new ArrayList<>();
            for (Activity activity : c.activities()) {
                ActivityAnswer answer = a.activity(activity.code());
                if (answer == null || answer.done() == null) {
                    missing.add("l'activité « " + shorten(activity.text()) + " » : répondez oui ou non");
                } else if (answer.done() && blank(answer.examples())) {
                    missing.add("l'activité « " + shorten(activity.text()) + " » : donnez au moins un exemple");
                }
            }
            return missing;
        });

        Completeness EVERY_QUESTION_ANSWERED = draft -> rejections(draft, (c, a) -> {
            List<String> missing = new ArrayList<>();
            for (Question question : c.questions()) {
                if (question.asksForDocument()) {
                    if (!draft.writtenPieces().contains(question.code())) {
                        missing.add("le document écrit de " + question.writtenPiece().min() + " à "
                                + question.writtenPiece().max() + " pages (PDF ou DOCX)");
                    }
                } else if (blank(a.answer(question.code()))) {
                    missing.add("la question « " + shorten(question.text()) + " »");
                }
            }
            return missing;
        });

        List<Completeness> IN_FORCE = List.of(EVERY_ACTIVITY_ANSWERED, EVERY_QUESTION_ANSWERED);
    }

    /** Every part still missing, in the dossier's order; empty when the dossier can be submitted. */
    static List<String> missing(Draft draft) {
        return Policies.allRejections(draft, Completeness.IN_FORCE).stream()
                .flatMap(reasons -> List.of(reasons.split("\n")).stream()).toList();
    }

    private interface PerCompetency {
        List<String> missing(Competency competency, CompetencyAnswers answers);
    }

    /** One rejection whose reason lists, one per line, « Compétence X : what is missing ». */
    private static Decision rejections(Draft draft, PerCompetency rule) {
        List<String> lines = new ArrayList<>();
        for (Competency competency : draft.template().competencies()) {
            for (String missing : rule.missing(competency, draft.of(competency.code()))) {
                lines.add("Compétence " + competency.code() + " — " + missing + ".");
            }
        }
        return lines.isEmpty() ? Decision.allowed() : Decision.rejected(String.join("\n", lines));
    }

    static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 79).strip() + "…";
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
