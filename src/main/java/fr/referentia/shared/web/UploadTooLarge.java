package fr.referentia.shared.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload over {@code spring.servlet.multipart} limits is refused before any controller is chosen, so
 * neither {@link PageErrors} nor {@link ApiErrors} sees it. It is answered here, in the request itself:
 * Spring's default (a 413 {@code sendError}) forwards to {@code /error}, where the same multipart body
 * fails to parse again and the person gets an empty page.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadTooLarge implements HandlerExceptionResolver {

    private final ObjectMapper json;
    private final MessageSource messages;

    UploadTooLarge(ObjectMapper json, MessageSource messages) {
        this.json = json;
        this.messages = messages;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        if (!(ex instanceof MaxUploadSizeExceededException)) {
            return null;
        }
        HttpStatus status = HttpStatus.PAYLOAD_TOO_LARGE;
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            // The API speaks French, whatever the client's language (as ApiErrors does).
            String detail = messages.getMessage("error.tooLarge", null, Locale.FRENCH);
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            try {
                json.writeValue(response.getOutputStream(), Map.of("type", "about:blank", "title",
                        "Fichier trop volumineux", "status", status.value(), "detail", detail, "errors", List.of(detail)));
            } catch (IOException e) {
                return null;
            }
            return new ModelAndView();
        }
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject("title", "Fichier trop volumineux");
        return page;
    }
}
