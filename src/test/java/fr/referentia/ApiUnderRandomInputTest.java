package fr.referentia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Every route of the API, found from the application's own mappings (so routes added later are
 * covered without touching this test), receives hostile input in its path, its parameters and its
 * body: random Unicode (controls, NUL, lone surrogates, bidirectional overrides, zero-width
 * characters), huge and negative numbers, impossible dates, deep JSON, and the field names of its
 * own request body filled with such values. No answer may be a server error, and a refused request
 * changes no row. The values come from a fixed seed, so that a failure replays; the number of tries
 * per route is capped to keep the suite's time budget.
 */
@IntegrationTest
class ApiUnderRandomInputTest {

    static final long SEED = 20_261_202L;
    static final int TRIES_PER_ROUTE = 10;

    /** Tables whose row counts a refused request must leave as they were. */
    static final List<String> WATCHED_TABLES = List.of("framework", "framework_item", "item_association", "exam",
            "app_user", "role_grant", "organisation", "access_token", "draft_change", "cross_association");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    record Route(HttpMethod method, String pattern, HandlerMethod handler) {
        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    @Test
    void noApiRouteAnswersHostileInputWithAServerErrorAndARefusalChangesNothing() throws Exception {
        Random random = new Random(SEED);
        Map<String, List<String>> known = knownValues();
        List<Route> routes = apiRoutes();
        assertThat(routes).as("the API routes found").hasSizeGreaterThan(20);
        assertThat(tryEveryRoute(routes, random, known)).isEmpty();
    }

    private List<String> tryEveryRoute(List<Route> routes, Random random, Map<String, List<String>> known)
            throws Exception {
        List<String> problems = new ArrayList<>();
        for (Route route : routes) {
            for (int i = 0; i < TRIES_PER_ROUTE; i++) {
                Map<String, Long> before = counts();
                MockHttpServletRequestBuilder request = request(route, random, known);
                String sent = describe(request);
                MockHttpServletResponse response;
                try {
                    response = mvc.perform(request).andReturn().getResponse();
                } catch (Exception unhandled) { // what a servlet container would answer with a 500
                    problems.add(route + " → " + unhandled + " for " + sent);
                    continue;
                }
                int status = response.getStatus();
                if (status >= 500) {
                    problems.add(route + " → " + status + " for " + sent);
                } else if (status >= 400 && !before.equals(counts())) {
                    problems.add(route + " refused with " + status + " but changed rows " + before + " → " + counts()
                            + " for " + sent);
                }
            }
        }
        return problems;
    }

    // ---------------------------------------------------------------- routes

    private List<Route> apiRoutes() {
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = mapping.getKey();
            var methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/v1/")) {
                    continue;
                }
                if (methods.isEmpty()) {
                    routes.add(new Route(HttpMethod.GET, pattern, mapping.getValue()));
                }
                methods.forEach(method -> routes.add(new Route(HttpMethod.valueOf(method.name()), pattern,
                        mapping.getValue())));
            }
        }
        routes.sort(Comparator.comparing(Route::toString)); // a stable order, so that the seed replays
        return routes;
    }

    /** Real codes, so that some requests get past the lookup of their path and reach the deeper checks. */
    private Map<String, List<String>> knownValues() {
        Map<String, List<String>> known = new LinkedHashMap<>();
        known.put("code", jdbc.queryForList("select distinct code from framework order by code", String.class));
        known.put("version", List.of("1", "2"));
        known.put("itemCode", jdbc.queryForList(
                "select code from framework_item order by id fetch first 20 rows only", String.class));
        known.put("organisationId", jdbc.queryForList("select cast(id as varchar) from organisation", String.class));
        return known;
    }

    private MockHttpServletRequestBuilder request(Route route, Random random, Map<String, List<String>> known)
            throws Exception {
        Map<String, String> pathValues = new LinkedHashMap<>();
        UriComponentsBuilder query = UriComponentsBuilder.newInstance();
        Class<?> bodyType = null;
        for (MethodParameter parameter : route.handler().getMethodParameters()) {
            parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
            PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (path != null) {
                String name = !path.name().isEmpty() ? path.name() : path.value().isEmpty()
                        ? parameter.getParameterName() : path.value();
                List<String> real = known.getOrDefault(name, List.of());
                pathValues.put(name, !real.isEmpty() && random.nextBoolean()
                        ? real.get(random.nextInt(real.size())) : hostileText(random));
            } else if (param != null && random.nextInt(4) > 0) {
                String name = !param.name().isEmpty() ? param.name() : param.value().isEmpty()
                        ? parameter.getParameterName() : param.value();
                if (name != null && !parameter.getParameterType().getName().contains("MultipartFile")) {
                    query.queryParam(name, "{" + name + "}");
                    pathValues.putIfAbsent(name, hostileText(random));
                }
            } else if (parameter.hasParameterAnnotation(RequestBody.class)) {
                bodyType = parameter.getParameterType();
            }
        }
        Matcher variables = TEMPLATE_VARIABLE.matcher(route.pattern());
        while (variables.find()) {
            pathValues.computeIfAbsent(variables.group(1), name -> hostileText(random));
        }
        String uri = UriComponentsBuilder.fromPath(route.pattern()).query(query.build().getQuery())
                .buildAndExpand(pathValues).encode().toUriString();
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(route.method(), java.net.URI.create(uri))
                .with(user("branch-admin@demo.referentia.fr").roles("BRANCH_ADMIN")).with(csrf())
                .accept(MediaType.APPLICATION_JSON);
        if (route.method() == HttpMethod.POST || route.method() == HttpMethod.PUT
                || route.method() == HttpMethod.PATCH || bodyType != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body(bodyType, random));
        }
        return request;
    }

    // ---------------------------------------------------------------- hostile values

    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

    /** Chosen because each once broke a parser, a database column, a date or a document somewhere. */
    private static final List<String> CHOSEN = List.of("", " ", "\u0000", "a\u0000b", "\u200B",
            "\u202Eevil", "\uFEFF", "\uFFFE", "\uD800", "\uDC00x", "\u00A0", "\r\n", "\u0007", "-1", "0",
            "2147483648", "-2147483649", "9223372036854775808", "99999999999999999999999999", "1e309", "NaN",
            "Infinity", "+999999999-12-31", "-999999999-01-01", "0000-00-00", "2026-02-30", "31/12/9999",
            "../../etc/passwd", "%00", "%", "{}", "[]", "null", "true", "<script>alert(1)</script>",
            "' or 1=1 --", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀", "x".repeat(5_000));

    /** One hostile value: random code points of any plane and category, a chosen one, a huge number, an odd date. */
    private static String hostileText(Random random) {
        return switch (random.nextInt(10)) {
            case 0, 1, 2 -> anyUnicode(random);
            case 3, 4, 5, 6 -> CHOSEN.get(random.nextInt(CHOSEN.size()));
            case 7, 8 -> new BigInteger(100, random).subtract(BigInteger.TWO.pow(99)).toString();
            default -> LocalDate.ofEpochDay(LocalDate.MIN.toEpochDay()
                    + (long) (random.nextDouble() * (LocalDate.MAX.toEpochDay() - LocalDate.MIN.toEpochDay()))).toString();
        };
    }

    /** Up to 40 UTF-16 units drawn from the whole range, so controls, surrogates and non-characters come up. */
    private static String anyUnicode(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(41); i > 0; i--) {
            text.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x80) : (char) random.nextInt(0x10000));
        }
        return text.toString();
    }

    private String body(Class<?> type, Random random) throws Exception {
        return switch (random.nextInt(6)) {
            case 0 -> "[".repeat(1_200) + "]".repeat(1_200);
            case 1 -> hostileText(random); // not JSON, or a bare JSON scalar
            case 2 -> json.writeValueAsString(randomTree(random, 3));
            default -> json.writeValueAsString(fieldsOf(type, random));
        };
    }

    /** The request body's own field names (record components or fields), each with a hostile value. */
    private JsonNode fieldsOf(Class<?> type, Random random) {
        ObjectNode node = json.createObjectNode();
        List<String> names = new ArrayList<>();
        if (type != null && type.isRecord()) {
            Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).forEach(names::add);
        } else if (type != null && !type.getName().startsWith("java.")) {
            for (Field field : type.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    names.add(field.getName());
                }
            }
        }
        if (names.isEmpty()) {
            names.addAll(List.of("code", "title", "text", "version", "email", "name", "type", "expiresOn"));
        }
        for (String name : names) {
            switch (random.nextInt(5)) {
                case 0 -> node.set(name, randomTree(random, 2));
                case 1 -> node.put(name, new BigInteger(hostileDigits(random)));
                default -> node.put(name, hostileText(random));
            }
        }
        return node;
    }

    private static String hostileDigits(Random random) {
        StringBuilder digits = new StringBuilder(random.nextBoolean() ? "-" : "");
        int length = 1 + random.nextInt(40);
        for (int i = 0; i < length; i++) {
            digits.append((char) ('1' + random.nextInt(9)));
        }
        return digits.toString();
    }

    private JsonNode randomTree(Random random, int depth) {
        if (depth == 0 || random.nextInt(3) == 0) {
            return random.nextBoolean() ? json.getNodeFactory().textNode(hostileText(random))
                    : json.getNodeFactory().numberNode(new BigInteger(hostileDigits(random)));
        }
        if (random.nextBoolean()) {
            ArrayNode array = json.createArrayNode();
            for (int i = random.nextInt(4); i > 0; i--) {
                array.add(randomTree(random, depth - 1));
            }
            return array;
        }
        ObjectNode object = json.createObjectNode();
        for (int i = random.nextInt(4); i > 0; i--) {
            object.set(hostileText(random), randomTree(random, depth - 1));
        }
        return object;
    }

    // ---------------------------------------------------------------- observation

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : WATCHED_TABLES) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        return counts;
    }

    private static String describe(MockHttpServletRequestBuilder request) {
        var built = request.buildRequest(new org.springframework.mock.web.MockServletContext());
        String body = built.getContentAsByteArray() == null ? ""
                : new String(built.getContentAsByteArray(), StandardCharsets.UTF_8);
        return built.getMethod() + " " + built.getRequestURI()
                + (built.getQueryString() == null ? "" : "?" + built.getQueryString())
                + (body.isEmpty() ? "" : " body " + (body.length() > 300 ? body.substring(0, 300) + "…" : body));
    }
}
