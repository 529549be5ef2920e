package fr.referentia.framework;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;

/** A seed imported under a fresh code, so that the seeds themselves stay as other tests expect them. */
final class SeedCopies {

    private SeedCopies() {
    }

    /** Imports {@code seeds/{seedFile}} under {@code prefix-XXXXXXXX} and returns that code. */
    static String importCopy(ObjectMapper json, FrameworkImporter importer, String seedFile, String prefix)
            throws IOException {
        String code = prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        try (InputStream in = new ClassPathResource("seeds/" + seedFile).getInputStream()) {
            ObjectNode file = (ObjectNode) json.readTree(in);
            ((ObjectNode) file.get("framework")).put("code", code);
            importer.importFramework(json.treeToValue(file, CanonicalFramework.class));
        }
        return code;
    }
}
