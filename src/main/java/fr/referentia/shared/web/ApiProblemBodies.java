package fr.referentia.shared.web;

import fr.referentia.shared.text.PlainText;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import org.springframework.web.util.UriUtils;

/**
 * Every problem detail of the API as it is written, whoever made it: {@code application/problem+json} (what
 * {@code /error} answered for an API address, {@link ApiErrorDispatch}, was {@code application/json}), and its
 * {@code instance} the address cut by {@link #instance} (Spring put the whole request path there, so a
 * 100,000-character identifier came back whole, invisible characters included). Problem details written by a
 * filter go through {@link ProblemResponses}, which uses the same {@link #instance}.
 */
@ControllerAdvice
class ApiProblemBodies implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selectedContentType,
            Class<? extends HttpMessageConverter<?>> selectedConverterType, ServerHttpRequest request,
            ServerHttpResponse response) {
        if (!(request instanceof ServletServerHttpRequest servlet) || !forApi(servlet.getServletRequest())) {
            return body;
        }
        if (body instanceof ProblemDetail problem) {
            if (problem.getInstance() != null) {
                problem.setInstance(instance(problem.getInstance().getRawPath()));
            }
            response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        } else if (body instanceof Map<?, ?> problem && problem.containsKey("status") && problem.containsKey("title")
                && problem.containsKey("detail")) {
            // Spring Boot's /error controller answers a map: ApiErrorDispatch's problem detail.
            response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        return body;
    }

    /** An API address, or the error dispatch of one. */
    private static boolean forApi(HttpServletRequest request) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = failed instanceof String uri ? uri : request.getRequestURI();
        return path != null && path.startsWith(request.getContextPath() + "/api/");
    }

    /**
     * The {@code instance} of a problem detail for a request path (as sent, percent-encoded or not): each segment as
     * a value quoted back in a message ({@link PlainText#quoted}: at most {@link PlainText#QUOTED} characters, control
     * and invisible characters as spaces), then written as a URI path (spaces and what a URI cannot hold
     * percent-encoded). An ordinary address is unchanged; null for null, « / » for what no URI can hold.
     */
    static URI instance(String path) {
        if (path == null) {
            return null;
        }
        String decoded;
        try {
            decoded = UriUtils.decode(path, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) { // « %zz »: cut as it came
            decoded = path;
        }
        StringJoiner cut = new StringJoiner("/");
        for (String segment : decoded.split("/", -1)) {
            cut.add(PlainText.quoted(segment));
        }
        try {
            return new URI(null, null, cut.toString().replaceFirst("^/+", "/"), null); // never « //host »
        } catch (URISyntaxException unlikely) {
            return URI.create("/");
        }
    }
}
