package fr.referentia.shared.files;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** The store of file contents: the local directory (an S3-compatible bucket would be chosen here). */
@Configuration
class FileStorageConfig {

    @Bean
    FileStore localDirectoryFileStore(FileStorageSettings settings) {
        return new LocalDirectoryFileStore(settings.directory());
    }

    /** The storage, with every purpose the modules declare (none is fine: nothing can be stored then). */
    @Bean
    FileStorage fileStorage(FileStore store, JdbcClient jdbc, PlatformTransactionManager transactionManager,
            ObjectProvider<FilePurpose> purposes, Clock clock, FileStorageSettings settings) {
        return new FileStorage(store, jdbc, transactionManager, purposes.orderedStream().toList(), clock, settings);
    }
}
