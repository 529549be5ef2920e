package fr.referentia.account;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The session cookie. Served over TLS (directly, or behind a proxy named in
 * {@code server.tomcat.remoteip.internal-proxies}) it is {@code __Host-SESSION}: the prefix makes
 * browsers refuse it unless it is Secure, for the whole site and for this host only, so that no
 * sibling domain or plain-HTTP page can plant or overwrite it (ASVS 3.4.4). Over plain HTTP (the
 * embedded default on a developer's machine) the prefix cannot hold, and it stays {@code SESSION}.
 */
@Configuration
class SessionCookies {

    static final String PLAIN = "SESSION";
    static final String HOST_ONLY = "__Host-SESSION";

    @Bean
    CookieSerializer cookieSerializer() {
        return new ByTransport(serializer(PLAIN), serializer(HOST_ONLY));
    }

    private static DefaultCookieSerializer serializer(String name) {
        DefaultCookieSerializer serializer = new DefaultCookieSerializer();
        serializer.setCookieName(name);
        serializer.setCookiePath("/");
        serializer.setUseHttpOnlyCookie(true);
        serializer.setSameSite("Lax");
        return serializer; // Secure follows the request, so the TLS cookie always carries it
    }

    /** Writes and reads the prefixed cookie on secure requests, the plain one otherwise. */
    record ByTransport(CookieSerializer plain, CookieSerializer hostOnly) implements CookieSerializer {

        @Override
        public void writeCookieValue(CookieValue cookieValue) {
            (cookieValue.getRequest().isSecure() ? hostOnly : plain).writeCookieValue(cookieValue);
        }

        @Override
        public List<String> readCookieValues(HttpServletRequest request) {
            return (request.isSecure() ? hostOnly : plain).readCookieValues(request);
        }
    }
}
