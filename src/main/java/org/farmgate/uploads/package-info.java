/**
 * Uploads: reading the text of files users upload (CSV as Excel saves it in China, UTF-8
 * with or without BOM or GB18030) and reading a CSV text's records with the lines they
 * begin on. Shared by the modules that import files; owns no tables, publishes and
 * consumes no events.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.farmgate.uploads;
