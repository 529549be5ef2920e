package fr.referentia.shared.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import fr.referentia.shared.text.PlainText;
import java.io.IOException;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * A request body's dates are written dates ({@link WrittenDates}), and every JSON text of a request body follows the
 * project's one rule for long texts ({@link PlainText#multiLineProblem}): no control character but tabs and line
 * breaks, no invisible formatting character (zero-width space, bidirectional override, byte order mark…), no
 * Unicode non-character, no half of a UTF-16 pair ({@code "\ud800"}). PostgreSQL refused a NUL with an error that
 * reached the API as a 500, a lone surrogate cannot be written as UTF-8 at all, and the invisible ones were stored
 * and deceived readers. Such a value is refused where JSON is read, naming its field, the character and its
 * position in French ({@link Messages#unreadableBody}), as {@link NulCharacters} does for addresses and parameters.
 * Only request bodies are checked ({@link RequestBodies} marks their reading): JSON the application stored itself,
 * and files people upload (a CASE package, a canonical JSON import read from its stream), are read as they were
 * written and cleaned by their own readers.
 */
@Component
class JsonTextCharacters extends SimpleModule {

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

    /** A text of a request body that {@link PlainText#multiLineProblem} refuses: why, in French. */
    static final class RefusedCharacter extends InvalidFormatException {

        private final String problem;

        RefusedCharacter(JsonParser parser, String problem, String text) {
            super(parser, problem, text, String.class);
            this.problem = problem;
        }

        /** « contient un caractère invisible de mise en forme (U+200B, position 9) ». */
        String problem() {
            return problem;
        }
    }

    static final class CheckedStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            if (text != null && context.getAttribute(REQUEST_BODY) != null) {
                String problem = PlainText.multiLineProblem(text);
                if (problem != null) {
                    throw new RefusedCharacter(parser, problem, text);
                }
            }
            return text;
        }
    }
}
