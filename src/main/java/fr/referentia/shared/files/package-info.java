/**
 * The file storage every module uploads through. A module declares a {@link
 * fr.referentia.shared.files.FilePurpose} bean (accepted types, sizes, retention, page range, who
 * may read), then calls {@link fr.referentia.shared.files.FileStorage#store} with the owner's
 * e-mail and the purpose's name, and keeps the returned {@link fr.referentia.shared.files.StoredFile}'s
 * id. Refusals are {@link fr.referentia.shared.BadInputException}s in French. Pages and the API
 * link to {@code /fichiers/{id}} and {@code /api/v1/files/{id}}, which ask the purpose whether the
 * caller may read the file. Contents live in a {@link fr.referentia.shared.files.FileStore} (the
 * local directory by default).
 */
package fr.referentia.shared.files;
