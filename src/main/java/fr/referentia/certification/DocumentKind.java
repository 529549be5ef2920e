package fr.referentia.certification;

/** What a supporting document of an admissibility request is (seed 004, part 2). */
public enum DocumentKind {
    PAY_SLIP("Bulletin de salaire", true),
    WORK_CERTIFICATE("Certificat de travail", true),
    EMPLOYER_ATTESTATION("Attestation employeur", true),
    IDENTITY("Pièce d'identité", false),
    DIPLOMA("Diplôme", false),
    OTHER("Autre justificatif", false);

    private final String label;
    private final boolean provesExperience;

    DocumentKind(String label, boolean provesExperience) {
        this.label = label;
        this.provesExperience = provesExperience;
    }

    public String label() {
        return label;
    }

    /** One of the documents the form asks for the years of experience: pay slips, certificates, attestations. */
    public boolean provesExperience() {
        return provesExperience;
    }
}
