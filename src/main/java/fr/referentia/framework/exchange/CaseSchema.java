package fr.referentia.framework.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/** The 1EdTech CASE 1.0 CFPackage JSON Schema (from OpenSALT), with French messages. */
final class CaseSchema {

    static final String LOCATION = "/standards/case-v1p0-cfpackage-schema.json";
    private static final int MAX_MESSAGES = 200;

    private final JsonSchema schema;

    CaseSchema() {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .locale(Locale.FRENCH)
                .formatAssertionsEnabled(true)
                .build();
        try (InputStream in = CaseSchema.class.getResourceAsStream(LOCATION)) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every violation, as "path: message", sorted; empty when the package is valid. */
    List<String> violations(JsonNode root) {
        return schema.validate(root).stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .limit(MAX_MESSAGES)
                .map(message -> "Schéma CASE — " + message)
                .toList();
    }
}
