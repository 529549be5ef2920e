package fr.referentia.shared.web;

import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

/**
 * French, whatever the browser asks: the content is French and much of the interface text lives in the
 * templates, so following an English {@code Accept-Language} gave a page half in English and half in
 * French under {@code lang="en"}. Every page is French under {@code lang="fr"} until the whole interface
 * is translated ({@code messages_en.properties} keeps the translations made so far).
 */
@Configuration
class LocaleConfig {

    @Bean
    LocaleResolver localeResolver() {
        return new FixedLocaleResolver(Locale.FRENCH);
    }
}
