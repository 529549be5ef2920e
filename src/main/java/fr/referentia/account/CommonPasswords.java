package fr.referentia.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** The list of common passwords shipped with the application ({@code account/common-passwords.txt}). */
final class CommonPasswords {

    private static final String RESOURCE = "/account/common-passwords.txt";
    private static final Set<String> LIST = load();

    private CommonPasswords() {
    }

    static boolean contains(String lowerCasePassword) {
        return LIST.contains(lowerCasePassword);
    }

    static int size() {
        return LIST.size();
    }

    private static Set<String> load() {
        try (var reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(CommonPasswords.class.getResourceAsStream(RESOURCE), RESOURCE),
                StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
