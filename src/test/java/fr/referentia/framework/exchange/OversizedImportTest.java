package fr.referentia.framework.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A 50 MB import, as a JSON body and as a multipart upload, against the real Tomcat (MockMvc applies no
 * multipart limit): a French problem detail the client can read, nothing stored, no memory exhaustion.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OversizedImportTest {

    static final int FIFTY_MB = 50 * 1024 * 1024;
    static final String AUTH = "Basic " + Base64.getEncoder().encodeToString(
            "branch-admin@demo.referentia.fr:referentia-demo".getBytes(StandardCharsets.UTF_8));

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    final HttpClient http = HttpClient.newHttpClient();

    /** A canonical file whose one item text is padded to {@code size} bytes: valid but for its size. */
    static byte[] hugeCanonicalFile(String code, int size) {
        String head = "{\"format\":\"referentia/framework@1\",\"framework\":{\"code\":\"" + code
                + "\",\"kind\":\"CQP\",\"title\":\"Trop gros\",\"version\":\"1\",\"status\":\"PUBLISHED\"},"
                + "\"items\":[{\"code\":\"C1\",\"type\":\"COMPETENCY\",\"text\":\"zygomorphe ";
        String tail = "\"}]}";
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'a');
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        byte[] t = tail.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(h, 0, bytes, 0, h.length);
        System.arraycopy(t, 0, bytes, size - t.length, t.length);
        return bytes;
    }

    @Test
    void aFiftyMegabyteJsonBodyIsRefusedInFrenchAndNothingIsStored() throws Exception {
        long[] before = counts();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri())
                .header("Authorization", AUTH).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(hugeCanonicalFile("TROP-GROS-JSON", FIFTY_MB))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isIn(400, 413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("detail").asText()).contains("taille maximale");
        assertThat(counts()).containsExactly(before);
        assertThat(jdbc.queryForObject("select count(*) from framework where code = 'TROP-GROS-JSON'", Long.class))
                .isZero();
    }

    @Test
    void aFiftyMegabyteUploadIsA413InFrenchAndNothingIsStored() throws Exception {
        long[] before = counts();
        String boundary = "----referentia-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"gros.json\"\r\n"
                + "Content-Type: application/json\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(hugeCanonicalFile("TROP-GROS-FICHIER", FIFTY_MB));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri())
                .header("Authorization", AUTH).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).get("detail").asText()).contains("taille maximale");
        assertThat(counts()).containsExactly(before);
    }

    private URI uri() {
        return URI.create("http://127.0.0.1:" + port + "/api/v1/frameworks/import");
    }

    private long[] counts() {
        return new long[] {jdbc.queryForObject("select count(*) from framework", Long.class),
                jdbc.queryForObject("select count(*) from framework_item", Long.class)};
    }
}
