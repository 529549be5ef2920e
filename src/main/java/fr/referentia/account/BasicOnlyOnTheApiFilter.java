package fr.referentia.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic is for API clients only (ASVS 2.x / issue 10): a page asked with a Basic header is refused
 * (401, in French) whatever the credentials, so that pages are reached through the form sign-in alone,
 * with its session, CSRF token and known-browser cookie. Like a Bearer token off the API
 * ({@link AccessTokenAuthenticationFilter}), the header never falls through to another kind of sign-in.
 */
class BasicOnlyOnTheApiFilter extends OncePerRequestFilter {

    private static final String BASIC = "Basic ";

    private final SecurityProblems problems;
    private final RequestMatcher api;

    BasicOnlyOnTheApiFilter(SecurityProblems problems, RequestMatcher api) {
        this.problems = problems;
        this.api = api;
    }

    static boolean hasBasic(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, BASIC, 0, BASIC.length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (hasBasic(request) && !api.matches(request)) {
            problems.unauthorized(response, "HTTP Basic ne vaut que pour l'API (/api/…) : pour les pages, "
                    + "connectez-vous par la page de connexion.");
            return;
        }
        chain.doFilter(request, response);
    }
}
