package fr.referentia.shared.files;

import java.util.Optional;
import org.springframework.security.core.Authentication;

/**
 * What a file is for, declared as a bean by the module that owns such files (e.g. the evidence of
 * a development plan, the proofs of a VAE dossier): its limits, its retention, and who may read
 * one. The storage asks it on every upload and every download.
 */
public interface FilePurpose {

    /** The stable key stored with each file, e.g. {@code vae-preuve}: at most 60 characters. */
    String name();

    /** What the purpose is, in French, for the person (« Preuve du dossier VAE »). */
    String label();

    FileLimits limits();

    /**
     * Whether this caller may read this file; the download path answers 404 otherwise, so that a
     * file one may not read is never known to exist. {@code who} is never anonymous.
     */
    boolean mayRead(Authentication who, StoredFile file);

    /**
     * Why this file must be kept when its owner asks for erasure (in French, for the person), or
     * empty when it may be erased with the rest of their data.
     */
    default Optional<String> mustKeep(StoredFile file) {
        return Optional.empty();
    }
}
