/**
 * Certification: for now assessors' accreditations (R5); later certifications, sessions,
 * applications, dossiers, grids, juries, awards and credentials. People are account ids, read
 * through the account module's public services; referentials are codes of the framework module's
 * catalogue.
 */
@ApplicationModule(allowedDependencies = {"account", "framework", "shared", "shared :: *"})
package fr.referentia.certification;

import org.springframework.modulith.ApplicationModule;
