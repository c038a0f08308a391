/**
 * Web: the responsive page layout, navigation by role, the language switcher (简体中文 by
 * default, English, Français), localized error pages and the home page. Holds no business
 * logic and owns no tables; publishes and consumes no events.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.farmgate.web;
