package fr.referentia.shared.files;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the file storage keeps contents and when it purges ({@code referentia.files.*}).
 *
 * @param directory   the local directory of the contents (the embedded default store)
 * @param purgeCron   when the nightly purge runs (Spring cron; {@code -} disables it)
 * @param orphanGrace how old a content without a row, or a temporary leftover, must be before the
 *                    purge deletes it: longer than any upload can take
 */
@ConfigurationProperties("referentia.files")
public record FileStorageSettings(@DefaultValue("./data/files") Path directory,
        @DefaultValue("0 45 3 * * *") String purgeCron, @DefaultValue("1d") Duration orphanGrace) {

    public FileStorageSettings {
        if (orphanGrace.isNegative() || orphanGrace.isZero()) {
            throw new IllegalArgumentException("referentia.files.orphan-grace must be positive");
        }
    }
}
