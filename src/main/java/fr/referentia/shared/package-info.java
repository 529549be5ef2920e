/**
 * What the modules truly share: error types, the clock, the audit event, web error rendering and
 * document rendering.
 * An open module, since sharing is its purpose; it depends on no other module.
 */
@ApplicationModule(displayName = "Partagé", type = ApplicationModule.Type.OPEN, allowedDependencies = {})
package fr.referentia.shared;

import org.springframework.modulith.ApplicationModule;
