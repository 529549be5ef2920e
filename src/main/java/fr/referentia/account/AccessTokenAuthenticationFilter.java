package fr.referentia.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer rfa_…} on the API: the token's owner with their current roles, for
 * this request only (nothing goes into a session). A bad, expired or revoked token is a 401, a
 * READ token on a writing method a 403, a token anywhere but the API a 401: a Bearer header never
 * falls through to another kind of authentication.
 */
class AccessTokenAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final AccessTokens tokens;
    private final SecurityProblems problems;
    private final RequestMatcher api;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    AccessTokenAuthenticationFilter(AccessTokens tokens, SecurityProblems problems, RequestMatcher api) {
        this.tokens = tokens;
        this.problems = problems;
        this.api = api;
    }

    static boolean hasBearer(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!hasBearer(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (!api.matches(request)) {
            problems.unauthorized(response, "Les jetons d'accès ne valent que pour l'API (/api/…).");
            return;
        }
        var bearer = tokens.authenticate(request.getHeader(HttpHeaders.AUTHORIZATION).substring(BEARER.length()).strip(),
                request.getRemoteAddr());
        if (bearer.isEmpty()) {
            problems.unauthorized(response, "Jeton d'accès invalide, expiré ou révoqué.");
            return;
        }
        if (!bearer.get().scope().permits(request.getMethod())) {
            problems.forbidden(response, "Ce jeton est en lecture seule (portée READ) : il ne permet pas de modifier.");
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(new AccessTokenAuthentication(bearer.get()));
        contexts.setContext(context);
        chain.doFilter(request, response);
    }
}
