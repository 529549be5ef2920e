package fr.referentia.framework.authoring;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import fr.referentia.IntegrationTest;
import fr.referentia.framework.FrameworkVersions;
import java.io.ByteArrayOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The figures of docs/performance.md (Authoring): the editor page of a draft of the seed 000, raw and
 * gzipped size and server time. Opt-in (-Dreferentia.measure=true): it drafts a seed, which the other
 * tests sharing the context do not expect.
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "referentia.measure", matches = "true")
class EditorPageSizeMeasurement {

    @Autowired
    MockMvc mvc;

    @Autowired
    FrameworkVersions versions;

    @Autowired
    UserDetailsService users;

    @Test
    void measureTheEditorOfASeed000Draft() throws Exception {
        versions.createDraft("RAC-METIERS-FORMATION", "2026-01");
        String editor = "/referentiels/RAC-METIERS-FORMATION/versions/2026-01/edition";
        var admin = user(users.loadUserByUsername("branch-admin@demo.referentia.fr"));
        for (String query : new String[] {"", "?branche=DOM1"}) {
            byte[] body = null;
            long best = Long.MAX_VALUE;
            for (int run = 0; run < 8; run++) {
                long start = System.nanoTime();
                body = mvc.perform(get(editor + query).with(admin)).andReturn().getResponse().getContentAsByteArray();
                best = Math.min(best, System.nanoTime() - start);
            }
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
                gzip.write(body);
            }
            if (query.isEmpty()) { java.nio.file.Files.write(java.nio.file.Path.of("target/editor-000.html"), body); }
            System.out.printf("MEASURE editor%s: %d bytes raw, %d gzipped, best of 8 %d ms%n", query, body.length,
                    zipped.size(), best / 1_000_000);
        }
    }
}
