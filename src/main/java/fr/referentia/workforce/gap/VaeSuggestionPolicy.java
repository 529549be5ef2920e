package fr.referentia.workforce.gap;

import fr.referentia.shared.policy.Decision;
import fr.referentia.shared.policy.Policies;
import fr.referentia.shared.policy.Policy;
import java.util.List;

/**
 * When the gap analysis to a certification suggests applying for a VAE: the assessed portfolio covers most of
 * the certification and the seniority reaches the certification's admissibility threshold (R2).
 */
public interface VaeSuggestionPolicy extends Policy<VaeSuggestionPolicy.Request> {

    /** The share of the certification's competencies reached from which a VAE is suggested. */
    double HIGH_COVERAGE = 0.8;

    record Request(double coverage, double seniorityYears, int thresholdYears) {
    }

    VaeSuggestionPolicy HIGH_COVERAGE_OF_THE_CERTIFICATION = r -> Decision.allowedIf(r.coverage() >= HIGH_COVERAGE,
            "Le portefeuille évalué couvre " + Math.round(r.coverage() * 100) + " % de la certification : une VAE est "
                    + "suggérée à partir de " + Math.round(HIGH_COVERAGE * 100) + " %.");

    VaeSuggestionPolicy SENIORITY_REACHES_THE_THRESHOLD_R2 = r -> Decision.allowedIf(
            r.seniorityYears() >= r.thresholdYears(),
            "La VAE demande au moins " + r.thresholdYears() + " ans d'activité en rapport avec la certification (R2).");

    List<VaeSuggestionPolicy> ALL = List.of(HIGH_COVERAGE_OF_THE_CERTIFICATION, SENIORITY_REACHES_THE_THRESHOLD_R2);

    static Decision checkAll(Request request) {
        return Policies.firstRejection(request, ALL);
    }
}
