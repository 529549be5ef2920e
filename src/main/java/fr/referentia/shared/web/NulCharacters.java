package fr.referentia.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A NUL character in an address or a parameter (« %00 ») is never meant, and PostgreSQL refuses
 * it in any text it compares, with an error that would reach the person as a server error: such a
 * request is refused before it reaches any page or API call, with a French 400.
 */
@Component
class NulCharacters extends OncePerRequestFilter {

    static final String REFUSAL = "La requête contient un caractère nul (« %00 ») dans son adresse ou ses "
            + "paramètres : elle est refusée.";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!holdsNul(request)) {
            chain.doFilter(request, response);
        } else if (ProblemResponses.isApi(request)) {
            ProblemResponses.write(request, response, HttpStatus.BAD_REQUEST, "Demande invalide", REFUSAL);
        } else {
            response.sendError(HttpStatus.BAD_REQUEST.value(), REFUSAL);
        }
    }

    private static boolean holdsNul(HttpServletRequest request) {
        if (request.getRequestURI().contains("\u0000") || request.getRequestURI().contains("%00")) {
            return true;
        }
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (parameter.getKey().indexOf('\u0000') >= 0) {
                return true;
            }
            for (String value : parameter.getValue()) {
                if (value != null && value.indexOf('\u0000') >= 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
