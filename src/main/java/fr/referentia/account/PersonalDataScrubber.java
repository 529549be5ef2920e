package fr.referentia.account;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces a person's e-mail and name in a JSON document by their pseudonym: the e-mail wherever
 * it appears in a text (any case), the name only where a text is exactly the name (a short name
 * could be part of other words).
 */
final class PersonalDataScrubber {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Pattern email;
    private final String emailReplacement;
    private final String name;
    private final String nameReplacement;

    PersonalDataScrubber(String email, String emailReplacement, String name, String nameReplacement) {
        this.email = Pattern.compile(Pattern.quote(email), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        this.emailReplacement = Matcher.quoteReplacement(emailReplacement);
        this.name = name.strip().toLowerCase(Locale.ROOT);
        this.nameReplacement = nameReplacement;
    }

    String scrubText(String text) {
        if (text == null) {
            return null;
        }
        if (text.strip().toLowerCase(Locale.ROOT).equals(name)) {
            return nameReplacement;
        }
        return email.matcher(text).replaceAll(emailReplacement);
    }

    /** The same document with the person's e-mail and name replaced; null stays null. */
    String scrubJson(String document) {
        if (document == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(scrub(JSON.readTree(document)));
        } catch (JsonProcessingException e) {
            return scrubText(document); // not JSON (written by hand?): treat it as text
        }
    }

    private JsonNode scrub(JsonNode node) {
        if (node.isTextual()) {
            return TextNode.valueOf(scrubText(node.textValue()));
        }
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                field.setValue(scrub(field.getValue()));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, scrub(array.get(i)));
            }
        }
        return node;
    }
}
