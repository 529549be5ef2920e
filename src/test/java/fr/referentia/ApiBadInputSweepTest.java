package fr.referentia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.referentia.certification.MatrixApplications;
import fr.referentia.framework.importjob.ImportJobs;
import fr.referentia.search.comparison.ComparisonJobs;
import fr.referentia.shared.files.FileStorage;
import fr.referentia.shared.files.TestFilePurposes;
import fr.referentia.shared.jobs.MatrixJobs;
import fr.referentia.shared.text.PlainText;
import jakarta.servlet.RequestDispatcher;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The outside tester's sweep: every route of the JSON API, listed here by hand (so that a new route shows up as
 * not swept), is called by the demo account its line of {@code authorisation-matrix.md} lets through, with a
 * request that passes its checks, and then with each hostile variant of it: malformed JSON, wrong JSON types,
 * missing and empty fields, 100,000-character texts, invisible and hostile Unicode (zero-width space,
 * right-to-left override, NUL, lone surrogates, floods of combining marks), impossible dates, negative and
 * huge numbers, unknown enumeration values, malformed and unknown identifiers, another organisation's and
 * another person's identifiers, empty, mistyped and oversized uploads, and bad page and size values.
 *
 * <p>No answer may be a server error; every refusal is an RFC 7807 problem detail whose title and detail are
 * French; a refusal changes no row; and a variant that can only be wrong (a lone surrogate, an impossible
 * date, an unknown identifier…) is refused. Variants are fixed (a seeded {@link Random} draws the unknown
 * identifiers), so a failure replays.
 */
@IntegrationTest
class ApiBadInputSweepTest {

    static final long SEED = 20_261_203L;

    /** For a replay: -Dsweep.only=<regex> limits the sweep to the matching routes. */
    static final Pattern ONLY = System.getProperty("sweep.only") == null ? null
            : Pattern.compile(System.getProperty("sweep.only"));

    /**
     * Every API route and the request that passes its input checks: {@code json:} a body, {@code multipart:}
     * an upload with these fields, otherwise query parameters. A route of the matrix missing here fails
     * {@link #everyApiRouteOfTheMatrixIsSwept()}.
     */
    static final Map<String, String> ROUTES = routes(
            "GET /api/v1/frameworks", "",
            "GET /api/v1/frameworks/{code}", "",
            "GET /api/v1/frameworks/{code}/items", "type=COMPETENCY",
            "GET /api/v1/frameworks/{code}/items/{itemCode}", "",
            "GET /api/v1/frameworks/{code}/versions", "",
            "GET /api/v1/frameworks/{code}/versions/{version}", "",
            "GET /api/v1/frameworks/{code}/versions/{version}/diff", "with=2024-10",
            "POST /api/v1/frameworks/{code}/versions", "json:{\"version\": \"2099-01\"}",
            "POST /api/v1/frameworks/{code}/versions/{version}/publication",
            "json:{\"validationDate\": \"2024-10-02\", \"validationNote\": \"Balayage\"}",
            "GET /api/v1/frameworks/{code}/export", "format=json",
            "POST /api/v1/frameworks/import", "multipart:format=json",
            "GET /api/v1/frameworks/import/template", "",
            "GET /api/v1/frameworks/import/jobs/{jobId}", "",
            "GET /api/v1/jobs/{jobId}", "",
            "POST /api/v1/jobs/{jobId}/retry", "",
            "DELETE /api/v1/frameworks/{code}/versions/{version}", "confirmation=MAUVAIS-CODE",
            "POST /api/v1/frameworks/{code}/retirement", "json:{\"confirmation\": \"MAUVAIS-CODE\", \"reason\": \"Balayage\"}",
            "POST /api/v1/frameworks", "json:{\"code\": \"BALAYAGE-NOUVEAU\", \"title\": \"Balayage\", \"kind\": \"CQP\", \"version\": \"1\"}",
            "PATCH /api/v1/frameworks/{code}/versions/{version}", "json:{\"title\": \"Balayage\"}",
            "POST /api/v1/frameworks/{code}/versions/{version}/items",
            "json:{\"code\": \"X9\", \"type\": \"COMPETENCY\", \"text\": \"Balayage\", \"position\": 1}",
            "PATCH /api/v1/frameworks/{code}/versions/{version}/items/{itemCode}", "json:{\"text\": \"Balayage\", \"essential\": false}",
            "DELETE /api/v1/frameworks/{code}/versions/{version}/items/{itemCode}", "",
            "POST /api/v1/frameworks/{code}/versions/{version}/items/{itemCode}/move",
            "json:{\"direction\": \"UP\", \"position\": 1}",
            "POST /api/v1/frameworks/{code}/versions/{version}/exams", "json:{\"code\": \"EPB\", \"title\": \"Balayage\"}",
            "PUT /api/v1/frameworks/{code}/versions/{version}/exams/{examCode}", "json:{\"code\": \"EPB\", \"title\": \"Balayage\"}",
            "DELETE /api/v1/frameworks/{code}/versions/{version}/exams/{examCode}", "",
            "POST /api/v1/frameworks/{code}/versions/{version}/associations",
            "json:{\"type\": \"VALIDATES\", \"originCode\": \"C1\", \"destinationLabel\": \"Balayage\"}",
            "DELETE /api/v1/frameworks/{code}/versions/{version}/associations/{number}", "",
            "POST /api/v1/frameworks/{code}/versions/{version}/undo", "",
            "POST /api/v1/frameworks/{code}/versions/{version}/lock", "",
            "DELETE /api/v1/frameworks/{code}/versions/{version}/lock", "",
            "GET /api/v1/search", "q=formation&page=0&size=20",
            "GET /api/v1/search/synonyms", "",
            "GET /api/v1/me", "",
            "GET /api/v1/organisations", "",
            "POST /api/v1/organisations", "json:{\"name\": \"Balayage\", \"siret\": \"73282932000082\", \"address\": \"Paris\", "
                    + "\"sizeBand\": \"FROM_10_TO_49\", \"type\": \"ASSOCIATION\"}",
            "GET /api/v1/organisations/{organisationId}/people", "",
            "POST /api/v1/organisations/{organisationId}/people",
            "json:{\"email\": \"balayage@example.fr\", \"displayName\": \"Personne balayage\", \"role\": \"EMPLOYEE\"}",
            "GET /api/v1/accounts", "q=demo&page=0",
            "GET /api/v1/accounts/{userId}", "",
            "POST /api/v1/accounts/{userId}/roles", "json:{\"role\": \"OBSERVER\"}",
            "DELETE /api/v1/accounts/{userId}/roles/{role}", "",
            "PUT /api/v1/accounts/{userId}/active", "json:{\"active\": true}",
            "GET /api/v1/organisations/{organisationId}/people/{userId}", "",
            "POST /api/v1/organisations/{organisationId}/people/{userId}/roles", "json:{\"role\": \"EMPLOYEE\"}",
            "DELETE /api/v1/organisations/{organisationId}/people/{userId}/roles/{role}", "",
            "PUT /api/v1/organisations/{organisationId}/people/{userId}/active", "json:{\"active\": true}",
            "GET /api/v1/certifications", "",
            "GET /api/v1/certifications/{code}", "",
            "GET /api/v1/certifications/{code}/sessions", "",
            "POST /api/v1/certifications/{code}/sessions",
            "json:{\"startsOn\": \"2099-01-10\", \"endsOn\": \"2099-01-12\", \"place\": \"Balayage\", \"remote\": false, \"capacity\": 5}",
            "POST /api/v1/applications", "json:{\"certificationCode\": \"CQP-CONSEILLER-COMMERCIAL\", \"route\": \"VAE\"}",
            "GET /api/v1/applications", "state=SUBMITTED&page=0&size=50",
            "GET /api/v1/applications/{applicationId}", "",
            "GET /api/v1/applications/{applicationId}/admissibility-form", "",
            "PUT /api/v1/applications/{applicationId}/admissibility-form", "json:{\"birthPlace\": \"Balayage\"}",
            "POST /api/v1/applications/{applicationId}/documents", "multipart:kind=PAY_SLIP",
            "POST /api/v1/applications/{applicationId}/confirmation", "",
            "POST /api/v1/applications/{applicationId}/submission", "",
            "POST /api/v1/applications/{applicationId}/admissibility-decision",
            "json:{\"decision\": \"UNFAVOURABLE\", \"reason\": \"Balayage\"}",
            "POST /api/v1/applications/{applicationId}/admissibility-decision/revocation", "json:{\"reason\": \"Balayage\"}",
            "POST /api/v1/applications/{applicationId}/withdrawal", "json:{\"reason\": \"Balayage\"}",
            "GET /api/v1/applications/{applicationId}/history", "",
            "GET /api/v1/applications/{applicationId}/dossier", "",
            "GET /api/v1/applications/{applicationId}/dossier/competencies/{itemCode}", "",
            "PUT /api/v1/applications/{applicationId}/dossier/competencies/{itemCode}", "json:{\"activities\": [], \"answers\": []}",
            "POST /api/v1/applications/{applicationId}/dossier/files", "multipart:kind=PROOF",
            "GET /api/v1/applications/{applicationId}/dossier/completeness", "",
            "POST /api/v1/applications/{applicationId}/dossier/submission", "",
            "GET /api/v1/applications/{applicationId}/dossier/versions", "",
            "GET /api/v1/applications/{applicationId}/dossier/diff", "from=1&to=2",
            "GET /api/v1/applications/{applicationId}/dossier/accompaniment/organisations", "q=formation",
            "PUT /api/v1/applications/{applicationId}/dossier/accompaniment", "json:{\"organisationId\": null}",
            "GET /api/v1/applications/{applicationId}/dossier/export", "format=pdf",
            "GET /api/v1/applications/{applicationId}/accommodation", "",
            "PUT /api/v1/applications/{applicationId}/accommodation", "json:{\"needs\": [], \"details\": \"Balayage\", \"consent\": true}",
            "GET /api/v1/files/{fileId}", "",
            "GET /api/v1/comparisons", "frameworks=CQP-CONSEILLER-COMMERCIAL,CQP-GESTIONNAIRE-DISPOSITIFS&size=3",
            "POST /api/v1/comparisons/decisions", "json:{\"originFramework\": \"CQP-CONSEILLER-COMMERCIAL\", \"originCode\": \"B\", "
                    + "\"destinationFramework\": \"CQP-GESTIONNAIRE-DISPOSITIFS\", \"destinationCode\": \"C\", \"decision\": \"REJECTED\"}",
            "POST /api/v1/comparisons/jobs", "frameworks=CQP-CONSEILLER-COMMERCIAL,CQP-GESTIONNAIRE-DISPOSITIFS&size=3",
            "GET /api/v1/comparisons/jobs/{comparisonId}", "",
            "GET /api/v1/comparisons/jobs/{comparisonId}/result", "",
            "GET /api/v1/organisations/{organisationId}/people/{personId}/employment", "",
            "PUT /api/v1/organisations/{organisationId}/people/{personId}/employment", "json:{\"hiredOn\": \"2015-01-05\"}",
            "GET /api/v1/organisations/{organisationId}/people/{personId}/career-interviews", "",
            "POST /api/v1/organisations/{organisationId}/people/{personId}/career-interviews",
            "json:{\"date\": \"2024-05-06\", \"kind\": \"PERIODIC\", \"topics\": [\"Balayage\"], \"participantIds\": []}",
            "POST /api/v1/organisations/{organisationId}/people/{personId}/career-interviews/{interviewId}/delivery",
            "json:{\"deliveredOn\": \"2024-05-07\"}",
            "GET /api/v1/organisations/{organisationId}/people/{personId}/career-interviews/{interviewId}/copy", "",
            "GET /api/v1/organisations/{organisationId}/career-interviews/due", "",
            "GET /api/v1/organisations/{organisationId}/people/{personId}/gap", "certification=CQP-CONSEILLER-COMMERCIAL",
            "GET /api/v1/organisations/{organisationId}/heatmap", "",
            "GET /api/v1/organisations/{organisationId}/development-plan", "format=xlsx",
            "GET /api/v1/organisations/{organisationId}/people/{personId}/development-actions", "",
            "POST /api/v1/organisations/{organisationId}/people/{personId}/development-actions",
            "json:{\"kind\": \"TRAINING\", \"title\": \"Balayage\", \"startsOn\": \"2026-01-05\", \"endsOn\": \"2026-01-09\", "
                    + "\"estimatedHours\": 21, \"gaps\": []}",
            "PUT /api/v1/organisations/{organisationId}/people/{personId}/development-actions/{actionId}",
            "json:{\"status\": \"IN_PROGRESS\", \"outcome\": \"Balayage\", \"certifying\": false}",
            "GET /api/v1/organisations/{organisationId}/job-profiles", "",
            "POST /api/v1/organisations/{organisationId}/job-profiles", "json:{\"title\": \"Poste du balayage\", \"mission\": \"Balayage\", "
                    + "\"requirements\": [{\"frameworkCode\": \"RAC-METIERS-FORMATION\", \"itemCode\": \"DOM1-A1-C1\", \"level\": 2}]}",
            "GET /api/v1/organisations/{organisationId}/job-profiles/{jobProfileId}", "",
            "PUT /api/v1/organisations/{organisationId}/job-profiles/{jobProfileId}", "json:{\"title\": \"Poste du balayage\", "
                    + "\"requirements\": [{\"frameworkCode\": \"RAC-METIERS-FORMATION\", \"itemCode\": \"DOM1-A1-C1\", \"level\": 2}]}",
            "GET /api/v1/organisations/{organisationId}/job-profiles/{jobProfileId}/migration", "frameworkCode=RAC-METIERS-FORMATION",
            "POST /api/v1/organisations/{organisationId}/job-profiles/{jobProfileId}/migration",
            "json:{\"frameworkCode\": \"RAC-METIERS-FORMATION\", \"toVersion\": \"1\"}",
            "GET /api/v1/organisations/{organisationId}/job-profiles/{jobProfileId}/export", "format=docx",
            "GET /api/v1/organisations/{organisationId}/proficiency-scale", "",
            "PUT /api/v1/organisations/{organisationId}/proficiency-scale", "json:{\"levels\": [{\"label\": \"Débutant\"}, "
                    + "{\"label\": \"Confirmé\"}, {\"label\": \"Expert\"}, {\"label\": \"Référent\"}]}",
            "GET /api/v1/organisations/{organisationId}/teams", "",
            "POST /api/v1/organisations/{organisationId}/teams", "json:{\"name\": \"Équipe du balayage\"}",
            "PUT /api/v1/organisations/{organisationId}/people/{personId}/job", "json:{\"since\": \"2020-01-01\"}",
            "GET /api/v1/organisations/{organisationId}/people/{personId}/job", "",
            "GET /api/v1/organisations/{organisationId}/people/{personId}/assessments", "",
            "POST /api/v1/organisations/{organisationId}/people/{personId}/assessments",
            "json:{\"frameworkCode\": \"RAC-METIERS-FORMATION\", \"itemCode\": \"DOM1-A1-C1\", \"level\": 2, \"notObserved\": false, "
                    + "\"comment\": \"Balayage\", \"observedOn\": \"2026-01-05\", \"links\": []}",
            "POST /api/v1/organisations/{organisationId}/people/{personId}/assessments/{assessmentId}/evidence",
            "link=https://exemple.fr/preuve",
            "GET /api/v1/organisations/{organisationId}/people/{personId}/portfolio", "",
            "GET /api/v1/job-profile-templates", "");

    private static Map<String, String> routes(String... pairs) {
        Map<String, String> routes = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            routes.put(pairs[i], pairs[i + 1]);
        }
        return routes;
    }

    /** Words and shapes that betray an English or technical message. */
    static final Pattern NOT_FRENCH = Pattern.compile("Bad Request|Internal|Exception|\\bnull\\b|Not Found|Forbidden"
            + "|Unauthorized|Unsupported|Required|\\brequired\\b|[Ff]ailed|Cannot|\\bcannot\\b|\\bmust\\b|\\bError\\b"
            + "|\\berror\\b|JSON parse|Content type|Content-Type '|\\bnot (a|an|valid|supported|present)\\b"
            + "|\\b(java|javax|jakarta|org|com)\\.[a-z]\\w*\\.|\\bfr\\.referentia\\.");

    static final String LONG = "a".repeat(100_000);
    /** Stands for a body of bytes that are not UTF-8: {"a": "\xC3("}. */
    static final String INVALID_UTF8 = "@@OCTETS-INVALIDES@@";
    static final String COMBINING_FLOOD = "e" + "\u0301".repeat(5_000);
    /** Stands for a lone surrogate, written into the JSON text as the escape {@code \ud800}. */
    static final String LONE_SURROGATE = "@@SURROGAT@@";

    static final String ADMIN = "branch-admin@demo.referentia.fr";
    static final String OTHER_PERSON = "sweep-autre@balayage.example.fr";
    static final String DRAFT = "BALAYAGE-BROUILLON";
    static final String PUBLICATION_DRAFT = "BALAYAGE-PUBLICATION";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    UserDetailsService userDetails;

    @Autowired
    MatrixApplications applications;

    @Autowired
    MatrixJobs jobs;

    @Autowired
    FileStorage files;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** One hostile request: what it is, how it is built, and whether it can only be refused. */
    record Variant(String name, Supplier<MockHttpServletRequestBuilder> request, boolean mustRefuse) {
    }

    @Test
    void everyApiRouteOfTheMatrixIsSwept() throws IOException {
        Set<String> matrix = matrixRows().keySet();
        Set<String> missing = new TreeSet<>(matrix);
        missing.removeAll(ROUTES.keySet());
        Set<String> gone = new TreeSet<>(ROUTES.keySet());
        gone.removeAll(matrix);
        assertThat(matrix).as("the API routes of the matrix").hasSizeGreaterThan(100);
        assertThat(missing).as("API routes of authorisation-matrix.md that ApiBadInputSweepTest.ROUTES does not sweep")
                .isEmpty();
        assertThat(gone).as("routes of ApiBadInputSweepTest.ROUTES that are no longer in the matrix").isEmpty();
    }

    @Test
    void noHostileInputGetsAServerErrorOrAnAnswerOutOfFrenchAndNoRefusalChangesAnything() throws Exception {
        Random random = new Random(SEED);
        Map<String, List<String>> rows = matrixRows();
        Context context = context();
        List<String> problems = new ArrayList<>();
        int sent = 0;
        for (Map.Entry<String, String> route : ROUTES.entrySet()) {
            List<String> row = rows.get(route.getKey());
            if (row == null) {
                continue; // reported by everyApiRouteOfTheMatrixIsSwept
            }
            String caller = entitledCaller(row);
            boolean own = row.get(COLUMNS.indexOf(caller.substring(0, caller.indexOf('@')).toUpperCase(Locale.ROOT)
                    .replace('-', '_'))).equals("own");
            if (ONLY != null && !ONLY.matcher(route.getKey()).find()) {
                continue;
            }
            List<Variant> variants = variants(route.getKey(), route.getValue(), caller, own, context, random);
            lastCounts = null; // making the route's identifiers (an application, a job, a file) added rows
            for (Variant variant : variants) {
                sent++;
                check(route.getKey(), variant, problems);
            }
        }
        System.out.println("ApiBadInputSweepTest: " + ROUTES.size() + " routes, " + sent + " hostile requests, "
                + problems.size() + " problems");
        assertThat(problems).as("%d hostile requests", sent).isEmpty();
    }

    // ---------------------------------------------------------------- checking one answer

    /** The row counts after the last request: the next one's « before », so each request costs one count. */
    private Map<String, Long> lastCounts;

    private void check(String route, Variant variant, List<String> problems) throws Exception {
        Map<String, Long> before = lastCounts == null ? counts() : lastCounts;
        lastCounts = null;
        MockHttpServletRequestBuilder request = variant.request().get();
        MockHttpServletResponse response;
        String uri;
        try {
            MvcResult result = mvc.perform(request).andReturn();
            response = result.getResponse();
            uri = result.getRequest().getRequestURI();
        } catch (Exception unhandled) { // the container would answer a 500
            problems.add(route + " [" + variant.name() + "] → exception " + rootCause(unhandled));
            return;
        }
        int status = response.getStatus();
        String where = route + " [" + variant.name() + "] → " + status;
        if (status >= 500) {
            problems.add(where + " " + abbreviate(response.getContentAsString(StandardCharsets.UTF_8)));
            return;
        }
        if (status < 400) {
            if (variant.mustRefuse()) {
                problems.add(where + " : accepté, alors que cette entrée ne peut être que refusée");
            }
            return;
        }
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        String contentType = response.getContentType();
        if (body.isEmpty()) {
            MockHttpServletResponse error = errorDispatch(status, response.getErrorMessage(), uri);
            body = error.getContentAsString(StandardCharsets.UTF_8);
            contentType = error.getContentType();
        }
        String complaint = problemDetailComplaint(body, contentType);
        if (complaint != null) {
            problems.add(where + " : " + complaint + " — " + abbreviate(body));
        }
        Map<String, Long> after = counts();
        lastCounts = after;
        if (!before.equals(after)) {
            problems.add(where + " : refusé mais des lignes ont changé " + difference(before, after));
        }
    }

    /** What the servlet container does after {@code sendError}: it forwards to {@code /error}. */
    private MockHttpServletResponse errorDispatch(int status, String message, String uri) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get("/error")
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, uri)
                        .requestAttr(RequestDispatcher.ERROR_MESSAGE, message == null ? "" : message)
                        .accept(MediaType.APPLICATION_JSON))
                .andReturn().getResponse();
    }

    /** Longest {@code instance} of a problem detail: an address whose identifiers are cut like quoted values. */
    static final int INSTANCE = 200;

    /**
     * Null when the body is a problem detail in French, written as {@code application/problem+json}, whose
     * {@code instance} is short and visible; or what is wrong with it.
     */
    private String problemDetailComplaint(String body, String contentType) {
        if (contentType == null || !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(MediaType.parseMediaType(contentType))) {
            return "type de contenu " + contentType + " au lieu de application/problem+json";
        }
        JsonNode problem;
        try {
            problem = json.readTree(body);
        } catch (IOException notJson) {
            return "pas un problem detail JSON";
        }
        if (problem == null || !problem.isObject() || !problem.hasNonNull("title") || !problem.hasNonNull("detail")
                || !problem.hasNonNull("status")) {
            return "problem detail sans title, detail ou status";
        }
        for (String field : List.of("title", "detail")) {
            String text = problem.get(field).asText();
            if (text.isBlank()) {
                return field + " vide";
            }
            if (text.length() > 1_000) {
                return field + " de " + text.length() + " caractères";
            }
            Matcher english = NOT_FRENCH.matcher(text);
            if (english.find()) {
                return field + " pas en français (« " + english.group() + " »)";
            }
        }
        if (problem.hasNonNull("instance")) {
            String instance = problem.get("instance").asText();
            if (instance.length() > INSTANCE) {
                return "instance de " + instance.length() + " caractères";
            }
            String hidden = PlainText.oneLineProblem(instance);
            if (hidden != null) {
                return "instance qui " + hidden;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- the variants of one route

    private List<Variant> variants(String route, String sample, String caller, boolean own, Context context, Random random)
            throws Exception {
        HttpMethod method = HttpMethod.valueOf(route.substring(0, route.indexOf(' ')));
        String pattern = route.substring(route.indexOf(' ') + 1);
        List<HandlerMethod> handlers = handlers(method, pattern);
        Map<String, String> path = context.pathValues(method, pattern, caller);
        Map<String, String> params = new LinkedHashMap<>();
        String body = null;
        boolean multipart = false;
        if (sample.startsWith("json:")) {
            body = sample.substring("json:".length());
        } else {
            if (sample.startsWith("multipart:")) {
                multipart = true;
                sample = sample.substring("multipart:".length());
            }
            for (String pair : sample.isEmpty() ? new String[0] : sample.split("&")) {
                String[] parts = pair.split("=", 2);
                params.put(parts[0], parts.length > 1 ? parts[1] : "");
            }
        }
        Base base = new Base(method, pattern, caller, path, params, body, multipart);
        List<Variant> variants = new ArrayList<>();

        // Path variables: malformed, unknown, hostile, another organisation's or person's.
        for (String variable : variables(pattern)) {
            for (Map.Entry<String, String> value : hostilePathValues(variable, own, context, random).entrySet()) {
                Map<String, String> hostile = new LinkedHashMap<>(path);
                hostile.put(variable, value.getValue());
                variants.add(new Variant("{" + variable + "} " + value.getKey(),
                        () -> base.withPath(hostile).build(this), true));
            }
        }

        // Query parameters: every declared one, hostile, then page and size out of range on every reading route.
        Set<String> declared = new LinkedHashSet<>(params.keySet());
        for (HandlerMethod handler : handlers) {
            for (MethodParameter parameter : handler.getMethodParameters()) {
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                if (param != null && !MultipartFile.class.isAssignableFrom(parameter.getParameterType())) {
                    String name = !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value()
                            : parameter.getParameter().getName();
                    if (!name.equals("async")) {
                        declared.add(name);
                    }
                }
            }
        }
        if (method == HttpMethod.GET && !declared.contains("page") && !declared.contains("size")) {
            // A reading route without paging ignores page and size: two tries are enough to show it.
            for (Map.Entry<String, String> paging : Map.of("négatives", "-1", "pas des nombres", "abc").entrySet()) {
                Map<String, String> hostile = new LinkedHashMap<>(params);
                hostile.put("page", paging.getValue());
                hostile.put("size", paging.getValue().equals("-1") ? "99999999999" : "");
                variants.add(new Variant("page et size " + paging.getKey(), () -> base.withParams(hostile).build(this),
                        false));
            }
        }
        for (String name : declared) {
            for (Map.Entry<String, String> value : hostileParameterValues().entrySet()) {
                Map<String, String> hostile = new LinkedHashMap<>(params);
                hostile.put(name, value.getValue());
                variants.add(new Variant(name + "=" + value.getKey(), () -> base.withParams(hostile).build(this), false));
            }
        }

        // The JSON body: whole-body breakages, then each field of the request's type.
        Class<?> bodyType = handlers.stream().flatMap(h -> java.util.Arrays.stream(h.getMethodParameters()))
                .filter(p -> p.hasParameterAnnotation(RequestBody.class)).map(MethodParameter::getParameterType)
                .findFirst().orElse(null);
        boolean rawBody = handlers.stream().anyMatch(h -> java.util.Arrays.stream(h.getMethodParameters())
                .anyMatch(p -> InputStream.class.isAssignableFrom(p.getParameterType())));
        if (rawBody) { // the canonical JSON import reads its body itself
            for (Map.Entry<String, String> broken : brokenBodies().entrySet()) {
                variants.add(new Variant("corps " + broken.getKey(), () -> base.withBody(broken.getValue()).build(this), true));
            }
        }
        if (body != null || bodyType != null) {
            String valid = body == null ? "{}" : body;
            for (Map.Entry<String, String> broken : brokenBodies().entrySet()) {
                variants.add(new Variant("corps " + broken.getKey(), () -> base.withBody(broken.getValue()).build(this),
                        !broken.getKey().startsWith("vide") && !broken.getKey().equals("null")));
            }
            variants.add(new Variant("corps en text/plain", () -> base.withBody(valid).build(this)
                    .contentType(MediaType.TEXT_PLAIN), true));
            for (Map.Entry<String, Field> field : fields(bodyType, valid).entrySet()) {
                for (FieldValue value : hostileFieldValues(field.getValue(), random)) {
                    ObjectNode node = (ObjectNode) json.readTree(valid);
                    if (value.remove()) {
                        node.remove(field.getKey());
                    } else {
                        node.set(field.getKey(), value.value());
                    }
                    String text = json.writeValueAsString(node).replace("\"" + LONE_SURROGATE + "\"", "\"\\ud800\"");
                    variants.add(new Variant(field.getKey() + " " + value.name(), () -> base.withBody(text).build(this),
                            value.mustRefuse() && !IGNORED_FIELDS.contains(route + " " + field.getKey())));
                }
            }
        }

        // Uploads: none, empty, of a type nobody accepts, too large, with a hostile name; and JSON where a file is due.
        if (multipart) {
            for (Map.Entry<String, MockMultipartFile> upload : hostileUploads().entrySet()) {
                variants.add(new Variant("fichier " + upload.getKey(), () -> base.withFile(upload.getValue()).build(this),
                        true));
            }
            variants.add(new Variant("sans fichier", () -> base.withFile(null).build(this), true));
        }
        return variants;
    }

    /** Everything a request of the route is made of; each variant changes one piece. */
    record Base(HttpMethod method, String pattern, String caller, Map<String, String> path, Map<String, String> params,
            String body, boolean multipart, MockMultipartFile file, boolean withoutFile) {

        Base(HttpMethod method, String pattern, String caller, Map<String, String> path, Map<String, String> params,
                String body, boolean multipart) {
            this(method, pattern, caller, path, params, body, multipart, null, false);
        }

        Base withPath(Map<String, String> path) {
            return new Base(method, pattern, caller, path, params, body, multipart, file, withoutFile);
        }

        Base withParams(Map<String, String> params) {
            return new Base(method, pattern, caller, path, params, body, multipart, file, withoutFile);
        }

        Base withBody(String body) {
            return new Base(method, pattern, caller, path, params, body, false, file, withoutFile);
        }

        Base withFile(MockMultipartFile file) {
            return new Base(method, pattern, caller, path, params, body, true, file, file == null);
        }

        MockHttpServletRequestBuilder build(ApiBadInputSweepTest test) {
            URI uri = UriComponentsBuilder.fromPath(pattern).buildAndExpand(path).encode().toUri();
            MockHttpServletRequestBuilder request;
            if (multipart) {
                MockMultipartHttpServletRequestBuilder upload = MockMvcRequestBuilders.multipart(method, uri);
                if (!withoutFile) {
                    upload.file(file != null ? file : new MockMultipartFile("file", "preuve.pdf",
                            MediaType.APPLICATION_PDF_VALUE, MINIMAL_PDF));
                }
                request = upload;
            } else {
                request = MockMvcRequestBuilders.request(method, uri);
            }
            params.forEach(request::param);
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON).content(body.equals(INVALID_UTF8)
                        ? new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}
                        : body.getBytes(StandardCharsets.UTF_8));
            }
            return request.accept(MediaType.APPLICATION_JSON).with(csrf())
                    .with(user(test.userDetails.loadUserByUsername(caller)));
        }
    }

    static final byte[] MINIMAL_PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10]>>endobj\n"
            + "xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n0000000101 00000 n \n"
            + "trailer<</Size 4/Root 1 0 R>>\nstartxref\n165\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);

    private Map<String, String> hostilePathValues(String variable, boolean own, Context context, Random random) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("UUID mal formé", "pas-un-uuid");
        values.put("UUID inconnu", new UUID(random.nextLong(), random.nextLong()).toString());
        values.put("nombre négatif", "-1");
        values.put("nombre énorme", "99999999999999999999");
        values.put("espace sans chasse", "C1\u200B");
        values.put("inversion droite-gauche", "\u202E1C");
        values.put("NUL", "C\u00001");
        values.put("100 000 caractères", LONG);
        values.put("marques combinantes", COMBINING_FLOOD);
        String other = context.otherValue(variable);
        if (other != null && own) { // « own » in the matrix: another's reads as unknown
            values.put("celui d'un autre", other);
        }
        return values;
    }

    private static Map<String, String> hostileParameterValues() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("vide", "");
        values.put("100 000 caractères", LONG);
        values.put("espace sans chasse", "\u200B");
        values.put("inversion droite-gauche", "\u202Eabc");
        values.put("NUL", "a\u0000b");
        values.put("surrogat isolé", "\uD800");
        values.put("marques combinantes", COMBINING_FLOOD);
        values.put("négatif", "-1");
        values.put("énorme", "99999999999999999999");
        values.put("texte", "abc");
        values.put("date impossible", "2026-02-30");
        values.put("valeur inconnue", "PAS_UNE_VALEUR");
        values.put("UUID mal formé", "pas-un-uuid");
        return values;
    }

    private static Map<String, String> brokenBodies() {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("JSON tronqué", "{\"a\": ");
        bodies.put("pas du JSON", "ceci n'est pas du JSON");
        bodies.put("tableau", "[]");
        bodies.put("texte", "\"texte\"");
        bodies.put("nombre", "42");
        bodies.put("null", "null");
        bodies.put("vide", "");
        bodies.put("JSON profond", "[".repeat(2_000) + "]".repeat(2_000));
        bodies.put("octets UTF-8 invalides", INVALID_UTF8);
        return bodies;
    }

    private static Map<String, MockMultipartFile> hostileUploads() {
        Map<String, MockMultipartFile> uploads = new LinkedHashMap<>();
        uploads.put("vide", new MockMultipartFile("file", "vide.pdf", MediaType.APPLICATION_PDF_VALUE, new byte[0]));
        byte[] exe = new byte[4_096];
        exe[0] = 'M';
        exe[1] = 'Z';
        uploads.put("exécutable nommé .pdf", new MockMultipartFile("file", "preuve.pdf", MediaType.APPLICATION_PDF_VALUE, exe));
        uploads.put("PDF corrompu", new MockMultipartFile("file", "preuve.pdf", MediaType.APPLICATION_PDF_VALUE,
                "%PDF-1.4\nrien".getBytes(StandardCharsets.US_ASCII)));
        byte[] huge = new byte[25 * 1024 * 1024];
        System.arraycopy(MINIMAL_PDF, 0, huge, 0, MINIMAL_PDF.length);
        uploads.put("de 25 Mo", new MockMultipartFile("file", "enorme.pdf", MediaType.APPLICATION_PDF_VALUE, huge));
        uploads.put("nom hostile", new MockMultipartFile("file", "\u202Efdp.exe\u0000" + "x".repeat(5_000) + ".pdf",
                MediaType.APPLICATION_PDF_VALUE, exe));
        return uploads;
    }

    // ---------------------------------------------------------------- body fields

    enum Kind { TEXT, DATE, INTEGER, BOOLEAN, UUID, LIST, OBJECT, ENUM }

    /** Body fields a route does not judge when it is called, so that an odd value there is not refused. */
    static final Set<String> IGNORED_FIELDS = Set.of(
            // the organisation is the one of the address
            "POST /api/v1/organisations/{organisationId}/people/{userId}/roles organisationId",
            // a template is copied at creation only
            "PUT /api/v1/organisations/{organisationId}/job-profiles/{jobProfileId} templateId");

    /** Text fields that take one of a list of values (an enumeration read by the service). */
    static final Set<String> ENUM_FIELDS = Set.of("kind", "type", "role", "route", "decision", "direction", "status",
            "sizeBand", "importance", "scope");

    record Field(Kind kind) {
    }

    record FieldValue(String name, JsonNode value, boolean remove, boolean mustRefuse) {
    }

    /** The fields of the request body's type (record components), with the sample's fields as a fallback. */
    private Map<String, Field> fields(Class<?> type, String sample) throws IOException {
        Map<String, Field> fields = new LinkedHashMap<>();
        JsonNode node = json.readTree(sample);
        if (type != null && type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                fields.put(component.getName(), new Field(kindOf(component.getType(), component.getGenericType(),
                        component.getName(), node.get(component.getName()))));
            }
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            fields.putIfAbsent(name, new Field(kindOf(Object.class, Object.class, name, node.get(name))));
        }
        return fields;
    }

    private static Kind kindOf(Class<?> type, Type generic, String name, JsonNode sample) {
        if (type.isEnum() || ENUM_FIELDS.contains(name)) {
            return Kind.ENUM;
        }
        if (Temporal.class.isAssignableFrom(type) || name.endsWith("On") || name.endsWith("Date") || name.equals("date")
                || name.equals("since")) {
            return Kind.DATE;
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return Kind.INTEGER;
        }
        if (type == Boolean.class || type == boolean.class) {
            return Kind.BOOLEAN;
        }
        if (type == UUID.class) {
            return Kind.UUID;
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return Kind.LIST;
        }
        if (type == String.class) {
            return Kind.TEXT;
        }
        if (type == Object.class && sample != null) {
            return sample.isNumber() ? Kind.INTEGER : sample.isBoolean() ? Kind.BOOLEAN : sample.isArray() ? Kind.LIST
                    : sample.isObject() ? Kind.OBJECT : Kind.TEXT;
        }
        return Kind.OBJECT;
    }

    private List<FieldValue> hostileFieldValues(Field field, Random random) {
        var nodes = json.getNodeFactory();
        List<FieldValue> values = new ArrayList<>();
        values.add(new FieldValue("absent", null, true, false));
        values.add(new FieldValue("null", nodes.nullNode(), false, false));
        values.add(new FieldValue("objet", json.createObjectNode().put("a", 1), false, field.kind() != Kind.OBJECT));
        values.add(new FieldValue("tableau", json.createArrayNode().add("a"), false,
                field.kind() != Kind.LIST && field.kind() != Kind.OBJECT));
        switch (field.kind()) {
            case TEXT, ENUM, DATE, UUID -> {
                // An empty optional date, identifier or choice may read as absent.
                values.add(new FieldValue("vide", nodes.textNode(""), false, false));
                values.add(new FieldValue("blanc", nodes.textNode("   "), false, false));
                values.add(new FieldValue("100 000 caractères", nodes.textNode(LONG), false, true));
                // Invisible characters are refused in every text of a request body (JsonTextCharacters).
                values.add(new FieldValue("espace sans chasse", nodes.textNode("Balayage\u200B"), false, true));
                values.add(new FieldValue("inversion droite-gauche", nodes.textNode("\u202EegayalaB"), false, true));
                values.add(new FieldValue("indicateur d'ordre des octets", nodes.textNode("Bala\uFEFFyage"), false, true));
                values.add(new FieldValue("contrôle C1", nodes.textNode("Balayage\u0085"), false, true));
                values.add(new FieldValue("NUL", nodes.textNode("Bala\u0000yage"), false, true));
                values.add(new FieldValue("surrogat isolé", nodes.textNode(LONE_SURROGATE), false, true));
                values.add(new FieldValue("marques combinantes", nodes.textNode(COMBINING_FLOOD), false,
                        field.kind() != Kind.TEXT));
                values.add(new FieldValue("nombre", nodes.numberNode(12345), false, field.kind() != Kind.TEXT));
                values.add(new FieldValue("booléen", nodes.booleanNode(true), false, field.kind() != Kind.TEXT));
            }
            default -> {
                values.add(new FieldValue("texte", nodes.textNode("abc"), false, true));
                values.add(new FieldValue("NUL", nodes.textNode("a\u0000"), false, true));
            }
        }
        switch (field.kind()) {
            case DATE -> {
                values.add(new FieldValue("30 février", nodes.textNode("2026-02-30"), false, true));
                values.add(new FieldValue("date française", nodes.textNode("31/12/2026"), false, true));
                values.add(new FieldValue("an 99999", nodes.textNode("99999-01-01"), false, true));
                values.add(new FieldValue("an +999999999", nodes.textNode("+999999999-12-31"), false, true));
                values.add(new FieldValue("an -999999999", nodes.textNode("-999999999-01-01"), false, true));
            }
            case INTEGER -> {
                values.add(new FieldValue("négatif", nodes.numberNode(-1), false, true));
                values.add(new FieldValue("énorme", nodes.numberNode(new java.math.BigInteger("99999999999999999999")),
                        false, true));
                values.add(new FieldValue("au-delà de int", nodes.numberNode(2_147_483_648L), false, true));
                values.add(new FieldValue("décimal", nodes.numberNode(1.5), false, false));
                values.add(new FieldValue("1e309", nodes.numberNode(new java.math.BigDecimal("1e309")), false, true));
            }
            case ENUM -> values.add(new FieldValue("valeur inconnue", nodes.textNode("PAS_UNE_VALEUR"), false, true));
            case UUID -> {
                values.add(new FieldValue("UUID mal formé", nodes.textNode("pas-un-uuid"), false, true));
                values.add(new FieldValue("UUID inconnu", nodes.textNode(new UUID(random.nextLong(), random.nextLong())
                        .toString()), false, true));
            }
            case LIST -> {
                values.add(new FieldValue("liste de null", json.createArrayNode().addNull(), false, false));
                values.add(new FieldValue("liste hostile", json.createArrayNode().add("\u0000").add(LONE_SURROGATE)
                        .add(LONG).add(json.createObjectNode()), false, true));
            }
            default -> {
            }
        }
        return values;
    }

    // ---------------------------------------------------------------- who calls, with which identifiers

    /** The first demo account the matrix lets through (allow, or own with its own organisation or resource). */
    private static String entitledCaller(List<String> row) {
        for (int i = 1; i < COLUMNS.size(); i++) {
            String cell = row.get(i);
            if (cell.equals("allow") || cell.equals("own")) {
                return COLUMNS.get(i).toLowerCase(Locale.ROOT).replace('_', '-') + "@demo.referentia.fr";
            }
        }
        throw new IllegalStateException("no demo account may call " + row);
    }

    static final List<String> COLUMNS = List.of("anonymous", "BRANCH_ADMIN", "CERTIFICATION_OFFICE", "ORG_HR", "MANAGER",
            "EMPLOYEE", "CANDIDATE", "ASSESSOR", "JURY_MEMBER", "OBSERVER");

    /** The identifiers the valid requests use, made once. */
    final class Context {

        final UUID demoOrganisation;
        final UUID otherOrganisation;
        final UUID employee;
        final UUID otherPerson;
        final Map<String, String> perCaller = new LinkedHashMap<>();

        Context() throws Exception {
            demoOrganisation = jdbc.queryForObject("select id from organisation where siret = '12345678200002'", UUID.class);
            UUID other = jdbc.query("select id from organisation where siret = '73282932000090'",
                    (rs, i) -> rs.getObject(1, UUID.class)).stream().findFirst().orElse(null);
            if (other == null) {
                other = UUID.randomUUID();
                jdbc.update("insert into organisation (id, name, siret, address, size_band, type, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, current_timestamp)", other, "Autre organisme (balayage)",
                        "73282932000090", "Nantes", "FROM_10_TO_49", "ASSOCIATION");
            }
            otherOrganisation = other;
            employee = id("employee@demo.referentia.fr");
            otherPerson = id("candidate@demo.referentia.fr");
        }

        private UUID id(String email) {
            return jdbc.queryForObject("select id from app_user where email = ?", UUID.class, email);
        }

        Map<String, String> pathValues(HttpMethod method, String pattern, String caller) {
            Map<String, String> values = new LinkedHashMap<>();
            // Changes go to the sweep's own draft, never to a seed other test classes read; publishing it would end it.
            boolean draft = pattern.startsWith("/api/v1/frameworks/{code}") && method != HttpMethod.GET;
            // Publication gets a draft of its own: a variant it accepted would end the other one.
            boolean publication = pattern.endsWith("/publication");
            for (String variable : variables(pattern)) {
                values.put(variable, switch (variable) {
                    case "code" -> pattern.startsWith("/api/v1/certifications") ? "CQP-CONSEILLER-COMMERCIAL"
                            : publication ? draft(PUBLICATION_DRAFT) : draft ? draft(DRAFT) : "CQP-GESTIONNAIRE-DISPOSITIFS";
                    case "version" -> draft ? "1" : "2024-10";
                    case "itemCode" -> pattern.contains("/dossier/") ? dossierItem() : "C1";
                    case "examCode" -> "EP1.1";
                    case "number" -> "1";
                    case "role" -> "OBSERVER";
                    case "organisationId" -> demoOrganisation.toString();
                    case "userId", "personId" -> employee.toString();
                    case "applicationId" -> once("application " + caller, () -> applications.draftOf(caller).toString());
                    case "jobId" -> once("job " + caller, () -> jobs.failed(ImportJobs.KIND, caller, "balayage.csv").toString());
                    case "comparisonId" -> once("comparison " + caller,
                            () -> jobs.failed(ComparisonJobs.KIND, caller, "balayage").toString());
                    case "fileId" -> once("file " + caller, () -> files.store(caller, TestFilePurposes.PROOFS, "balayage.txt",
                            new ByteArrayInputStream("balayage".getBytes(StandardCharsets.UTF_8))).id().toString());
                    case "jobProfileId" -> first("select id from job_profile where organisation_id = ?", demoOrganisation);
                    case "assessmentId" -> first("select id from assessment where person_id = ?", employee);
                    case "interviewId" -> first("select id from career_interview where person_id = ?", employee);
                    case "actionId" -> first("select id from development_action where person_id = ?", employee);
                    default -> throw new IllegalStateException("no value for {" + variable + "}: add one to the sweep");
                });
            }
            return values;
        }

        /** Another organisation's, another person's or another owner's identifier, where the route names one. */
        String otherValue(String variable) {
            return switch (variable) {
                case "organisationId" -> otherOrganisation.toString();
                case "userId", "personId" -> otherPerson.toString();
                case "applicationId" -> once("application " + OTHER_PERSON, () -> applications.draftOf(
                        "candidat-demo-1@demo.referentia.fr").toString());
                case "jobId" -> once("job " + OTHER_PERSON, () -> jobs.failed(ImportJobs.KIND, OTHER_PERSON, "autre.csv")
                        .toString());
                case "comparisonId" -> once("comparison " + OTHER_PERSON, () -> jobs.failed(ComparisonJobs.KIND,
                        OTHER_PERSON, "autre").toString());
                case "fileId" -> once("file " + OTHER_PERSON, () -> files.store(OTHER_PERSON, TestFilePurposes.PROOFS,
                        "autre.txt", new ByteArrayInputStream("autre".getBytes(StandardCharsets.UTF_8))).id().toString());
                default -> null;
            };
        }

        private String once(String key, Supplier<String> make) {
            return perCaller.computeIfAbsent(key, k -> make.get());
        }

        private String first(String sql, UUID argument) {
            return jdbc.query(sql + " order by id fetch first 1 rows only", (rs, i) -> rs.getString(1), argument).stream()
                    .findFirst().orElse(UUID.randomUUID().toString());
        }

        private String dossierItem() {
            return jdbc.query("select code from framework_item where framework_id in (select id from framework where code = "
                    + "'CQP-CONSEILLER-COMMERCIAL') and type = 'COMPETENCY' order by code fetch first 1 rows only",
                    (rs, i) -> rs.getString(1)).stream().findFirst().orElse("C1");
        }

        private String draft(String draftCode) {
            return once("draft " + draftCode, () -> {
                try {
                    mvc.perform(MockMvcRequestBuilders.post("/api/v1/frameworks").with(csrf())
                            .with(user(userDetails.loadUserByUsername(ADMIN))).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"code\": \"" + draftCode + "\", \"title\": \"Brouillon du balayage\", "
                                    + "\"kind\": \"CQP\", \"version\": \"1\"}"));
                    mvc.perform(MockMvcRequestBuilders.post("/api/v1/frameworks/" + draftCode + "/versions/1/items")
                            .with(csrf()).with(user(userDetails.loadUserByUsername(ADMIN)))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"code\": \"C1\", \"type\": \"COMPETENCY\", \"text\": \"Accueillir\"}"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return draftCode;
            });
        }
    }

    private Context context() throws Exception {
        return new Context();
    }

    // ---------------------------------------------------------------- routes and rows

    private List<HandlerMethod> handlers(HttpMethod method, String pattern) {
        List<HandlerMethod> handlers = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            var methods = mapping.getKey().getMethodsCondition().getMethods();
            if (mapping.getKey().getPatternValues().contains(pattern)
                    && (methods.isEmpty() || methods.stream().anyMatch(m -> m.name().equals(method.name())))) {
                handlers.add(mapping.getValue());
            }
        }
        return handlers;
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");

    private static List<String> variables(String pattern) {
        List<String> names = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(pattern);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** The API lines of the authorisation matrix: route → its cells (anonymous first, then each role). */
    static Map<String, List<String>> matrixRows() throws IOException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        try (InputStream in = ApiBadInputSweepTest.class.getResourceAsStream("/fr/referentia/account/authorisation-matrix.md")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                String[] cells = line.split("\\|", -1);
                if (cells.length < 13 || !cells[1].trim().matches("(GET|POST|PUT|PATCH|DELETE) /api/.*")) {
                    continue;
                }
                List<String> row = new ArrayList<>();
                for (int i = 2; i < 2 + COLUMNS.size(); i++) {
                    row.add(cells[i].trim());
                }
                rows.put(cells[1].trim().replaceAll("\\s+", " "), row);
            }
        }
        return rows;
    }

    // ---------------------------------------------------------------- observation

    private List<String> tables;

    private Map<String, Long> counts() {
        if (tables == null) {
            tables = jdbc.queryForList("select table_name from information_schema.tables where table_schema = 'public' "
                    + "and table_type = 'BASE TABLE' and table_name not in (" + IGNORED_TABLES + ") order by table_name",
                    String.class);
        }
        StringBuilder sql = new StringBuilder();
        for (String table : tables) {
            sql.append(sql.isEmpty() ? "" : " union all ").append("select '").append(table)
                    .append("', count(*) from ").append(table);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query(sql.toString(), rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }

    /**
     * Tables that change on their own while the sweep runs: Flyway's history, sessions, and the stored input of
     * background jobs (comparisons the sweep started), which the job runner writes and removes as they run.
     */
    static final String IGNORED_TABLES = "'flyway_schema_history', 'spring_session', 'spring_session_attributes', "
            + "'job_data'";

    private static String difference(Map<String, Long> before, Map<String, Long> after) {
        Map<String, String> changed = new LinkedHashMap<>();
        after.forEach((table, count) -> {
            if (!count.equals(before.get(table))) {
                changed.put(table, before.get(table) + " → " + count);
            }
        });
        return changed.toString();
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + abbreviate(String.valueOf(cause.getMessage()));
    }

    private static String abbreviate(String text) {
        text = text.replaceAll("\\s+", " ");
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
