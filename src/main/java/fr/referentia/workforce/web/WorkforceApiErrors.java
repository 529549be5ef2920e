package fr.referentia.workforce.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refusal by the workforce services (a role that may not act) keeps its French reason in the module's API. */
@RestControllerAdvice(basePackageClasses = WorkforceApiErrors.class, annotations = org.springframework.web.bind.annotation.RestController.class)
class WorkforceApiErrors {

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail refused(AccessDeniedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Accès refusé");
        return problem;
    }
}
