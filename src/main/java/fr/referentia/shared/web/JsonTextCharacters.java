package fr.referentia.shared.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.springframework.stereotype.Component;

/**
 * No JSON text of a request body may hold a NUL or half of a UTF-16 pair ({@code "\u0000"},
 * {@code "\ud800"}): PostgreSQL refuses the first with an error that reached the API as a 500, and the second
 * cannot be written as UTF-8 at all. Such a value is refused where JSON is read, naming its field in French
 * ({@link Messages#unreadableBody}), as {@link NulCharacters} does for addresses and parameters. Only request
 * bodies are checked ({@link RequestBodies} marks their reading): JSON the application stored itself is read as
 * it was written.
 */
@Component
class JsonTextCharacters extends SimpleModule {

    static final String REFUSED = "caractère nul ou demi-caractère isolé";

    /** The reader attribute that marks a request body's reading. */
    static final String REQUEST_BODY = JsonTextCharacters.class.getName() + ".requestBody";

    JsonTextCharacters() {
        super("JsonTextCharacters");
        addDeserializer(String.class, new CheckedStrings());
    }

    static final class CheckedStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            if (text != null && context.getAttribute(REQUEST_BODY) != null && refused(text)) {
                throw InvalidFormatException.from(parser, REFUSED, text, String.class);
            }
            return text;
        }

        static boolean refused(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\u0000') {
                    return true;
                }
                if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))) {
                    return true;
                }
                if (Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                    return true;
                }
            }
            return false;
        }
    }
}
