/**
 * What the modules truly share, one way to do each thing: error types and the clock; the policy
 * kernel ({@code policy}); background jobs ({@code jobs}); file storage ({@code files});
 * spreadsheets ({@code spreadsheet}); mail ({@code mail}); PDF rendering, official numbers and
 * footer ({@code document}); plain-text checks of what people type ({@code text}); the audit event;
 * personal-data contributions ({@code personaldata}); web error rendering, module URL rules and
 * workspace tiles ({@code web}).
 * An open module, since sharing is its purpose; it depends on no other module.
 */
@ApplicationModule(displayName = "Partagé", type = ApplicationModule.Type.OPEN, allowedDependencies = {})
package fr.referentia.shared;

import org.springframework.modulith.ApplicationModule;
