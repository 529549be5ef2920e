package fr.referentia.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Until the application accepts traffic (Spring Boot's readiness state: the seed referentials are
 * loaded and indexed, the start-up runners are done), pages and API answer 503 with a short French
 * message rather than partial data. The health probes and static assets still answer. Runs before
 * security, so that no login page or redirection is served meanwhile.
 */
@Configuration
class ReadinessGate {

    static final String MESSAGE = "Referentia démarre : les référentiels de la branche sont en cours de chargement. "
            + "Réessayez dans quelques secondes.";
    static final String RETRY_AFTER_SECONDS = "5";

    /** Paths served whatever the state: the probes, and what the 503 page itself could need. */
    private static final List<String> ALWAYS = List.of("/actuator/health", "/css/", "/js/", "/webjars/",
            "/favicon.ico");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> readinessGateFilter(ApplicationAvailability availability) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Gate(availability));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        registration.addUrlPatterns("/*");
        return registration;
    }

    static final class Gate extends OncePerRequestFilter {

        private final ApplicationAvailability availability;

        Gate(ApplicationAvailability availability) {
            this.availability = availability;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC || always(request)) {
                chain.doFilter(request, response);
                return;
            }
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            if (ProblemResponses.isApi(request)) {
                ProblemResponses.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "Service indisponible",
                        MESSAGE);
            } else {
                response.setContentType("text/html");
                response.getWriter().write("<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\">"
                        + "<title>Referentia démarre</title></head><body><main><h1>Referentia démarre</h1><p>"
                        + MESSAGE + "</p></main></body></html>\n");
            }
        }

        private static boolean always(HttpServletRequest request) {
            String path = path(request);
            return ALWAYS.stream().anyMatch(path::startsWith);
        }

        private static String path(HttpServletRequest request) {
            return request.getRequestURI().substring(request.getContextPath().length());
        }
    }
}
