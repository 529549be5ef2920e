package fr.referentia.shared.files;

import fr.referentia.shared.personaldata.PersonalDataContributor;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * A person's stored files in « Mes données » (listed, and included in their archive) and in their
 * erasure: deleted, except those their purpose must keep, which then no longer name them.
 */
@Component
class StoredFilesPersonalData implements PersonalDataContributor {

    static final String ERASED_OWNER = "personne-effacee";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy")
            .withZone(ZoneId.of("Europe/Paris"));

    private final FileStorage storage;

    StoredFilesPersonalData(FileStorage storage) {
        this.storage = storage;
    }

    @Override
    public List<Section> sections(Subject subject) {
        List<List<String>> rows = storage.filesOf(subject.email()).stream()
                .map(file -> List.of(file.originalName(), label(file), FileStorage.describe(file.mediaType()),
                        FileStorage.inFrench(DataSize.ofBytes(file.size())), DAY.format(file.createdAt()),
                        DAY.format(file.retainUntil())))
                .toList();
        if (rows.isEmpty()) {
            return List.of();
        }
        return List.of(new Section("fichiers", "Fichiers déposés",
                List.of("Nom", "Usage", "Type", "Taille", "Déposé le", "Conservé jusqu'au"), rows));
    }

    @Override
    public List<File> files(Subject subject) {
        return storage.filesOf(subject.email()).stream()
                .map(file -> new File("depots/" + file.id() + "-" + file.originalName(), () -> storage.open(file.id())))
                .toList();
    }

    @Override
    public List<Kept> mustKeep(Subject subject) {
        List<Kept> kept = new ArrayList<>();
        for (StoredFile file : storage.filesOf(subject.email())) {
            reasonToKeep(file).ifPresent(reason -> kept.add(new Kept("Fichier « " + file.originalName() + " » ("
                    + label(file) + ")", reason)));
        }
        return kept;
    }

    @Override
    public void erase(Subject subject) {
        for (StoredFile file : storage.filesOf(subject.email())) {
            if (reasonToKeep(file).isPresent()) {
                storage.disown(file.id(), ERASED_OWNER);
            } else {
                storage.delete(file.id());
            }
        }
    }

    private Optional<String> reasonToKeep(StoredFile file) {
        return storage.purposeOf(file).flatMap(purpose -> purpose.mustKeep(file));
    }

    private String label(StoredFile file) {
        return storage.purposeOf(file).map(FilePurpose::label).orElse(file.purpose());
    }
}
