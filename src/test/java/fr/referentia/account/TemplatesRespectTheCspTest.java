package fr.referentia.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The Content-Security-Policy allows scripts and styles from our own files only: a template with an
 * inline script, a style element or attribute, an event handler attribute or a javascript: link
 * would be broken in the browser. PDF templates are exempt: openhtmltopdf renders them on the
 * server, no browser ever applies the policy to them.
 */
class TemplatesRespectTheCspTest {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");

    @Test
    void pageTemplatesHaveNoInlineScriptOrStyle() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> pages;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            pages = files.filter(file -> file.toString().endsWith(".html"))
                    .filter(file -> !TEMPLATES.relativize(file).startsWith("pdf")).toList();
        }
        assertThat(pages).as("page templates").hasSizeGreaterThan(5);
        for (Path page : pages) {
            for (Element element : Jsoup.parse(Files.readString(page)).getAllElements()) {
                String where = TEMPLATES.relativize(page) + " <" + element.tagName() + ">";
                if (element.tagName().equals("script") && !element.hasAttr("src") && !element.hasAttr("th:src")) {
                    problems.add(where + " : script en ligne");
                }
                if (element.tagName().equals("style")) {
                    problems.add(where + " : élément style");
                }
                for (Attribute attribute : element.attributes()) {
                    String name = attribute.getKey().toLowerCase().replaceFirst("^(th|data-th):", "");
                    if (name.equals("style") || name.startsWith("on") || name.startsWith("hx-on")
                            || attribute.getValue().strip().toLowerCase().startsWith("javascript:")) {
                        problems.add(where + " : attribut " + attribute.getKey());
                    }
                }
            }
        }
        assertThat(problems).as("what the CSP would block").isEmpty();
    }
}
