package fr.referentia.framework;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Loads the branch's seed referentials at start-up when they are not there yet, so a fresh
 * database is ready to browse; running it again changes nothing. {@code referentia.seeds} is a
 * resource pattern, or several separated by commas (e.g. {@code classpath*:seeds/*.json,file:/x/more.json}):
 * patterns are read in the order given, the files of each pattern in filename order.
 * Meanwhile the application refuses traffic (readiness state); Spring Boot switches it to accepting
 * once every start-up runner, this one and the search indexing included, is done.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SeedLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SeedLoader.class);

    private final FrameworkImporter importer;
    private final FrameworkRepository frameworks;
    private final ObjectMapper json;
    private final String[] locations;
    private final ApplicationEventPublisher events;

    SeedLoader(FrameworkImporter importer, FrameworkRepository frameworks, ObjectMapper json,
            @Value("${referentia.seeds}") String location, ApplicationEventPublisher events) {
        this.importer = importer;
        this.frameworks = frameworks;
        this.json = json;
        this.events = events;
        this.locations = StringUtils.tokenizeToStringArray(location, ",");
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
        for (Resource seed : seeds()) {
            CanonicalFramework framework = read(seed);
            var header = framework.framework();
            if (frameworks.existsByCodeAndVersion(header.code(), header.version())) {
                continue;
            }
            importer.importFramework(framework);
            log.info("Référentiel chargé : {} ({} éléments)", header.code(), framework.items().size());
        }
    }

    private List<Resource> seeds() throws IOException {
        var resolver = new PathMatchingResourcePatternResolver();
        List<Resource> seeds = new ArrayList<>();
        for (String location : locations) {
            Resource[] found = resolver.getResources(location);
            Arrays.sort(found, Comparator.comparing(Resource::getFilename));
            seeds.addAll(Arrays.asList(found));
        }
        return seeds;
    }

    private CanonicalFramework read(Resource seed) {
        try (InputStream in = seed.getInputStream()) {
            return json.readValue(in, CanonicalFramework.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Seed " + seed.getFilename() + " cannot be read", e);
        }
    }
}
