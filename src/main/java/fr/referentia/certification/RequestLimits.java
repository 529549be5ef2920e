package fr.referentia.certification;

import fr.referentia.shared.policy.Decision;
import fr.referentia.shared.policy.Policies;
import fr.referentia.shared.policy.Policy;
import java.util.List;
import java.util.stream.Collectors;

/**
 * R3 (seed 004, the sworn statement of part 2): one request per certification per candidate, and no
 * more than three VAE requests for different certifications in the same calendar year. Checked when
 * an application is created; a withdrawn request no longer counts.
 */
public interface RequestLimits extends Policy<RequestLimits.NewRequest> {

    /** The most VAE requests (for different certifications) a candidate may make in one calendar year. */
    int MAX_VAE_REQUESTS_A_YEAR = 3;

    /** A request the candidate already made. */
    record EarlierRequest(String certificationCode, String certificationTitle, ApplicationRoute route, int year,
            ApplicationState state) {

        boolean counts() {
            return state != ApplicationState.WITHDRAWN;
        }

        String describe() {
            return certificationTitle + " (" + certificationCode + ", " + route.label() + ", " + state.label() + ")";
        }
    }

    /** The request being made, with the candidate's earlier ones. */
    record NewRequest(String certificationCode, ApplicationRoute route, int year, List<EarlierRequest> earlier) {
    }

    RequestLimits ONE_PER_CERTIFICATION = request -> request.earlier().stream()
            .filter(EarlierRequest::counts)
            .filter(earlier -> earlier.certificationCode().equals(request.certificationCode()))
            .findFirst()
            .<Decision>map(earlier -> Decision.rejected("Une seule demande par certification et par candidat (R3) : "
                    + "vous avez déjà une candidature pour " + earlier.describe() + "."))
            .orElse(Decision.allowed());

    RequestLimits AT_MOST_THREE_VAE_A_YEAR = request -> {
        if (!request.route().isVae()) {
            return Decision.allowed();
        }
        List<EarlierRequest> sameYear = request.earlier().stream().filter(EarlierRequest::counts)
                .filter(earlier -> earlier.route().isVae() && earlier.year() == request.year())
                .filter(earlier -> !earlier.certificationCode().equals(request.certificationCode()))
                .toList();
        return Decision.allowedIf(sameYear.size() < MAX_VAE_REQUESTS_A_YEAR,
                "Pas plus de trois demandes de VAE pour des certifications différentes pendant l'année civile (R3) : "
                        + "vous en avez déjà fait " + sameYear.size() + " en " + request.year() + " : "
                        + sameYear.stream().map(EarlierRequest::describe).collect(Collectors.joining(" ; ")) + ".");
    };

    List<RequestLimits> IN_FORCE = List.of(ONE_PER_CERTIFICATION, AT_MOST_THREE_VAE_A_YEAR);

    static Decision check(NewRequest request, List<RequestLimits> policies) {
        return Policies.firstRejection(request, policies);
    }
}
