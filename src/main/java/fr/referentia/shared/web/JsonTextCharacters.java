package fr.referentia.shared.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import java.io.IOException;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * A request body's dates are written dates ({@link WrittenDates}), and no JSON text of a request body may hold a NUL or half of a UTF-16 pair ({@code "\u0000"},
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
        addDeserializer(LocalDate.class, new WrittenDates());
    }

    /**
     * A date of a request body is written « AAAA-MM-JJ »: Jackson also read a bare number as a count of days since
     * 1970 (12345 became 2003-10-18, and a referential was published on that date).
     */
    static final class WrittenDates extends StdScalarDeserializer<LocalDate> {

        WrittenDates() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (context.getAttribute(REQUEST_BODY) != null && parser.currentToken() != null
                    && parser.currentToken().isNumeric()) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            return LocalDateDeserializer.INSTANCE.deserialize(parser, context);
        }
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
