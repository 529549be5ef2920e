package fr.referentia.workforce.scope.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A refusal by the services of career interviews, gap analyses and plans (a role that may not act) keeps its
 * French reason in their API, as the rest of the module's API does.
 */
@RestControllerAdvice(basePackages = {"fr.referentia.workforce.interview.web", "fr.referentia.workforce.gap.web",
        "fr.referentia.workforce.plan.web"}, annotations = RestController.class)
class AnalysesApiErrors {

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail refused(AccessDeniedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Accès refusé");
        return problem;
    }
}
