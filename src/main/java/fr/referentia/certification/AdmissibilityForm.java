package fr.referentia.certification;

import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Seed 004's « Dossier de recevabilité : présentation du candidat », field by field: identity and
 * contacts, career, current job with its activities under the form's headings, education, and the
 * sworn statement. Any field may be empty while the application is a draft;
 * {@link AdmissibilityPolicies} says what is missing or implausible.
 */
@Schema(description = "Le dossier de recevabilité de la partie 2 du dossier VAE (seed 004), champ par champ",
        example = AdmissibilityForm.EXAMPLE)
public record AdmissibilityForm(
        Civility civility,
        String lastName,
        String firstName,
        String address,
        String homePhone,
        String workPhone,
        String mobilePhone,
        String email,
        @DateTimeFormat(iso = ISO.DATE) LocalDate birthDate,
        String birthPlace,
        BigDecimal totalExperienceYears,
        BigDecimal fieldExperienceYears,
        Boolean otherRelatedActivities,
        String otherRelatedActivitiesDetail,
        String otherRelatedActivitiesUsefulness,
        CurrentJob currentJob,
        LastClass lastClassAttended,
        List<Diploma> diplomas,
        Boolean swornStatement,
        String signedAt,
        @DateTimeFormat(iso = ISO.DATE) LocalDate signedOn) implements Serializable {

    /** A complete, admissible form a candidate could submit: the OpenAPI example. */
    public static final String EXAMPLE = """
            {"civility": "MADAME", "lastName": "Martin", "firstName": "Camille",
             "address": "3 quai de la Fosse, 44000 Nantes", "homePhone": null, "workPhone": "02 40 00 00 00",
             "mobilePhone": "06 12 34 56 78", "email": "camille.martin@exemple.fr", "birthDate": "1988-04-12",
             "birthPlace": "Nantes", "totalExperienceYears": 12, "fieldExperienceYears": 4,
             "otherRelatedActivities": true,
             "otherRelatedActivitiesDetail": "Commerciale en équipements de bureau pendant six ans.",
             "otherRelatedActivitiesUsefulness": "La prospection et la négociation, que je pratique chaque jour.",
             "currentJob": {"title": "Conseillère commerciale en formation", "employer": "Formations du Littoral",
               "sector": "Formation professionnelle continue", "from": "2022-09-01", "until": null,
               "activities": {"commercialOrganisation": "Plan d'actions commerciales trimestriel, agenda de prospection.",
                 "commercialInformation": "Veille sur les financements (OPCO, CPF) et les appels d'offres.",
                 "prospecting": "Prospection téléphonique et salons régionaux.",
                 "trainingProposals": "Propositions de parcours avec l'équipe pédagogique.",
                 "negotiation": "Négociation et signature des conventions de formation.",
                 "clientManagement": "Suivi des clients entreprises jusqu'au bilan de la formation.",
                 "reporting": "Tableau de bord mensuel dans le CRM.",
                 "improvementProposals": "Nouvelle plaquette et offre inter-entreprises.", "other": null}},
             "lastClassAttended": "HIGHER_FIRST_CYCLE",
             "diplomas": [{"level": "LEVEL_III", "title": "BTS Négociation et relation client"}],
             "swornStatement": true, "signedAt": "Nantes", "signedOn": "2026-11-02"}
            """;

    public AdmissibilityForm {
        diplomas = diplomas == null ? List.of() : diplomas.stream().filter(java.util.Objects::nonNull).toList();
    }

    /** The same form with other diplomas. */
    public AdmissibilityForm withDiplomas(List<Diploma> others) {
        return new AdmissibilityForm(civility, lastName, firstName, address, homePhone, workPhone, mobilePhone, email,
                birthDate, birthPlace, totalExperienceYears, fieldExperienceYears, otherRelatedActivities,
                otherRelatedActivitiesDetail, otherRelatedActivitiesUsefulness, currentJob, lastClassAttended, others,
                swornStatement, signedAt, signedOn);
    }

    public static AdmissibilityForm empty() {
        return new AdmissibilityForm(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, List.of(), null, null, null);
    }

    public enum Civility {
        MONSIEUR("Monsieur"), MADAME("Madame");

        private final String label;

        Civility(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** « Emploi actuel »: the job, where, since when, and the activities under the form's headings. */
    public record CurrentJob(
            String title,
            String employer,
            String sector,
            @DateTimeFormat(iso = ISO.DATE) LocalDate from,
            @DateTimeFormat(iso = ISO.DATE) LocalDate until,
            Activities activities) implements Serializable {
    }

    /** « Précisez vos principales activités dans cet emploi », one text per heading of the form. */
    public record Activities(
            String commercialOrganisation,
            String commercialInformation,
            String prospecting,
            String trainingProposals,
            String negotiation,
            String clientManagement,
            String reporting,
            String improvementProposals,
            String other) implements Serializable {

        boolean anyFilled() {
            return List.of(nz(commercialOrganisation), nz(commercialInformation), nz(prospecting),
                    nz(trainingProposals), nz(negotiation), nz(clientManagement), nz(reporting),
                    nz(improvementProposals), nz(other)).stream().anyMatch(s -> !s.isBlank());
        }

        private static String nz(String s) {
            return s == null ? "" : s;
        }
    }

    /** « Dernière classe suivie », as the form lists them. */
    public enum LastClass {
        PRIMARY_TO_FOURTH("Primaire ou 6e, 5e, 4e du collège"),
        THIRD_OR_FIRST_YEAR_CAP_BEP("3e du collège ou première année de CAP ou BEP"),
        SECOND_FIRST_OR_LAST_YEAR_CAP_BEP("2nde, 1re de l'enseignement général ou dernière année de CAP ou de BEP"),
        FINAL_YEAR("Terminale"),
        HIGHER_FIRST_CYCLE("1re ou 2e année de DEUG, DUT, BTS ou équivalent"),
        HIGHER_SECOND_THIRD_CYCLE("2e ou 3e cycle de l'enseignement supérieur ou équivalent");

        private final String label;

        LastClass(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** « Diplôme(s), titre(s) ou certifications obtenu(s) », by the form's levels, with its title where asked. */
    public record Diploma(DiplomaLevel level, String title) implements Serializable {
    }

    public enum DiplomaLevel {
        NONE("Aucun diplôme"),
        CEP("CEP (Certificat d'études primaires)"),
        BEPC_DNB("BEPC, DNB ou équivalent"),
        LEVEL_V("CAP, BEP ou autre certification de niveau V"),
        LEVEL_IV_BACCALAUREATE("Baccalauréat général, technologique ou professionnel ou autre certification de niveau IV"),
        LEVEL_IV_ESEU_DAEU("ESEU, DAEU ou autre certification de niveau IV"),
        LEVEL_III("DEUG, DUT, BTS ou autre certification de niveau III"),
        LEVEL_II("Diplôme de niveau II : licence (ou maîtrise)"),
        LEVEL_I("Diplôme de niveau I : master, titre d'ingénieur diplômé, DESS ou DEA"),
        OTHER_CQP("Autre certificat de qualification professionnelle (CQP)");

        private final String label;

        DiplomaLevel(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The form asks « Précisez l'intitulé » for these levels. */
        public boolean needsTitle() {
            return this != NONE && this != CEP && this != BEPC_DNB;
        }
    }
}
