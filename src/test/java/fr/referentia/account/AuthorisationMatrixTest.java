package fr.referentia.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import fr.referentia.IntegrationTest;
import fr.referentia.certification.Accreditations;
import fr.referentia.certification.MatrixApplications;
import fr.referentia.framework.importjob.ImportJobs;
import fr.referentia.search.comparison.ComparisonJobs;
import fr.referentia.shared.jobs.Jobs;
import fr.referentia.shared.jobs.MatrixJobs;
import fr.referentia.shared.files.FileStorage;
import fr.referentia.shared.files.TestFilePurposes;
import fr.referentia.workforce.interview.CareerInterviews;
import fr.referentia.workforce.plan.DevelopmentPlans;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call which route, for every route of the application's controllers, checked against one
 * table: {@code authorisation-matrix.md} next to this class. A route without a line, or a line
 * without a route, fails {@link #everyRouteHasARuleAndEveryRuleARoute()}.
 */
@IntegrationTest
class AuthorisationMatrixTest {

    static final String TABLE = "authorisation-matrix.md";

    /** Callers of the table, in its column order: anonymous, then the demo account of each role. */
    record Caller(String column, String email) {

        boolean anonymous() {
            return email == null;
        }
    }

    static final List<Caller> CALLERS = Stream.concat(Stream.of(new Caller("anonymous", null)),
            Arrays.stream(Role.values()).map(role -> new Caller(role.name(),
                    role.name().toLowerCase(Locale.ROOT).replace('_', '-') + "@demo.referentia.fr"))).toList();

    /** A value for a path variable; a scoped one names an organisation or an owner's resource. */
    record Example(boolean scoped, BiFunction<Caller, Boolean, String> value) {

        static Example fixed(String value) {
            return new Example(false, (caller, own) -> value);
        }

        static Example scoped(BiFunction<Caller, Boolean, String> value) {
            return new Example(true, value);
        }
    }

    /** Example values of path variables, from the seeded data; add one here for a new variable. */
    final Map<String, Example> examples = Map.ofEntries(
            Map.entry("examCode", Example.fixed("EP1.1")),
            Map.entry("number", Example.fixed("1")),
            Map.entry("code", Example.fixed("CQP-GESTIONNAIRE-DISPOSITIFS")),
            Map.entry("itemCode", Example.fixed("C1")),
            Map.entry("version", Example.fixed("2024-10")),
            Map.entry("organisationId", Example.scoped((caller, own) -> (own ? organisationOf(caller) : otherOrganisation().getId())
                    .toString())),
            Map.entry("tokenId", Example.scoped((caller, own) -> own && !caller.anonymous()
                    ? this.tokens.create(caller.email(), "Matrice", AccessTokenScope.READ, null).token().id().toString()
                    : otherToken().toString())),
            Map.entry("id", new Example(false, (caller, own) -> accreditation().toString())),
            // An unknown link: these public pages answer 404/410 after their own check, never 401/403.
            Map.entry("token", Example.fixed("lien-inconnu-de-la-matrice")),
            // An invitation into an organisation: an unknown one is answered on the page (« inconnue »), never 404.
            // A role the demo employee does not hold: an allowed removal answers 409 and changes nothing.
            Map.entry("role", Example.fixed("OBSERVER")),
            Map.entry("membershipId", Example.fixed("00000000-0000-0000-0000-000000000000")),
            Map.entry("userId", new Example(false, (caller, own) -> this.users.findByEmail("employee@demo.referentia.fr")
                    .orElseThrow().getId().toString())),
            // A background import started by the caller, or by someone else (a file that fails at once).
            Map.entry("jobId", Example.scoped((caller, own) -> importJob(own && !caller.anonymous() ? caller.email() : OTHER_OWNER))),
            // A background comparison is its requester's: the caller's own, or another person's.
            Map.entry("comparisonId", Example.scoped((caller, own) -> comparisonJob(own && !caller.anonymous()
                    ? caller.email() : OTHER_OWNER))),
            // A career interview and a development action of the demo employee.
            Map.entry("interviewId", new Example(false, (caller, own) -> careerInterview())),
            Map.entry("actionId", new Example(false, (caller, own) -> developmentAction())),
            // A stored file (a test purpose that lets its owner read it): the caller's own, or another person's.
            Map.entry("fileId", Example.scoped((caller, own) -> storedFile(own && !caller.anonymous()
                    ? caller.email() : OTHER_OWNER))),
            // A draft application whose candidate is the caller, or another person (outside any organisation).
            Map.entry("applicationId", Example.scoped((caller, own) -> this.matrixApplications.draftOf(
                    own && !caller.anonymous() ? caller.email() : otherCandidate()).toString())),
            // Competency management: the demo employee, in a team of the demo manager, holding a job profile of
            // the demo organisation; an assessment of that employee made by the caller where they may make one.
            Map.entry("jobProfileId", new Example(false, (caller, own) -> workforceSetUp().jobProfileId().toString())),
            Map.entry("personId", new Example(false, (caller, own) -> workforceSetUp().personId().toString())),
            Map.entry("assessmentId", new Example(false, (caller, own) -> workforceSetUp().assessmentBy(caller.email())
                    .toString())));

    enum Expected { ALLOW, DENY, OWN }

    record Rule(String route, Map<String, Expected> byCaller, String request) {

        String method() {
            return route.substring(0, route.indexOf(' '));
        }

        String path() {
            return route.substring(route.indexOf(' ') + 1);
        }
    }

    static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");

    @Autowired
    MockMvc mvc;

    @Autowired
    Accreditations accreditations;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    @Autowired
    UserDetailsService userDetails;

    @Autowired
    UserAccountRepository users;

    @Autowired
    OrganisationRepository organisations;

    @Autowired
    AccessTokens tokens;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    MatrixJobs matrixJobs;

    @Autowired
    ComparisonJobs comparisonJobs;

    @Autowired
    Jobs jobs;

    @Autowired
    FileStorage files;

    @Autowired
    MatrixApplications matrixApplications;

    @Autowired
    CareerInterviews careerInterviews;

    @Autowired
    DevelopmentPlans developmentPlans;

    @Autowired
    MatrixWorkforce matrixWorkforce;

    /** One background comparison per requester, started once (the seeds: it ends in a moment). */
    static final Map<String, String> JOBS = new ConcurrentHashMap<>();

    @Test
    void everyRouteHasARuleAndEveryRuleARoute() throws IOException {
        Set<String> routes = applicationRoutes();
        Set<String> ruled = rules().keySet();
        assertThat(routes).as("routes of the application").contains("GET /", "POST /mon-compte/jetons");
        List<String> problems = new ArrayList<>();
        routes.stream().filter(route -> !ruled.contains(route))
                .forEach(route -> problems.add("route sans règle d'autorisation déclarée : " + route));
        ruled.stream().filter(route -> !routes.contains(route))
                .forEach(route -> problems.add("règle pour une route qui n'existe plus : " + route));
        assertThat(problems).as("à corriger dans " + TABLE).isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> eachCallerGetsWhatTheTableSays() throws IOException {
        Set<String> routes = applicationRoutes();
        List<DynamicTest> tests = new ArrayList<>();
        for (Rule rule : rules().values()) {
            if (!routes.contains(rule.route())) {
                continue; // reported by everyRouteHasARuleAndEveryRuleARoute
            }
            boolean scoped = variables(rule.path()).stream().anyMatch(name -> example(rule, name).scoped());
            for (Caller caller : CALLERS) {
                Expected expected = rule.byCaller().get(caller.column());
                if (expected == Expected.OWN && !scoped) {
                    fail(rule.route() + " : « own » ne vaut que pour une route à {organisationId}, {tokenId}, {jobId}, {comparisonId}, {fileId} ou {applicationId}");
                }
                for (boolean own : scoped ? List.of(true, false) : List.of(true)) {
                    boolean allowed = expected == Expected.ALLOW || expected == Expected.OWN && own;
                    String name = rule.route() + " — " + caller.column()
                            + (scoped ? (own ? " (le sien)" : " (celui d'un autre)") : "")
                            + (allowed ? " : autorisé" : " : refusé");
                    tests.add(DynamicTest.dynamicTest(name, () -> check(name, rule, caller, own, scoped, allowed)));
                }
            }
        }
        return tests.stream();
    }

    private void check(String name, Rule rule, Caller caller, boolean own, boolean scoped, boolean allowed)
            throws Exception {
        String path = rule.path();
        Matcher variable = VARIABLE.matcher(path);
        StringBuilder uri = new StringBuilder();
        while (variable.find()) {
            variable.appendReplacement(uri, Matcher.quoteReplacement(
                    example(rule, variable.group(1)).value().apply(caller, own)));
        }
        variable.appendTail(uri);

        MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(rule.method()), uri.toString()).with(csrf());
        boolean api = path.startsWith("/api/");
        request.accept(api ? MediaType.APPLICATION_JSON : MediaType.TEXT_HTML);
        String input = rule.request().replace("{unique}", UUID.randomUUID().toString().substring(0, 8));
        if (input.startsWith("json:")) {
            request.contentType(MediaType.APPLICATION_JSON).content(input.substring("json:".length()));
        } else if (!input.isEmpty()) {
            for (String pair : input.split("&")) {
                String[] parts = pair.split("=", 2);
                request.param(parts[0], parts.length > 1 ? parts[1] : "");
            }
        }
        if (!caller.anonymous()) {
            request.with(user(userDetails.loadUserByUsername(caller.email())));
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        String outcome = outcome(response, scoped, rule.path().contains("{token}"));
        assertThat(outcome).as("%s — %s %s : HTTP %d %s", name, rule.method(), uri, response.getStatus(),
                response.getHeader(HttpHeaders.LOCATION) == null ? "" : "→ " + response.getHeader(HttpHeaders.LOCATION))
                .isEqualTo(allowed ? "allowed" : "denied");
    }

    /** What the answer means: "allowed", "denied", or the unexpected status itself. */
    private static String outcome(MockHttpServletResponse response, boolean scoped, boolean link) {
        int status = response.getStatus();
        if (link && (status == 404 || status == 410)) {
            return "allowed"; // the link itself was judged unknown or spent: authorisation let the call through
        }
        String location = response.getHeader(HttpHeaders.LOCATION);
        if (status == 401 || status == 403 || status == 404 && scoped
                || status / 100 == 3 && location != null && location.contains("/connexion")) {
            return "denied";
        }
        if (status / 100 == 2 || status / 100 == 3 || status == 400 || status == 409 || status == 422) {
            return "allowed";
        }
        return "HTTP " + status;
    }

    private Example example(Rule rule, String variable) {
        Example example = examples.get(variable);
        if (example == null) {
            fail("variable de chemin sans valeur d'exemple : {" + variable + "} (" + rule.route()
                    + ") : ajoutez-la à AuthorisationMatrixTest.examples");
        }
        return example;
    }

    private static List<String> variables(String path) {
        List<String> names = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(path);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** "METHOD /path" for every mapping of our own controllers; a mapping without methods counts for all. */
    private Set<String> applicationRoutes() {
        Set<String> routes = new TreeSet<>();
        handlerMapping.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("fr.referentia")) {
                return;
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            Set<RequestMethod> all = methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST,
                    RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE) : methods;
            for (String pattern : info.getPatternValues()) {
                all.forEach(method -> routes.add(method.name() + " " + pattern));
            }
        });
        return routes;
    }

    /** The table's lines by route, checking that its columns are the callers of {@link #CALLERS}. */
    static Map<String, Rule> rules() throws IOException {
        String text;
        try (InputStream in = AuthorisationMatrixTest.class.getResourceAsStream(TABLE)) {
            assertThat(in).as(TABLE).isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> expectedHeader = new ArrayList<>(List.of("route"));
        CALLERS.forEach(caller -> expectedHeader.add(caller.column()));
        expectedHeader.add("request");
        Map<String, Rule> rules = new LinkedHashMap<>();
        boolean headerSeen = false;
        for (String line : text.lines().map(String::strip).filter(line -> line.startsWith("|")).toList()) {
            List<String> cells = Arrays.stream(line.substring(1, line.length() - 1).split("\\|", -1))
                    .map(String::strip).toList();
            if (!headerSeen) {
                assertThat(cells).as("colonnes de " + TABLE).isEqualTo(expectedHeader);
                headerSeen = true;
                continue;
            }
            if (cells.get(0).startsWith("---")) {
                continue;
            }
            assertThat(cells).as(TABLE + " : " + line).hasSize(expectedHeader.size());
            String route = cells.get(0).replaceAll("\\s+", " ");
            Map<String, Expected> byCaller = new LinkedHashMap<>();
            for (int i = 0; i < CALLERS.size(); i++) {
                byCaller.put(CALLERS.get(i).column(), Expected.valueOf(cells.get(i + 1).toUpperCase(Locale.ROOT)));
            }
            assertThat(rules.put(route, new Rule(route, byCaller, cells.get(cells.size() - 1))))
                    .as(TABLE + " : route en double " + route).isNull();
        }
        assertThat(headerSeen).as(TABLE + " : tableau absent").isTrue();
        return rules;
    }

    private UUID organisationOf(Caller caller) {
        return caller.anonymous() ? demoOrganisation().getId() : users.findByEmail(caller.email()).orElseThrow()
                .getGrants().stream().map(RoleGrant::getOrganisationId).filter(Objects::nonNull).findFirst()
                .orElse(demoOrganisation().getId());
    }

    private Organisation demoOrganisation() {
        return organisations.findAll().stream().filter(o -> o.getSiret().value().equals(DemoAccounts.DEMO_SIRET))
                .findFirst().orElseThrow();
    }

    static final String OTHER_SIRET = "73282932000074";
    static final String OTHER_OWNER = "autre-proprietaire@matrice.example.fr";

    /** One recorded accreditation, for the routes that show or renew one. */
    private UUID accreditation() {
        String number = "HAB-MATRICE-0001";
        return accreditations.overview("branch-admin@demo.referentia.fr", 3650).all().stream()
                .filter(a -> a.number().equals(number)).map(Accreditations.AccreditationView::id).findFirst()
                .orElseGet(() -> accreditations.record("branch-admin@demo.referentia.fr",
                        new Accreditations.NewAccreditation("assessor@demo.referentia.fr", null, number,
                                "EXTERNAL", List.of("CQP-CONSEILLER-COMMERCIAL"), "2026-01-01", "2030-12-31")).id());
    }

    static final String DEMO_HR = "org-hr@demo.referentia.fr";

    /** One career interview of the demo employee, recorded once (after their hiring date). */
    private String careerInterview() {
        UUID organisation = demoOrganisation().getId();
        UUID employee = users.findByEmail("employee@demo.referentia.fr").orElseThrow().getId();
        return JOBS.computeIfAbsent("interview", key -> {
            careerInterviews.recordEmployment(DEMO_HR, organisation, employee,
                    new CareerInterviews.EmploymentInput("2015-01-05", null));
            return careerInterviews.record(DEMO_HR, organisation, employee, new CareerInterviews.InterviewInput(
                    "2024-05-06", "PERIODIC", List.of(), List.of("Matrice"), "", null, null)).id().toString();
        });
    }

    /** One development action of the demo employee, planned once. */
    private String developmentAction() {
        UUID organisation = demoOrganisation().getId();
        UUID employee = users.findByEmail("employee@demo.referentia.fr").orElseThrow().getId();
        return JOBS.computeIfAbsent("action", key -> developmentPlans.create(DEMO_HR, organisation, employee,
                new DevelopmentPlans.ActionInput("TRAINING", "Matrice", "2026-01-05", null, null, List.of()))
                .id().toString());
    }

    private Organisation otherOrganisation() {
        return organisations.findAll().stream().filter(o -> o.getSiret().value().equals(OTHER_SIRET)).findFirst()
                .orElseGet(() -> organisations.save(new Organisation("Autre organisme (matrice)", new Siret(OTHER_SIRET),
                        "Nantes", SizeBand.FROM_10_TO_49, OrganisationType.ASSOCIATION)));
    }

    /** An ended import of {@code owner}'s, written directly: no import queue is filled (see {@link MatrixJobs}). */
    private String importJob(String owner) {
        return matrixJobs.failed(ImportJobs.KIND, owner, "matrice.csv").toString();
    }

    private String comparisonJob(String requester) {
        return JOBS.computeIfAbsent(requester, who -> {
            UUID id = comparisonJobs.start(List.of("CQP-CONSEILLER-COMMERCIAL", "CQP-GESTIONNAIRE-DISPOSITIFS"), 3,
                    who);
            // Waits for its end: a dozen callers' jobs started at once would fill a node's queue (409).
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!jobs.find(id, Jobs.Viewer.owner(who)).ended()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("comparison still running after a minute");
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            return id.toString();
        });
    }

    private String storedFile(String owner) {
        return files.store(owner, TestFilePurposes.PROOFS, "matrice.txt",
                new ByteArrayInputStream("matrice".getBytes(StandardCharsets.UTF_8))).id().toString();
    }

    /** A person outside any organisation, candidate of the applications that are not the caller's. */
    private String otherCandidate() {
        otherToken();
        return OTHER_OWNER;
    }

    private MatrixWorkforce.SetUp workforceSetUp() {
        return matrixWorkforce.setUp(demoOrganisation().getId());
    }

    private UUID otherToken() {
        if (!users.existsByEmail(OTHER_OWNER)) {
            UserAccount owner = new UserAccount(OTHER_OWNER, "Autre propriétaire", passwords.encode("mot-de-passe-1"));
            owner.grant(Role.OBSERVER, null);
            users.save(owner);
        }
        return tokens.tokensOf(OTHER_OWNER).stream().findFirst()
                .orElseGet(() -> tokens.create(OTHER_OWNER, "Jeton d'un autre", AccessTokenScope.READ, null).token())
                .id();
    }
}
