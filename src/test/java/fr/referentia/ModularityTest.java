package fr.referentia;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(ReferentiaApplication.class);

    /** The committed copy of the generated module documentation. */
    static final Path COMMITTED_DOCS = Path.of("docs", "modules", "generated");

    @Test
    void modulesOnlyUseEachOthersPublicApiAndTheirDeclaredDependencies() {
        MODULES.verify();
    }

    /**
     * Generates the component diagrams (PlantUML) and the module canvases into {@code target/}, and checks
     * that the committed module map ({@code docs/modules/generated/components.puml}) is current; run with
     * {@code -Dmodules.docs.update=true} to refresh the whole committed copy. The per-module files change
     * with every new bean, so only the map of modules and their dependencies is enforced.
     */
    @Test
    void theCommittedModuleMapIsUpToDate() throws IOException {
        Path generated = Path.of("target", "spring-modulith-docs");
        deleteRecursively(generated);
        withoutJavadocIndex(() -> new Documenter(MODULES, generated.toString())
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases());
        Map<String, String> fresh = read(generated);
        assertThat(fresh).containsKeys("components.puml", "module-framework.puml", "module-framework.adoc");
        if (Boolean.getBoolean("modules.docs.update")) {
            deleteRecursively(COMMITTED_DOCS);
            Files.createDirectories(COMMITTED_DOCS);
            for (Map.Entry<String, String> file : fresh.entrySet()) {
                Files.writeString(COMMITTED_DOCS.resolve(file.getKey()), file.getValue());
            }
        }
        assertThat(read(COMMITTED_DOCS).get("components.puml"))
                .as("docs/modules/generated is out of date: run ./mvnw -o test -Dtest=ModularityTest "
                        + "-Dmodules.docs.update=true and commit the result")
                .isEqualTo(fresh.get("components.puml"));
    }

    /**
     * Spring Modulith 1.4 reads the Javadoc index written at compile time with a JSON parser that fails on
     * some Javadoc (an escaped quote next to a bracket), so the canvases are written without it.
     */
    private static void withoutJavadocIndex(Runnable generation) throws IOException {
        Path index = Path.of("target", "generated-spring-modulith", "javadoc.json");
        Path aside = index.resolveSibling("javadoc.json.aside");
        boolean moved = Files.exists(index);
        if (moved) {
            Files.move(index, aside, StandardCopyOption.REPLACE_EXISTING);
        }
        try {
            generation.run();
        } finally {
            if (moved) {
                Files.move(aside, index, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static Map<String, String> read(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> paths = Files.list(folder)) {
            paths.filter(Files::isRegularFile).forEach(path -> {
                try {
                    files.put(path.getFileName().toString(), inStableOrder(Files.readString(path).replace("\r\n", "\n")));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return files;
    }

    /** Spring Modulith writes a diagram's relations in no fixed order: sorted, they compare. */
    static String inStableOrder(String diagram) {
        List<String> lines = new ArrayList<>(List.of(diagram.split("\n", -1)));
        List<String> relations = lines.stream().filter(line -> line.startsWith("Rel(")).sorted().toList();
        Iterator<String> sorted = relations.iterator();
        lines.replaceAll(line -> line.startsWith("Rel(") ? sorted.next() : line);
        return String.join("\n", lines);
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(path);
            }
        }
    }
}
