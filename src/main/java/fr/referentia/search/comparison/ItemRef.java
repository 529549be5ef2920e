package fr.referentia.search.comparison;

/** One item named by its referential's code and its own code, e.g. CQP-CONSEILLER-COMMERCIAL / C2.E4. */
public record ItemRef(String framework, String code) {

    @Override
    public String toString() {
        return framework + " " + code;
    }
}
