package fr.referentia;

import static org.assertj.core.api.Assertions.assertThat;

import fr.referentia.account.Role;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Every page a demo account reaches from its workspace is accessible and reads in French: each of the
 * nine demo accounts (and a candidate with applications) signs in and follows, breadth first, the links
 * of its pages (menu, workspace tiles, page links, footer) that stay in the application and answer a
 * page, and the header's search; at most {@value #PAGES_PER_ROLE} kinds of page per account, a kind being
 * the route the page is served by, so that a hundred items count once. On each: no serious or critical
 * axe-core violation, {@code lang="fr…"}, one {@code h1}, a title, none of the English words an
 * untranslated interface shows, and, shown 390 px wide as on a phone, nothing that scrolls sideways.
 * Every failure of an account is reported together, and the pages visited are printed. Also the API
 * documentation with an operation open and tried.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RolePagesAccessibilityBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    static final int PAGES_PER_ROLE = 35;
    private static final int PHONE = 390;
    /** The search the header's form sends (a GET form, not a link: followed as if typed). */
    private static final String SEARCH = "/recherche?q=formation";

    /**
     * Words an untranslated or broken interface shows; none belongs on a French page. The last ones are
     * Swagger UI's own, on the API documentation.
     */
    private static final Pattern ENGLISH = Pattern.compile("\\b(Submit|Cancel|Error|Loading|null|undefined|Page not found"
            + "|Try it out|Parameters|Responses|Schemas|Example Value)\\b");
    /**
     * Addresses a role reaches by typing or by a bookmark rather than by a link: the comparison's proposals (the
     * matrix links to them only once a comparison is chosen) and the competency management's entry.
     */
    private static final Map<String, List<String>> TYPED = Map.of(
            "OBSERVER", List.of("/comparaisons/propositions?referentiels=CQP-CONSEILLER-COMMERCIAL,RAC-METIERS-FORMATION"),
            "EMPLOYEE", List.of("/gpec"));
    /** Links that end the session or destroy, even when reached by GET. */
    private static final Pattern NOT_FOLLOWED = Pattern.compile("(?i)/(deconnexion|logout|supprimer|suppression)(/|$)");
    /** Downloads, known by their extension. */
    private static final Pattern DOWNLOAD = Pattern.compile("(?i)\\.(pdf|xlsx|xls|json|csv|zip|docx|odt|txt|xml)$");

    /**
     * The page is drawn: loaded, and what a script draws is there (Swagger UI's operations on the API
     * documentation, drawn once the description is loaded).
     */
    private static final String DRAWN = """
            return document.readyState === 'complete'
              && (!document.getElementById('swagger-ui') || !!document.querySelector('#swagger-ui .opblock'));
            """;

    /** The kinds of page some account reached, for {@link #everyPageOfTheApplicationIsReached}. */
    private static final Set<String> REACHED = ConcurrentHashMap.newKeySet();

    private static HeadlessChromium chromium;
    private static ChromeDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @BeforeAll
    static void startBrowser() throws IOException {
        // An English browser: the pages must still be wholly French.
        chromium = HeadlessChromium.start("1366,900", "en-GB,en", "--hide-scrollbars").waitingUpTo(WAIT);
        browser = chromium.browser();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @AfterEach
    void signOut() {
        chromium.forgetSession();
    }

    /**
     * The nine demo accounts, one per role, and a demo candidate whose applications reach the dossier
     * ({@code candidate@demo.referentia.fr} has none).
     */
    static Stream<Arguments> demoAccounts() {
        return Stream.concat(Stream.of(Role.values()).map(role -> Arguments.of(role.name(), role.label(),
                role.name().toLowerCase(Locale.ROOT).replace('_', '-') + "@demo.referentia.fr")),
                Stream.of(Arguments.of("CANDIDATE", "Candidat, dossier en cours", "candidat-demo-3@demo.referentia.fr")));
    }

    @Order(1)
    @ParameterizedTest(name = "{0} ({2})")
    @MethodSource("demoAccounts")
    void everyPageTheRoleReachesFromItsWorkspaceIsAccessibleAndFrench(String role, String label, String email)
            throws IOException {
        chromium.signIn(port, email);

        Map<String, String> visited = new LinkedHashMap<>(); // kind of page -> address visited
        Map<String, String> seen = new LinkedHashMap<>();    // kind of page -> first address found
        List<String> skipped = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Deque<String> queue = new ArrayDeque<>();
        // The workspace (where "/" leads after signing in), then what the header's search form sends, on every page.
        List<String> starts = new ArrayList<>(List.of("/", SEARCH));
        starts.addAll(TYPED.getOrDefault(role, List.of()));
        for (String start : starts) {
            queue.add(start);
            seen.put(kind(start), start);
        }
        while (!queue.isEmpty() && visited.size() < PAGES_PER_ROLE) {
            String address = queue.poll();
            String answer = contentTypeOrStatus(address);
            if (!answer.startsWith("text/html")) {
                if (answer.matches("\\d+")) {
                    failures.add(address + ": HTTP " + answer + " for a link shown to " + role);
                } else {
                    skipped.add(address + " (" + answer + ")");
                }
                continue;
            }
            browser.get("http://localhost:" + port + address);
            chromium.until(d -> Boolean.TRUE.equals(browser.executeScript(DRAWN)));
            String here = URI.create(browser.getCurrentUrl()).getRawPath();
            REACHED.add(kind(address)); // also a route that only redirects (/gpec/mes-competences)
            if (visited.containsKey(kind(here))) {
                continue; // redirected to a kind of page already checked
            }
            visited.put(kind(here), address + (here.equals(pathOf(address)) ? "" : " → " + here));
            REACHED.add(kind(here));
            seen.putIfAbsent(kind(here), here);
            failures.addAll(check(address));
            for (String link : links()) {
                String kind = kind(link);
                if (!seen.containsKey(kind)) {
                    seen.put(kind, link);
                    queue.add(link);
                }
            }
        }

        System.out.printf("%s (%s, %s): %d kinds of page visited%n", role, label, email, visited.size());
        visited.forEach((kind, address) -> System.out.printf("  %-60s %s%n", kind, address));
        if (!queue.isEmpty()) {
            System.out.printf("  not visited, past the cap of %d: %s%n", PAGES_PER_ROLE, queue);
        }
        if (!skipped.isEmpty()) {
            System.out.printf("  not pages (downloads, data): %s%n", skipped);
        }
        assertThat(visited).as("pages of " + role).hasSizeGreaterThanOrEqualTo(3);
        assertThat(failures).as("%s, pages failing:%n%s", role, String.join("\n", failures)).isEmpty();
    }

    /** Signed out: the sign-in pages, the links sent by e-mail (with a token nobody holds) and the error page. */
    @Order(2)
    @Test
    void thePagesSeenSignedOutAndTheErrorPageAreAccessibleAndFrench() throws IOException {
        List<String> failures = new ArrayList<>();
        for (String address : List.of("/connexion", "/mot-de-passe-oublie", "/mot-de-passe/jeton-inconnu",
                "/invitation/jeton-inconnu", "/referentiels/PAS-DE-TEL-REFERENTIEL")) {
            browser.get("http://localhost:" + port + address);
            chromium.until(d -> Boolean.TRUE.equals(browser.executeScript(DRAWN)));
            REACHED.add(kind(address));
            failures.addAll(check(address));
        }
        assertThat(browser.findElement(By.tagName("h1")).getText()).as("an unknown referential").isNotBlank();
        REACHED.add("/error");
        assertThat(failures).as("pages failing:%n%s", String.join("\n", failures)).isEmpty();
    }

    /**
     * Pages no demo account reaches by following links from its workspace, each with where it is checked
     * instead or why it is not: they appear only after an action that changes data, which this test does not
     * take. Kept short on purpose: a new page nobody reaches fails {@link #everyPageOfTheApplicationIsReached}.
     */
    private static final Map<String, String> REACHED_ONLY_AFTER_AN_ACTION = Map.ofEntries(
            Map.entry("/travaux/{jobId}", "a job started by an import: ImportAndEditorBrowserTest"),
            Map.entry("/referentiels/import/{jobId}", "the former follow-up page of an import, kept for old links: it "
                    + "redirects to /travaux/{jobId}"),
            Map.entry("/referentiels/{code}/versions/{version}/edition", "a draft opened: ImportAndEditorBrowserTest"),
            Map.entry("/referentiels/{code}/versions/{version}/edition/elements/{itemCode}",
                    "a draft's item actions: ImportAndEditorBrowserTest"),
            Map.entry("/referentiels/{code}/versions/{version}/edition/elements/{itemCode}/suppression",
                    "the confirmation of an item's deletion in a draft: ImportAndEditorBrowserTest"),
            Map.entry("/referentiels/{code}/versions/{version}/abandon", "abandoning a draft: ImportAndEditorBrowserTest"),
            Map.entry("/comparaisons/travaux/{comparisonId}", "a comparison run in the background (minutes on real data)"),
            Map.entry("/candidatures/{applicationId}/dossier/differences",
                    "a dossier sent twice (the demo dossiers have one version)"),
            Map.entry("/admin/comptes/{userId}/reactivation", "a deactivated account (the demo has none); the same "
                    + "page as /admin/comptes/{userId}/desactivation"),
            Map.entry("/organismes/{organisationId}/personnes/{userId}/desactivation", "the page of "
                    + "/admin/comptes/{userId}/desactivation reached from the organisation's people (the person the "
                    + "crawl opens first offers no deactivation)"),
            Map.entry("/organismes/{organisationId}/personnes/{userId}/reactivation",
                    "a deactivated account (the demo has none)"),
            Map.entry("/gpec/organismes/{organisationId}/fiches-de-poste/{jobProfileId}/migration",
                    "a job profile citing a superseded version (the demo's cite the current ones)"),
            Map.entry("/referentiels/{code}/versions/{version}/diff", "a referential with several versions (the one "
                    + "the crawl opens first has one)"),
            Map.entry("/mon-compte/invitations", "an invitation to answer (the demo accounts have none pending)"));

    @Order(3)
    @Test
    void everyPageOfTheApplicationIsReached() {
        Set<String> pages = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            boolean page = !AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class)
                    && !method.hasMethodAnnotation(ResponseBody.class)
                    && (method.getReturnType().getParameterType() == String.class
                        || method.getReturnType().getParameterType() == ModelAndView.class)
                    && (info.getMethodsCondition().getMethods().isEmpty()
                        || info.getMethodsCondition().getMethods().contains(RequestMethod.GET));
            if (page && info.getPathPatternsCondition() != null) {
                info.getPathPatternsCondition().getPatterns().forEach(p -> pages.add(p.getPatternString()));
            }
        });
        Set<String> unreached = new TreeSet<>(pages);
        unreached.removeAll(REACHED);
        System.out.printf("%d kinds of page: %d reached by the demo accounts or signed out; not reached: %s%n",
                pages.size(), pages.size() - unreached.size(), unreached);
        assertThat(pages).as("pages listed as reached only after an action").containsAll(
                REACHED_ONLY_AFTER_AN_ACTION.keySet());
        // Not asserted: what other test classes left in the shared database (a job, a draft) may link to them.
        Set<String> listedYetReached = new TreeSet<>(REACHED_ONLY_AFTER_AN_ACTION.keySet());
        listedYetReached.retainAll(REACHED);
        System.out.printf("listed as reached only after an action, reached in this run: %s%n", listedYetReached);
        unreached.removeAll(REACHED_ONLY_AFTER_AN_ACTION.keySet());
        assertThat(unreached).as("pages no demo account reaches by a link or a GET form, and not listed in "
                + "REACHED_ONLY_AFTER_AN_ACTION").isEmpty();
    }

    @Order(4)
    @Test
    void theApiDocumentationWithAnOperationOpenAndTriedStaysFrenchAndAccessible() throws IOException {
        browser.get("http://localhost:" + port + "/api/docs/ui");
        chromium.until(d -> Boolean.TRUE.equals(browser.executeScript(DRAWN)));

        browser.findElement(By.cssSelector("#swagger-ui .opblock-get .opblock-summary-control")).click();
        WebElement tryIt = chromium.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".opblock.is-open .try-out__btn")));
        assertThat(tryIt.getText()).isEqualTo("Essayer");
        tryIt.click();
        WebElement cancel = chromium.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".try-out__btn.cancel")));

        assertThat(cancel.getText()).isEqualTo("Annuler");
        assertThat(browser.findElement(By.cssSelector(".opblock.is-open .execute")).getText()).isEqualTo("Envoyer");
        assertThat(check("/api/docs/ui, an operation open and tried")).isEmpty();
    }

    /** What is wrong with the page shown, each line naming the page. */
    private List<String> check(String address) throws IOException {
        List<String> failures = new ArrayList<>();
        String lang = String.valueOf(browser.executeScript("return document.documentElement.lang"));
        if (!lang.toLowerCase(Locale.ROOT).startsWith("fr")) {
            failures.add(address + ": lang=\"" + lang + "\", not French");
        }
        long h1 = ((Number) browser.executeScript("return document.querySelectorAll('h1').length")).longValue();
        if (h1 != 1) {
            failures.add(address + ": " + h1 + " h1 elements, not one");
        }
        if (Objects.requireNonNullElse(browser.getTitle(), "").isBlank()) {
            failures.add(address + ": no title");
        }
        String shown = (String) browser.executeScript("""
                const own = Array.from(document.querySelectorAll(
                    'input[type=submit], input[type=button], [placeholder], [aria-label], [title], img[alt]'))
                  .map(e => [e.value, e.placeholder, e.getAttribute('aria-label'), e.title, e.alt]
                    .filter(t => t).join(' '));
                return document.body.innerText + '\\n' + own.join('\\n');
                """);
        Matcher english = ENGLISH.matcher(shown);
        while (english.find()) {
            int from = Math.max(0, english.start() - 40);
            int to = Math.min(shown.length(), english.end() + 40);
            failures.add(address + ": English word \"" + english.group() + "\" in «"
                    + shown.substring(from, to).replace('\n', ' ') + "»");
        }
        List<Map<String, Object>> blocking = HeadlessChromium.blocking(chromium.axe());
        if (!blocking.isEmpty()) {
            failures.add(address + ": axe-core\n" + HeadlessChromium.describe(blocking));
        }
        // The same page on a phone: people open their assessments and notices there.
        chromium.width(PHONE);
        try {
            String sideways = chromium.sidewaysScroll(PHONE);
            if (sideways != null) {
                failures.add(address + ": scrolls sideways at " + PHONE + " px, " + sideways);
            }
        } finally {
            chromium.width(HeadlessChromium.DESKTOP);
        }
        return failures;
    }

    /**
     * The page's links to follow: same origin, not a download, not one that ends the session or destroys; and
     * what its GET forms send as they stand (a search, a choice of version or referential), as if sent untouched.
     */
    @SuppressWarnings("unchecked")
    private List<String> links() {
        List<String> hrefs = (List<String>) browser.executeScript("""
                const same = u => u.origin === location.origin;
                const links = Array.from(document.querySelectorAll('a[href]'))
                  .filter(a => !a.hasAttribute('download') && same(a))
                  .map(a => a.pathname + a.search);
                const forms = Array.from(document.querySelectorAll('form'))
                  .filter(f => (f.getAttribute('method') || 'get').toLowerCase() === 'get')
                  .map(f => [new URL(f.getAttribute('action') || '', location.href),
                             new URLSearchParams(new FormData(f)).toString()])
                  .filter(([u]) => same(u))
                  .map(([u, q]) => u.pathname + (q ? '?' + q : ''));
                return links.concat(forms);
                """);
        return hrefs.stream().filter(h -> !NOT_FOLLOWED.matcher(pathOf(h)).find())
                .filter(h -> !DOWNLOAD.matcher(pathOf(h)).find()).distinct().toList();
    }

    /**
     * The content type the address answers with (asked by the signed-in browser, the body left unread), or its
     * status if not 2xx.
     */
    private String contentTypeOrStatus(String address) {
        return (String) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {redirect: 'follow', credentials: 'same-origin'})
                  .then(r => { done(r.ok ? (r.headers.get('Content-Type') || 'none') : String(r.status)); r.body?.cancel(); })
                  .catch(e => done('failed ' + e));
                """, address);
    }

    /** The kind of page: the route pattern serving the address's path, or the path itself if none does. */
    private String kind(String address) {
        String path = pathOf(address);
        PathContainer container = PathContainer.parsePath(path);
        Optional<PathPattern> route = mappings.getHandlerMethods().keySet().stream()
                .filter(info -> info.getMethodsCondition().getMethods().isEmpty()
                        || info.getMethodsCondition().getMethods().contains(RequestMethod.GET))
                .map(RequestMappingInfo::getPathPatternsCondition).filter(Objects::nonNull)
                .flatMap(c -> c.getPatterns().stream()).filter(p -> p.matches(container))
                .min(Comparator.nullsLast(PathPattern.SPECIFICITY_COMPARATOR));
        return route.map(PathPattern::getPatternString).orElse(path);
    }

    private static String pathOf(String address) {
        int query = address.indexOf('?');
        return query < 0 ? address : address.substring(0, query);
    }
}
