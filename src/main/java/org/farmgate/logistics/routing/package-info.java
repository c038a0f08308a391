/**
 * Vehicle routing for the county's daily pickup-and-delivery runs: a small,
 * framework-free model (sites, tasks, vehicles, travel) and a {@link RoutePlanner} that
 * turns a {@link Problem} into a {@link Plan} of routes, reporting what could not be
 * planned. Solved with jsprit; nothing here depends on Spring.
 */
package org.farmgate.logistics.routing;
