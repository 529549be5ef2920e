package fr.referentia.shared.web;

import jakarta.servlet.RequestDispatcher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * What {@code /error} answers for an API address: a problem detail in French. The container forwards there
 * after a {@code sendError} that no exception handler saw (Spring Security's firewall refusing {@code %00},
 * {@code //} or {@code ;} in an address, a refusal written before the dispatcher…), and Spring Boot's own
 * answer there was English ({@code "error": "Bad Request"}). Pages keep Spring Boot's attributes for the
 * French error page. Written as {@code application/problem+json} with its {@code instance} cut, by
 * {@link ApiProblemBodies}.
 */
@Component
class ApiErrorDispatch extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI, RequestAttributes.SCOPE_REQUEST);
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE, RequestAttributes.SCOPE_REQUEST);
        if (!(uri instanceof String path) || !path.startsWith(request.getContextPath() + "/api/")
                || !(code instanceof Integer status)) {
            return super.getErrorAttributes(request, options);
        }
        HttpStatusCode statusCode = HttpStatusCode.valueOf(status);
        String title = statusCode.is5xxServerError() ? "Erreur du serveur" : Messages.clientErrorTitle(statusCode);
        String detail = statusCode.is5xxServerError()
                ? "Une erreur inattendue est survenue ; la demande n'a pas abouti. Réessayez plus tard."
                : Messages.clientError(statusCode);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance",
                String.valueOf(ApiProblemBodies.instance(path.substring(request.getContextPath().length()))));
        problem.put("errors", List.of(detail));
        return problem;
    }
}
