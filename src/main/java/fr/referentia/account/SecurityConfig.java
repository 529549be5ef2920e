package fr.referentia.account;

import fr.referentia.shared.web.ModuleAuthorizations;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Each module declares who may call its URLs (a {@link ModuleAuthorizations} bean: browsing and search
 * are public, signed-in people manage their own access tokens…); anything else, and every
 * {@code /admin/} page, needs a {@code BRANCH_ADMIN}. Pages use a form login (throttled)
 * with CSRF and sessions kept in the database; API clients may also authenticate with a personal
 * access token (Bearer) or HTTP Basic, which browsers never send cross-site on their own, so such
 * requests are exempt from the CSRF token. Bearer and Basic are refused anywhere but {@code /api/}.
 */
@Configuration
class SecurityConfig {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; "
            + "object-src 'none'";

    /**
     * Swagger UI's bundle (swagger-ui 5.32.2) injects one fixed {@code <style>} element: its hash, and nothing
     * else, is added to the policy of the API documentation's own pages.
     */
    static final String API_DOCS_CSP = CSP.replace("style-src 'self';",
            "style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w=';");

    static final RequestMatcher API_DOCS_UI = request -> request.getRequestURI()
            .startsWith(request.getContextPath() + "/api/docs/swagger-ui/");

    /** The pages use none of the browser's powerful features. */
    static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), "
            + "magnetometer=(), microphone=(), payment=(), usb=()";

    static final long HSTS_MAX_AGE = 31_536_000;

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SecurityProblems problems,
            AccountUserDetailsService users, PasswordEncoder passwordEncoder, LoginThrottle throttle,
            AccessTokens tokens, ObjectProvider<ModuleAuthorizations> modules, AuthenticationEventPublisher events,
            KnownDevices knownDevices) throws Exception {
        RequestMatcher api = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        // Browsers never add these headers to a cross-site request on their own; a request carrying one is
        // authenticated by it or refused (see AccessTokenAuthenticationFilter), never by the session cookie.
        // Both are for the API only (BasicOnlyOnTheApiFilter): pages always ask for the CSRF token.
        RequestMatcher basicOrBearer = request -> api.matches(request)
                && (AccessTokenAuthenticationFilter.hasBearer(request)
                        || startsWithIgnoringCase(request.getHeader(HttpHeaders.AUTHORIZATION), "Basic "));
        // No parent manager: a throttled or failed attempt must not be retried by another provider.
        ProviderManager signIn = new ProviderManager(new ThrottledAuthenticationProvider(
                SignInProvider.passwords(users, passwordEncoder), throttle));
        signIn.setAuthenticationEventPublisher(events); // for SignInLog: a manager built by hand publishes nothing
        RedirectStrategy redirect = new DefaultRedirectStrategy();
        http
            .authorizeHttpRequests(auth -> {
                // Administration pages are the branch administrator's, whichever module they belong to.
                auth.requestMatchers("/admin/**").hasRole(Role.BRANCH_ADMIN.name());
                // Each module's own rules (see ModuleAuthorizations), then anything else.
                modules.orderedStream().forEach(module -> module.authorize(auth));
                auth.anyRequest().hasRole(Role.BRANCH_ADMIN.name());
            })
            .authenticationManager(signIn)
            .formLogin(form -> form.loginPage("/connexion")
                // The known-browser cookie reaches the throttle (SignInDetails); a success makes the browser known.
                .authenticationDetailsSource(SignInDetails::new)
                .successHandler(new SignInSuccess(knownDevices, "/mon-espace"))
                .failureHandler((request, response, e) -> redirect.sendRedirect(request, response,
                        e instanceof LoginThrottledException throttled
                                ? "/connexion?attente=" + throttled.retryAfterMinutes() : "/connexion?erreur")))
            .logout(logout -> logout.logoutUrl("/deconnexion").logoutSuccessUrl("/?deconnecte"))
            .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                if (e instanceof LoginThrottledException throttled) {
                    problems.tooManyAttempts(response, throttled);
                } else {
                    problems.unauthorized(response, "Identifiants incorrects.");
                }
            }))
            .addFilterBefore(new AccessTokenAuthenticationFilter(tokens, problems, api), BasicAuthenticationFilter.class)
            .addFilterBefore(new BasicOnlyOnTheApiFilter(problems, api), CsrfFilter.class)
            .csrf(csrf -> csrf.ignoringRequestMatchers(basicOrBearer))
            .exceptionHandling(ex -> ex
                .defaultAuthenticationEntryPointFor((request, response, e) -> problems.unauthorized(response,
                        "Connectez-vous avec un compte autorisé."), api)
                .defaultAccessDeniedHandlerFor((request, response, e) -> problems.forbidden(response,
                        e instanceof CsrfException
                                ? "Jeton CSRF absent : authentifiez l'appel (jeton d'accès ou HTTP Basic) ou passez par les pages."
                                : "Votre compte n'a pas le rôle requis pour cette action."), api)
                // Browsers get the French refusal page (403, with the header and a way back), not problem JSON.
                // (A signed-out browser is sent to the sign-in page, which says why and then returns to the
                // page asked for: the form login's own entry point and saved request.)
                .defaultAccessDeniedHandlerFor(SecurityConfig::refusalPage, request -> !api.matches(request)))
            .headers(headers -> headers
                // The API documentation (Swagger UI) alone may apply the one <style> its bundle injects, by hash.
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(API_DOCS_UI),
                        new ContentSecurityPolicyHeaderWriter(CSP)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(API_DOCS_UI,
                        new ContentSecurityPolicyHeaderWriter(API_DOCS_CSP)))
                .frameOptions(frame -> frame.deny())
                // Sent on secure requests only; behind a TLS proxy, X-Forwarded-Proto makes them secure.
                .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(HSTS_MAX_AGE).includeSubDomains(true))
                .referrerPolicy(ref -> ref.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY)));
        return http.build();
    }

    /** Shown by {@code error.html}, which renders the container's error dispatch of this 403. */
    static final String REFUSAL_ATTRIBUTE = "refusal";

    private static void refusalPage(HttpServletRequest request, HttpServletResponse response,
            AccessDeniedException e) throws IOException {
        request.setAttribute(REFUSAL_ATTRIBUTE, e instanceof CsrfException
                ? "La page a expiré ou a été ouverte ailleurs : revenez en arrière, rechargez-la, puis recommencez."
                : "Votre compte n'a pas accès à cette page.");
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }

    private static boolean startsWithIgnoringCase(String value, String prefix) {
        return value != null && value.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
