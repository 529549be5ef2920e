package fr.referentia.certification;

import fr.referentia.certification.AdmissibilityForm.Activities;
import fr.referentia.certification.AdmissibilityForm.CurrentJob;
import fr.referentia.certification.AdmissibilityForm.Diploma;
import fr.referentia.shared.BadInputException;
import java.math.BigDecimal;

/** The admissibility form's texts checked and normalised (one-line fields, long answers), numbers bounded. */
final class FormCleaner {

    static final int LINE = 300;
    static final int ANSWER = 4000;
    static final int MAX_DIPLOMAS = 20;

    private FormCleaner() {
    }

    static AdmissibilityForm clean(AdmissibilityForm f) {
        if (f.diplomas().size() > MAX_DIPLOMAS) {
            throw new BadInputException("Indiquez au plus " + MAX_DIPLOMAS + " diplômes.");
        }
        return new AdmissibilityForm(f.civility(),
                line(f.lastName(), "Le nom"), line(f.firstName(), "Le prénom"),
                FormText.multiLine(f.address(), "L'adresse", 1000),
                phone(f.homePhone(), "Le téléphone domicile"), phone(f.workPhone(), "Le téléphone travail"),
                phone(f.mobilePhone(), "Le téléphone portable"), email(f.email()),
                f.birthDate(), line(f.birthPlace(), "Le lieu de naissance"),
                years(f.totalExperienceYears(), "La durée totale d'expérience"),
                years(f.fieldExperienceYears(), "La durée d'expérience dans le domaine"),
                f.otherRelatedActivities(),
                answer(f.otherRelatedActivitiesDetail(), "Les autres activités"),
                answer(f.otherRelatedActivitiesUsefulness(), "L'utilité des autres activités"),
                job(f.currentJob()), f.lastClassAttended(),
                f.diplomas().stream().filter(d -> d != null && d.level() != null)
                        .map(d -> new Diploma(d.level(), line(d.title(), "L'intitulé du diplôme"))).toList(),
                f.swornStatement(), line(f.signedAt(), "Le lieu de signature"), f.signedOn());
    }

    private static CurrentJob job(CurrentJob j) {
        if (j == null) {
            return null;
        }
        Activities a = j.activities();
        Activities activities = a == null ? null : new Activities(
                answer(a.commercialOrganisation(), "L'organisation de l'activité commerciale"),
                answer(a.commercialInformation(), "La recherche d'informations commerciales"),
                answer(a.prospecting(), "La prospection"),
                answer(a.trainingProposals(), "La proposition de prestations"),
                answer(a.negotiation(), "La négociation"),
                answer(a.clientManagement(), "La gestion des clients"),
                answer(a.reporting(), "Le suivi et reporting"),
                answer(a.improvementProposals(), "Les propositions d'amélioration"),
                answer(a.other(), "Les autres activités"));
        return new CurrentJob(line(j.title(), "L'intitulé de l'emploi"), line(j.employer(), "L'entreprise"),
                line(j.sector(), "Le secteur d'activité"), j.from(), j.until(), activities);
    }

    private static String line(String value, String label) {
        return FormText.oneLine(value, label, LINE);
    }

    private static String answer(String value, String label) {
        return FormText.multiLine(value, label, ANSWER);
    }

    private static String phone(String value, String label) {
        String text = FormText.oneLine(value, label, 30);
        if (text != null && !text.matches("\\+?[0-9 .()-]{6,30}")) {
            throw new BadInputException(label + " « " + text + " » n'est pas un numéro de téléphone.");
        }
        return text;
    }

    private static String email(String value) {
        String text = FormText.oneLine(value, "L'e-mail", 320);
        if (text != null && !text.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new BadInputException("L'e-mail « " + text + " » n'est pas une adresse valide.");
        }
        return text;
    }

    private static BigDecimal years(BigDecimal value, String label) {
        if (value == null) {
            return null;
        }
        if (value.compareTo(BigDecimal.valueOf(100)) > 0 || value.scale() > 2) {
            throw new BadInputException(label + " s'exprime en années (par exemple 4 ou 3,5), 100 au plus.");
        }
        return value;
    }
}
