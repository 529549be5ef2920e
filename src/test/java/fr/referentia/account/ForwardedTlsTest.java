package fr.referentia.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Behind a TLS-terminating proxy the application sees plain HTTP; the proxy's X-Forwarded-Proto
 * must make the request secure (server.forward-headers-strategy=native), so that HSTS is sent and
 * the session cookie is marked Secure. Needs the real Tomcat, hence its own server context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ForwardedTlsTest {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> loginPage(boolean viaTlsProxy) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/connexion"));
        if (viaTlsProxy) {
            request.header("X-Forwarded-Proto", "https");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRequestForwardedFromTlsGetsHstsAndASecureSessionCookie() throws Exception {
        HttpResponse<String> proxied = loginPage(true);
        assertThat(proxied.statusCode()).isEqualTo(200);
        assertThat(proxied.headers().firstValue("Strict-Transport-Security"))
                .hasValue("max-age=31536000 ; includeSubDomains");
        assertThat(proxied.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
                .startsWith("SESSION=").contains("; Secure").contains("; HttpOnly").contains("SameSite=Lax"));

        HttpResponse<String> direct = loginPage(false);
        assertThat(direct.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(direct.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
                .doesNotContain("Secure"));
    }
}
