package fr.referentia.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * An API request refused before any of our controllers is chosen (a body of a type the route does not
 * consume, a method or a response format it does not offer, an unknown address): {@link ApiErrors} only
 * advises our controllers, and Spring Boot's problem details answered these in English
 * (« Unsupported Media Type »). Answered here in French, with the same fields.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ApiRoutingErrors implements HandlerExceptionResolver {

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        if (!ProblemResponses.isApi(request) || !(ex instanceof ErrorResponse error)
                || !error.getStatusCode().is4xxClientError() || ourController(handler)) {
            return null;
        }
        HttpStatus status = HttpStatus.valueOf(error.getStatusCode().value());
        error.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        try {
            ProblemResponses.write(request, response, status, Messages.clientErrorTitle(status),
                    Messages.clientError(status));
        } catch (IOException e) {
            return null;
        }
        return new ModelAndView();
    }

    private static boolean ourController(Object handler) {
        return handler instanceof HandlerMethod method
                && AnnotatedElementUtils.hasAnnotation(method.getBeanType(), RestController.class);
    }
}
