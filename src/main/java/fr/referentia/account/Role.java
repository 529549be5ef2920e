package fr.referentia.account;

/** Roles of PRODUCT.md; a user may hold several. */
public enum Role {
    BRANCH_ADMIN("Administrateur de branche"),
    CERTIFICATION_OFFICE("Secrétariat de certification"),
    ORG_HR("RH d'organisme"),
    MANAGER("Manager"),
    EMPLOYEE("Salarié"),
    CANDIDATE("Candidat"),
    ASSESSOR("Évaluateur"),
    JURY_MEMBER("Membre de jury"),
    OBSERVER("Observatoire");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Roles held inside one organisation; the others are branch-wide. */
    public boolean isOrganisationScoped() {
        return this == ORG_HR || this == MANAGER || this == EMPLOYEE;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
