package fr.referentia.account;

/** Workforce size band of an organisation, as the branch's surveys stratify them (R15). */
public enum SizeBand {
    FROM_0_TO_9("0 à 9 salariés"),
    FROM_10_TO_49("10 à 49 salariés"),
    FROM_50_TO_249("50 à 249 salariés"),
    FROM_250("250 salariés et plus");

    private final String label;

    SizeBand(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
