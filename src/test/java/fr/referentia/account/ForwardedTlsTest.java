package fr.referentia.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Behind a TLS-terminating proxy the application sees plain HTTP; the proxy's X-Forwarded-Proto
 * must make the request secure (server.forward-headers-strategy=native), so that HSTS is sent and
 * the session cookie is marked Secure. Forwarded headers count only from the proxies named in
 * configuration: here 127.0.0.1, as a deployment would name its proxy; the IPv6 loopback, which
 * Tomcat's default trusted like every private address, is not named and so not trusted. Needs the
 * real Tomcat, hence its own server context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1")
class ForwardedTlsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

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
        // Over TLS the __Host- prefix: browsers then take the cookie only if Secure, for "/", without a domain.
        assertThat(proxied.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
                .startsWith("__Host-SESSION=").contains("; Path=/;").contains("; Secure").contains("; HttpOnly")
                .contains("SameSite=Lax").doesNotContainIgnoringCase("domain="));

        HttpResponse<String> direct = loginPage(false);
        assertThat(direct.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(direct.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
                .startsWith("SESSION=").doesNotContain("Secure"));
    }

    /** A wrong password sent through HTTP Basic from {@code host}, claiming to come from elsewhere. */
    private List<String> addressesRecordedForAFailureFrom(String host) throws Exception {
        String account = "xff-" + UUID.randomUUID() + "@example.fr";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/api/v1/comparisons"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((account + ":faux").getBytes()))
                .header("X-Forwarded-For", "203.0.113.9").build();
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        return jdbc.queryForList("select client_address from login_failure where account = ?", String.class, account);
    }

    @Test
    void theClientAddressForwardedByTheNamedProxyIsTheOneTheSignInLimitsCount() throws Exception {
        assertThat(addressesRecordedForAFailureFrom("127.0.0.1")).containsExactly("203.0.113.9");
    }

    @Test
    void aForwardedAddressFromAnAddressNotNamedAsProxyIsIgnored() throws Exception {
        assertThat(addressesRecordedForAFailureFrom("[::1]")).containsExactly("0:0:0:0:0:0:0:1");
    }

    @Test
    void noProxyIsTrustedUnlessConfigured() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        assertThat(yaml.getObject().getProperty("server.tomcat.remoteip.internal-proxies"))
                .isEqualTo("${REFERENTIA_TRUSTED_PROXIES:}");
    }
}
